import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEngineSession } from './engine-session';

/**
 * `npm test`: typecheck, lint, unit tests, build, then engine integration
 * tests and Playwright journeys against a real engine. Runs every step,
 * then prints one closing line with the totals.
 */
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-reports-'));
const failedSteps: string[] = [];
let passed = 0;
let failed = 0;
let skipped = 0;
/** Named again at the end, since CI often shows only the tail of the log. */
const failedTests: string[] = [];
/** Each skipped test with the reason it gave, so a skip is never silent. */
const skippedTests: string[] = [];

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  console.log(`\n=== ${step}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => {
      // CI has a time limit: each step's share of it, to see what grows.
      console.log(`=== ${step} took ${Math.round((Date.now() - started) / 1000)} s`);
      if (code !== 0) failedSteps.push(step);
      resolve(code === 0);
    });
  });
}

function countVitest(file: string): void {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
  };
  for (const fileResult of report.testResults) {
    for (const test of fileResult.assertionResults) {
      if (test.status !== 'failed') continue;
      const firstLine = test.failureMessages[0]?.split('\n')[0] ?? '';
      failedTests.push(`${path.relative(process.cwd(), fileResult.name)} › ${test.fullName}\n      ${firstLine}`);
    }
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string): void {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
  };
  collectPlaywrightFailures(report.suites, []);
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  skipped += report.stats.skipped;
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    ok: boolean;
    file: string;
    line: number;
    tests: { status?: string; annotations?: { type: string; description?: string }[]; results: { error?: { message?: string } }[] }[];
  }[];
}

function collectPlaywrightFailures(suites: PlaywrightSuite[] = [], titles: string[]): void {
  for (const suite of suites) {
    const trail = suite.file === suite.title ? titles : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'skipped') continue;
        const reason = test.annotations?.find((a) => a.type === 'skip')?.description || 'no reason given';
        skippedTests.push(`${spec.file}:${spec.line} › ${spec.title}\n      ${reason}`);
      }
      if (spec.ok) continue;
      const message = spec.tests.flatMap((t) => t.results).find((r) => r.error)?.error?.message ?? '';
      // Strip ANSI colours: the message is for a plain log.
      // eslint-disable-next-line no-control-regex
      const firstLine = message.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0];
      failedTests.push(`${spec.file}:${spec.line} › ${[...trail, spec.title].join(' › ')}\n      ${firstLine}`);
    }
    collectPlaywrightFailures(suite.suites, trail);
  }
}

async function vitest(project: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const output = path.join(reports, `vitest-${project}.json`);
  await run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], env);
  countVitest(output);
}

async function main(): Promise<void> {
  await run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  await run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
  // Electronegativity over electron/ and renderer/: any finding not accepted with a reason fails.
  await run('security gate', 'npx', ['tsx', 'scripts/security-gate.ts']);
  await vitest('unit');
  const built = await run('build', 'npx', ['electron-vite', 'build']);

  const session = await openEngineSession();
  if ('unavailable' in session) {
    console.log(`\nSKIPPED engine tests and end-to-end journeys: ${session.unavailable}.`);
    failedSteps.push('engine');
  } else {
    try {
      const env = { DOCKER_HOST: session.host, CAIS_TEST_ENGINE_OWNED: session.owned ? '1' : '' };
      await vitest('engine', env);
      if (built) {
        const output = path.join(reports, 'playwright.json');
        await run('end-to-end', 'npx', ['playwright', 'test'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
        countPlaywright(output);
      } else {
        failedSteps.push('end-to-end (build failed)');
      }
    } finally {
      await session.close();
    }
  }
  fs.rmSync(reports, { recursive: true, force: true });
  if (skippedTests.length) console.log(`\nSkipped tests (Playwright; vitest prints its reasons above):\n${skippedTests.map((t) => `  ${t}`).join('\n')}`);
  if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}`);
  if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failedSteps.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
