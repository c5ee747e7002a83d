import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithAccepted, parseFindingsCsv, readAccepted, REPO_ROOT, runGate, SCANNED_DIRS, splitCsvLine } from './security-gate';

describe('security gate: CSV and comparison', () => {
  it('splits quoted CSV cells with commas and doubled quotes', () => {
    expect(splitCsvLine('A,"x, y","say ""hi""",N/A')).toEqual(['A', 'x, y', 'say "hi"', 'N/A']);
  });

  it('flags what is not accepted and reports accepted entries that went away', () => {
    const csv = [
      'issue, severity, confidence, filename, location, sample, description, url',
      'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main.ts","18:17","new BrowserWindow(o);","Use sandbox",https://x',
      'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","w.ts","3:1","new BrowserWindow({ nodeIntegration: true });","Disable",https://x',
    ].join('\n');
    const findings = parseFindingsCsv(csv);
    const result = compareWithAccepted(findings, [
      { check: 'SANDBOX_JS_CHECK', file: 'main.ts', sample: 'new BrowserWindow(o);', reason: 'r' },
      { check: 'CSP_GLOBAL_CHECK', file: 'main.ts', sample: 'N/A', reason: 'r' },
    ]);
    expect(result.unaccepted.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(result.stale.map((a) => a.check)).toEqual(['CSP_GLOBAL_CHECK']);
  });

  it('matches the quoted line on letters and digits, since the CSV mangles punctuation', () => {
    const finding = parseFindingsCsv(
      ['issue, severity, confidence, filename, location, sample, description, url', 'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main.ts","9:2","const w = new BrowserWindow(opts(path.join(here, ../p.cjs)));","Use sandbox",https://x'].join('\n'),
    );
    const accepted = { check: 'SANDBOX_JS_CHECK', file: 'main.ts', sample: "new BrowserWindow(opts(path.join(here, '../p.cjs')))", reason: 'r' };
    expect(compareWithAccepted(finding, [accepted]).unaccepted).toEqual([]);
    expect(compareWithAccepted(finding, [{ ...accepted, file: 'other.ts' }]).unaccepted).toHaveLength(1);
    expect(compareWithAccepted(finding, [{ ...accepted, sample: 'new BrowserWindow(other)' }]).unaccepted).toHaveLength(1);
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
