import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { downloadFailure, offlineSentence } from './dist';

const ROOT = path.resolve(import.meta.dirname, '..');
/** What electron-builder 26 printed here, offline, for `--linux` (paths replaced). */
const OFFLINE = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/electron-builder-offline.txt'), 'utf8');
const OTHER_FAILURE = [
  '  • packaging       platform=linux arch=x64 electron=45.4.1 appOutDir=dist/linux-unpacked',
  '  ⨯ Application entry file "out/main/main.js" does not exist  failedTask=build stackTrace=Error: Application entry file "out/main/main.js" does not exist',
  '    at processTicksAndRejections (node:internal/process/task_queues:105:5)',
].join('\n');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-dist-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A stand-in for electron-builder's CLI that prints `output` (progress on stdout, the report on stderr) and exits with `code`. */
function fakeBuilder(name: string, output: string, code: number): string {
  const file = path.join(temp, `${name}.cjs`);
  const [progress, ...report] = output.split('\n');
  fs.writeFileSync(
    file,
    `process.stdout.write(${JSON.stringify(`${progress}\n`)});\n` +
      `process.stderr.write(${JSON.stringify(`${report.join('\n')}\n`)});\n` +
      `process.exitCode = ${code};\n`,
  );
  return file;
}

function runDist(builder: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/dist.ts'), '--linux'], {
    cwd: ROOT,
    env: { ...process.env, CAIS_DIST_BUILDER: builder },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run dist: a failed download is one sentence', () => {
  it("finds the reason in electron-builder's offline report", () => {
    expect(downloadFailure(OFFLINE)).toBe('getaddrinfo ENOTFOUND github.com');
    expect(downloadFailure('  ⨯ Response code 404 (Not Found)  failedTask=build stackTrace=HTTPError: Response code 404')).toBe('Response code 404 (Not Found)');
    expect(downloadFailure('RequestError: connect ECONNREFUSED 127.0.0.1:9\n    at x (y.js:1:1)')).toBe('connect ECONNREFUSED 127.0.0.1:9');
  });

  it('leaves any other failure alone', () => {
    expect(downloadFailure(OTHER_FAILURE)).toBeUndefined();
    expect(downloadFailure('')).toBeUndefined();
  });

  it('offline: prints the sentence and no stack trace, and exits non-zero', () => {
    const result = runDist(fakeBuilder('offline', OFFLINE, 1));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(offlineSentence('getaddrinfo ENOTFOUND github.com'));
    expect(result.stderr).toContain('docs/packaging.md');
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stderr + result.stdout).not.toContain('stackTrace=');
    // Progress still shows as it comes.
    expect(result.stdout).toContain('• packaging');
  });

  it('any other failure is printed in full, as electron-builder wrote it', () => {
    const result = runDist(fakeBuilder('other', OTHER_FAILURE, 2));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Application entry file "out/main/main.js" does not exist');
    expect(result.stderr).toMatch(/^\s+at processTicksAndRejections/m);
    expect(result.stderr).not.toContain('could not download');
  });

  it('success passes through with exit code 0', () => {
    const result = runDist(fakeBuilder('ok', '  • building        target=AppImage', 0));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('target=AppImage');
    expect(result.stderr).not.toContain('could not download');
  });
});
