import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm run web` as a user runs it: the built out/main/web.js in its own
 * process. Lives in the engine project because that runs after the build.
 */
const WEB_JS = path.resolve(import.meta.dirname, '../out/main/web.js');
const built = fs.existsSync(WEB_JS);
if (!built) console.log(`SKIPPED web CLI tests: ${WEB_JS} is missing; run \`npx electron-vite build\` first.`);

const children: ChildProcess[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-web-cli-'));
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; resolves when it exits or once it prints its address. */
function startCli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WEB_JS, ...args], {
      // A socket that does not exist: these tests are about binding, not the engine.
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/cais-test.sock', CAIS_DATA_DIR: dataDir },
    });
    children.push(child);
    const outcome: Outcome = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      outcome.stdout += chunk.toString();
      if (/token=/.test(outcome.stdout)) resolve(outcome);
    });
    child.stderr.on('data', (chunk: Buffer) => (outcome.stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ ...outcome, code }));
  });
}

describe.skipIf(!built)('npm run web: where it listens', { timeout: 20_000 }, () => {
  it('listens on 127.0.0.1 by default, without a warning', async () => {
    const outcome = await startCli(['--port', '0']);
    expect(outcome.code).toBeNull(); // still running
    expect(outcome.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S{40,}$/m);
    expect(outcome.stderr).not.toMatch(/WARNING/);
  });

  it('refuses a non-loopback address without --allow-remote, exiting non-zero with a clear message', async () => {
    const outcome = await startCli(['--host', '0.0.0.0', '--port', '0']);
    expect(outcome.code).not.toBe(0);
    expect(outcome.code).not.toBeNull();
    expect(outcome.stderr).toContain('Refusing to listen on 0.0.0.0');
    expect(outcome.stderr).toContain('--allow-remote');
    expect(outcome.stdout).not.toMatch(/token=/);
  });

  it('listens on it with --allow-remote, printing a warning, and still demands the token', async () => {
    const outcome = await startCli(['--host', '0.0.0.0', '--allow-remote', '--port', '0']);
    expect(outcome.code).toBeNull();
    expect(outcome.stderr).toMatch(/WARNING: listening beyond this machine/);
    const port = Number(/:(\d+)\/\?token=/.exec(outcome.stdout)?.[1]);
    const refused = await fetch(`http://127.0.0.1:${port}/`);
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });
});
