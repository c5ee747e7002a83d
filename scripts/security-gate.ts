import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The security gate: Electronegativity over the app's own source, failing on
 * any finding that is not in the committed accepted list. Its CLI exits 0
 * even with findings, hence this wrapper that reads its SARIF results.
 */

const run = promisify(execFile);
const require = createRequire(import.meta.url);
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const ACCEPTED_FILE = path.join(REPO_ROOT, 'security', 'accepted-findings.json');
/** What ships: the main process, preload, web host and renderer. */
export const SCANNED_DIRS = ['electron', 'renderer'];

export interface Finding {
  check: string;
  /** SARIF's level: error, warning or note. */
  severity: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface AcceptedFinding {
  check: string;
  file: string;
  /** A fragment of the source line the finding points at, compared on letters and digits only. */
  sample: string;
  reason: string;
}

export interface GateResult {
  findings: Finding[];
  unaccepted: Finding[];
  /** Accepted entries that no longer match anything: the list should shrink. */
  stale: AcceptedFinding[];
}

/** Line numbers shift with every edit, so a finding is identified by check, file and quoted line. */
const keyOf = (f: { check: string; file: string; sample: string }) => `${f.check}|${f.file}|${f.sample}`;
const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');

/** True when the accepted entry covers the finding: same check and file, and the sample contains its fragment. */
export function covers(accepted: AcceptedFinding, finding: Finding): boolean {
  return accepted.check === finding.check && accepted.file === finding.file && letters(finding.sample).includes(letters(accepted.sample));
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      level?: string;
      message?: { text?: string };
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[];
    }[];
  }[];
}

/**
 * Reads Electronegativity's SARIF report (JSON: its CSV report breaks records
 * on line breaks inside descriptions). The quoted line comes from the scanned
 * source itself, so it is exact.
 */
export function parseFindingsSarif(text: string, lineOf: (file: string, line: number) => string): Finding[] {
  const report = JSON.parse(text) as Sarif;
  if (!Array.isArray(report.runs)) throw new Error('Electronegativity wrote no SARIF runs: its output format changed.');
  return report.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      const file = location?.artifactLocation?.uri ?? '';
      const line = location?.region?.startLine ?? 0;
      return {
        check: result.ruleId,
        severity: result.level ?? '',
        file,
        location: `${line}:${location?.region?.startColumn ?? 0}`,
        sample: file && line ? lineOf(file, line).trim() : 'N/A',
        description: result.message?.text ?? '',
      };
    }),
  );
}

export function compareWithAccepted(findings: Finding[], accepted: AcceptedFinding[]): GateResult {
  return {
    findings,
    unaccepted: findings.filter((f) => !accepted.some((a) => covers(a, f))),
    stale: accepted.filter((a) => !findings.some((f) => covers(a, f))),
  };
}

export function readAccepted(file = ACCEPTED_FILE): AcceptedFinding[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as AcceptedFinding[];
  for (const entry of list) {
    if (!entry.check || !entry.file || !letters(entry.sample ?? '') || !entry.reason?.trim()) {
      throw new Error(`${file}: every accepted finding needs check, file, sample and a reason (${JSON.stringify(entry)}).`);
    }
  }
  return list;
}

function installedElectronVersion(): string {
  return (JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Scans a copy of `dirs` (relative to `root`) in one pass, so the global checks
 * (CSP, navigation limits, permission handler) see the whole app but never
 * node_modules.
 */
export async function scan(root: string, dirs: string[]): Promise<Finding[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-security-'));
  try {
    const input = path.join(work, 'app');
    for (const dir of dirs) fs.cpSync(path.join(root, dir), path.join(input, dir), { recursive: true });
    const output = path.join(work, 'findings.sarif');
    const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
    // -e: the Electron we ship, since Electronegativity cannot read it from a copied tree.
    await run(process.execPath, [cli, '-i', input, '-r', '-e', installedElectronVersion(), '-o', output], {
      maxBuffer: 32 * 1024 * 1024,
    });
    if (!fs.existsSync(output)) throw new Error('Electronegativity wrote no results file.');
    const lineOf = (file: string, line: number) => fs.readFileSync(path.join(input, file), 'utf8').split('\n')[line - 1] ?? '';
    return parseFindingsSarif(fs.readFileSync(output, 'utf8'), lineOf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function runGate(root = REPO_ROOT, dirs = SCANNED_DIRS, accepted = readAccepted()): Promise<GateResult> {
  return compareWithAccepted(await scan(root, dirs), accepted);
}

const describe = (f: Finding) => `  ${f.check} [${f.severity}] ${f.file}:${f.location}\n    ${f.sample}\n    ${f.description}`;

async function main(): Promise<void> {
  const result = await runGate();
  console.log(`Electronegativity: ${result.findings.length} finding(s), ${result.unaccepted.length} not accepted.`);
  for (const entry of result.stale) {
    console.log(`  note: accepted finding no longer reported, remove it from security/accepted-findings.json: ${keyOf(entry)}`);
  }
  if (result.unaccepted.length) {
    console.error('Security gate FAILED. Fix these, or accept each one with its reason in security/accepted-findings.json:');
    for (const f of result.unaccepted) console.error(describe(f));
    process.exit(1);
  }
  console.log('Security gate passed.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(`Security gate could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
