/**
 * Start (issue: from starting the web host to the containers list drawn, at
 * most 1 s; the renderer's first-load JavaScript at most 600 KB gzipped).
 *
 * 1. The clock starts just before `node out/main/web.js --port 0` is spawned
 *    (a data folder of its own, the engine from DOCKER_HOST). The window (a
 *    Chromium tab already open, as a browser would be) opens the address as
 *    soon as the host prints it, and the clock stops in the animation frame
 *    that paints the first container rows (Date.now in the page: the same wall
 *    clock as Node's). The baseline is `docker ps -a` from scratch: a fresh CLI
 *    process listing the same containers.
 * 2. The JavaScript index.html makes the window load at first (its scripts,
 *    modulepreloads, and what they import statically), gzipped, against all the
 *    JavaScript in out/renderer: the ratio shows how much is deferred.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { firstLoadScripts, gzippedKB } from '../../e2e/support/first-load';
import { type BenchPart, type BenchRow, type Cleanup, percentile } from '../support/harness';
import { populateContainers } from '../support/population';
import { BUILT_RENDERER, BUILT_WEB_HOST, requireBuild } from '../support/renderer-host';
import { launchWindowBrowser } from '../support/window';

const CONTAINERS = 20;
const STARTS = 5;
const TIMEOUT_MS = 60_000;

const run = promisify(execFile);

/** In the page: the wall-clock time of the frame that paints the first container row (a string: no bundler helpers). */
const RECORD_FIRST_ROWS = `
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="container-row"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__rowsPaintedAt = Date.now()));
  });
  observer.observe(document, { subtree: true, childList: true });
`;

/** Ms from spawning the web host to its printed address, and to the painted rows. */
type Start = { addressAt: number; rowsAt: number };

/** One start: spawn the web host, open its address, wait for rows. */
async function timeOneStart(browser: Browser, cleanups: Cleanup[]): Promise<Start> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-bench-start-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  cleanups.push(() => page.close());
  await page.addInitScript(() => localStorage.setItem('cais.language', 'en'));
  await page.addInitScript(RECORD_FIRST_ROWS);

  const started = Date.now();
  const child = spawn(process.execPath, [BUILT_WEB_HOST, '--port', '0'], {
    env: { ...process.env, CAIS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  cleanups.push(stop);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the web host printed no address')), TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`the web host exited with ${code}`)));
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        if (!/^https?:\/\/\S+token=/.test(line)) return;
        clearTimeout(timer);
        resolve(line.trim());
      });
    });
    const addressAt = Date.now() - started;
    await page.goto(url);
    const painted = await page.waitForFunction(() => (window as unknown as { __rowsPaintedAt?: number }).__rowsPaintedAt, undefined, { timeout: TIMEOUT_MS });
    return { addressAt, rowsAt: ((await painted.jsonValue()) as number) - started };
  } finally {
    await stop();
    await page.close();
  }
}

/** Median wall time of `docker ps -a` run afresh. */
async function timeDockerPs(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = Date.now();
    await run('docker', ['ps', '-a'], { env: { ...process.env }, timeout: TIMEOUT_MS });
    samples.push(Date.now() - started);
  }
  return percentile(samples, 50);
}


export const startPart: BenchPart = {
  id: 'start',
  async run(cleanups) {
    requireBuild();
    await populateContainers(CONTAINERS, cleanups);
    const browser = await launchWindowBrowser(cleanups);
    const starts: Start[] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await timeOneStart(browser, cleanups));
    console.log(`  web host start to address printed: ${starts.map((start) => start.addressAt).join(', ')} ms`);
    console.log(`  web host start to ${CONTAINERS} container rows drawn: ${starts.map((start) => start.rowsAt).join(', ')} ms`);

    const first = firstLoadScripts(BUILT_RENDERER);
    const all = fs.readdirSync(path.join(BUILT_RENDERER, 'assets')).filter((name) => name.endsWith('.js')).map((name) => path.join(BUILT_RENDERER, 'assets', name));
    console.log(`  first load: ${first.length} of ${all.length} JavaScript files`);
    const rows: BenchRow[] = [
      {
        measure: `Start: web host started to containers list drawn (median of ${STARTS})`,
        unit: 'ms',
        cais: percentile(starts.map((start) => start.rowsAt), 50),
        baselineName: 'docker ps -a, fresh',
        baseline: await timeDockerPs(),
        target: { maxValue: 1000 },
      },
      {
        measure: 'Renderer first-load JavaScript, gzipped',
        unit: 'KB',
        cais: gzippedKB(first),
        baselineName: 'all renderer JavaScript',
        baseline: gzippedKB(all),
        target: { maxValue: 600 },
      },
    ];
    return rows;
  },
};
