import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithAccepted, parseFindingsSarif, readAccepted, REPO_ROOT, runGate, SCANNED_DIRS } from './security-gate';

/** A SARIF report as Electronegativity writes it, one result per [check, file, line]. */
function sarif(results: [string, string, number][]): string {
  return JSON.stringify({
    runs: [
      {
        results: results.map(([ruleId, uri, startLine]) => ({
          ruleId,
          level: 'warning',
          message: { text: 'why' },
          locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn: 3 } } }],
        })),
      },
    ],
  });
}

const SOURCE: Record<string, string[]> = {
  'main.ts': ['import x;', "  const w = new BrowserWindow(opts(path.join(here, '../p.cjs')));"],
  'w.ts': ['', '', 'new BrowserWindow({ nodeIntegration: true });'],
};
const lineOf = (file: string, line: number) => SOURCE[file][line - 1];

describe('security gate: SARIF and comparison', () => {
  it('reads each finding with the source line it points at', () => {
    const [finding] = parseFindingsSarif(sarif([['SANDBOX_JS_CHECK', 'main.ts', 2]]), lineOf);
    expect(finding).toMatchObject({ check: 'SANDBOX_JS_CHECK', file: 'main.ts', location: '2:3', sample: "const w = new BrowserWindow(opts(path.join(here, '../p.cjs')));" });
  });

  it('flags what is not accepted and reports accepted entries that went away', () => {
    const findings = parseFindingsSarif(sarif([['SANDBOX_JS_CHECK', 'main.ts', 2], ['NODE_INTEGRATION_JS_CHECK', 'w.ts', 3]]), lineOf);
    const result = compareWithAccepted(findings, [
      { check: 'SANDBOX_JS_CHECK', file: 'main.ts', sample: 'new BrowserWindow(opts(', reason: 'r' },
      { check: 'CSP_GLOBAL_CHECK', file: 'main.ts', sample: 'onHeadersReceived', reason: 'r' },
    ]);
    expect(result.unaccepted.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(result.stale.map((a) => a.check)).toEqual(['CSP_GLOBAL_CHECK']);
  });

  it('an accepted entry covers only its check, its file and a line containing its fragment', () => {
    const findings = parseFindingsSarif(sarif([['SANDBOX_JS_CHECK', 'main.ts', 2]]), lineOf);
    const accepted = { check: 'SANDBOX_JS_CHECK', file: 'main.ts', sample: 'new BrowserWindow(opts(path.join(here, "../p.cjs")))', reason: 'r' };
    expect(compareWithAccepted(findings, [accepted]).unaccepted).toEqual([]);
    expect(compareWithAccepted(findings, [{ ...accepted, file: 'other.ts' }]).unaccepted).toHaveLength(1);
    expect(compareWithAccepted(findings, [{ ...accepted, check: 'AUXCLICK_JS_CHECK' }]).unaccepted).toHaveLength(1);
    expect(compareWithAccepted(findings, [{ ...accepted, sample: 'new BrowserWindow(other)' }]).unaccepted).toHaveLength(1);
  });

  it('refuses an accepted entry without a reason', () => {
    const file = path.join(os.tmpdir(), `cais-accepted-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify([{ check: 'X', file: 'f', sample: 's', reason: ' ' }]));
    expect(() => readAccepted(file)).toThrow(/reason/);
    fs.rmSync(file);
  });
});

// Runs the real Electronegativity: the app's own tree, then the same tree with one planted finding.
describe('security gate: Electronegativity on the source', { timeout: 120_000 }, () => {
  const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-planted-'));
  afterAll(() => fs.rmSync(planted, { recursive: true, force: true }));

  it('passes on the app as committed (every finding is accepted with a reason)', async () => {
    const result = await runGate();
    expect(result.findings.length).toBeGreaterThan(0); // the scanner really ran over the source
    expect(result.unaccepted).toEqual([]);
  });

  it('fails on a new finding planted in the source (nodeIntegration: true)', async () => {
    for (const dir of SCANNED_DIRS) fs.cpSync(path.join(REPO_ROOT, dir), path.join(planted, dir), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, 'scripts/fixtures/planted-insecure-window.js'), path.join(planted, 'electron/planted-window.js'));
    const result = await runGate(planted);
    const checks = result.unaccepted.map((f) => `${f.check} ${f.file}`);
    expect(checks).toContain('NODE_INTEGRATION_JS_CHECK electron/planted-window.js');
    expect(checks).toContain('CONTEXT_ISOLATION_JS_CHECK electron/planted-window.js');
    // Only the planted file is new: the committed findings stay accepted.
    expect(result.unaccepted.every((f) => f.file === 'electron/planted-window.js')).toBe(true);
  });
});
