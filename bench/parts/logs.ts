/**
 * Logs, in the window (Chromium on the web host):
 * 1. A container has written 200,000 lines: time until the last one is in
 *    the window, against `docker logs` printing them all (at most 2x).
 * 2. Following a container that writes about 10,000 lines a second for
 *    30 s: the page's heap (at most 250 MB) and how fast a click is answered
 *    (p95 at most 50 ms), against the same window idle.
 * CAIS_BENCH_LOG_LINES and CAIS_BENCH_FLOOD_SECONDS shrink it while developing.
 */
import { execFile, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import { type BenchPart, type BenchRow, type Cleanup, percentile } from '../support/harness';
import { openRendererHost } from '../support/renderer-host';
import { launchWindowBrowser, openWindow } from '../support/window';

const LINES = Number(process.env.CAIS_BENCH_LOG_LINES ?? 200_000);
const FLOOD_SECONDS = Number(process.env.CAIS_BENCH_FLOOD_SECONDS ?? 30);
const IDLE_SECONDS = Math.max(5, FLOOD_SECONDS / 2);
const RUNS = 3;
/** The window keeps this many lines by default (Settings → log lines). */
const WINDOW_LINES = 10_000;
const CLICK_EVERY_MS = 500;
const HEAP_EVERY_MS = 1000;

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A labelled container that runs `script` in sh; removed at cleanup. */
async function startScript(script: string, cleanups: Cleanup[]): Promise<string> {
  const docker = testDocker();
  const container = await createTestContainer(docker, { Cmd: ['sh', '-c', script] });
  cleanups.push(() => container.remove({ force: true }).catch(() => undefined));
  await container.start();
  return container.id;
}

/** `docker logs [args] <id>` printing into /dev/null: ms until it exits. */
function timeDockerLogs(id: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('docker', ['logs', ...args, id], { stdio: 'ignore', env: { ...process.env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`docker logs exited with ${code}`))));
  });
}

/** Resolves once the log view holds `count` lines and shows `lastLine` (it follows, so the end is on screen). */
async function waitForLastLine(page: Page, count: number, lastLine: string): Promise<void> {
  await page.waitForFunction(
    ([count, lastLine]) => {
      const view = document.querySelector('[data-testid="log-view"]');
      if (view?.getAttribute('data-lines') !== count) return false;
      return [...view.querySelectorAll('[data-index]')].some((line) => line.textContent === lastLine);
    },
    [String(count), lastLine],
    { polling: 'raf', timeout: 300_000 },
  );
}

async function openLogs(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#containers/${id}/logs`);
}

async function closeLogs(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#containers'));
  await page.getByTestId('log-view').waitFor({ state: 'detached' });
}

/**
 * Part 1: opening the panel (it shows the last 1,000 lines), then choosing
 * the whole log, each against `docker logs` printing every line: what the
 * user waits for is the last line. The window keeps its last 10,000 lines
 * (Settings → log lines), so for the whole log it asks the engine for those.
 */
async function timeLastLine(page: Page, cleanups: Cleanup[]): Promise<BenchRow[]> {
  const id = await startScript(`seq 1 ${LINES}`, cleanups);
  await testDocker().getContainer(id).wait();
  const last = String(LINES);
  const panel: number[] = [];
  const whole: number[] = [];
  const cli: number[] = [];
  const cliTail: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const opened = performance.now();
    await openLogs(page, id);
    await waitForLastLine(page, Math.min(1000, LINES), last);
    const shown = performance.now();
    await page.locator('select:has(option[value="all"])').selectOption('all');
    await waitForLastLine(page, Math.min(WINDOW_LINES, LINES), last);
    const wholeShown = performance.now();
    await closeLogs(page);
    const printed = await timeDockerLogs(id, []);
    const printedTail = await timeDockerLogs(id, ['--tail', '1000']);
    if (i === 0) continue; // warm-up: caches, the window's first paint of the panel
    panel.push(shown - opened);
    whole.push(wholeShown - shown);
    cli.push(printed);
    cliTail.push(printedTail);
  }
  // For reading the first row: the CLI asked for the panel's 1,000 lines alone.
  console.log(`logs: open panel ${percentile(panel, 50).toFixed(0)} ms; docker logs --tail 1000 ${percentile(cliTail, 50).toFixed(0)} ms`);
  const lines = LINES.toLocaleString('en');
  return [
    {
      measure: `Logs: open panel to last of ${lines} lines (last 1,000)`,
      unit: 'ms',
      cais: percentile(panel, 50),
      baselineName: 'docker logs',
      baseline: percentile(cli, 50),
      target: { maxRatio: 2 },
    },
    {
      measure: `Logs: whole log to last of ${lines} lines`,
      unit: 'ms',
      cais: percentile(whole, 50),
      baselineName: 'docker logs',
      baseline: percentile(cli, 50),
      target: { maxRatio: 2 },
    },
  ];
}

/** The line number a flood container printed last. */
async function lastNumber(id: string): Promise<number> {
  const { stdout } = await run('docker', ['logs', '--tail', '1', id], { env: { ...process.env } });
  return Number(stdout.trim());
}

/**
 * Clicks the page heading every CLICK_EVERY_MS and samples the JS heap every
 * HEAP_EVERY_MS for `seconds`. A click's latency runs from the input event's
 * time stamp (when the browser received it, so time queued behind other work
 * counts) to the next animation frame after its handlers.
 */
async function clicksAndHeap(page: Page, cdp: CDPSession, seconds: number): Promise<{ clicks: number[]; heapMb: number }> {
  await page.evaluate(() => {
    const store = window as unknown as { benchClicks: number[] };
    store.benchClicks = [];
  });
  const heading = await page.locator('#details-title').boundingBox();
  if (!heading) throw new Error('no page heading to click');
  const end = performance.now() + seconds * 1000;
  let heapMb = 0;
  const sampleHeap = async () => {
    while (performance.now() < end) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapMb = Math.max(heapMb, usedSize / 1024 / 1024);
      await sleep(HEAP_EVERY_MS);
    }
  };
  const click = async () => {
    while (performance.now() < end) {
      await page.mouse.click(heading.x + 10, heading.y + heading.height / 2);
      await sleep(CLICK_EVERY_MS);
    }
  };
  await Promise.all([sampleHeap(), click()]);
  await sleep(200); // the last click's frame
  const clicks = await page.evaluate(() => (window as unknown as { benchClicks: number[] }).benchClicks);
  return { clicks, heapMb };
}

/** Part 2: the window idle on a flooding container's log, then following it. */
async function followFlood(page: Page, cleanups: Cleanup[]): Promise<BenchRow[]> {
  // seq prints a thousand numbered lines at once; the pause paces it near 10,000 a second.
  const id = await startScript('i=1; while :; do seq $i $((i+999)); i=$((i+1000)); usleep 90000; done', cleanups);
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      (event) => {
        const at = event.timeStamp;
        requestAnimationFrame(() => (window as unknown as { benchClicks: number[] }).benchClicks.push(performance.now() - at));
      },
      true,
    );
  });
  const cdp = await page.context().newCDPSession(page);
  await openLogs(page, id);
  await page.getByLabel('Follow', { exact: true }).uncheck();
  await page.getByTestId('log-view').waitFor();
  await sleep(1000);
  await cdp.send('HeapProfiler.collectGarbage');
  const idle = await clicksAndHeap(page, cdp, IDLE_SECONDS);

  await page.getByLabel('Follow', { exact: true }).check();
  const firstLine = await lastNumber(id);
  const started = performance.now();
  const following = await clicksAndHeap(page, cdp, FLOOD_SECONDS);
  const rate = ((await lastNumber(id)) - firstLine) / ((performance.now() - started) / 1000);
  const shown = await page.getByTestId('log-view').getAttribute('data-lines');
  console.log(`flood: ${Math.round(rate)} lines/s for ${FLOOD_SECONDS} s; the window holds ${shown} lines; ${following.clicks.length} clicks`);
  await closeLogs(page);

  const seconds = `${FLOOD_SECONDS} s`;
  return [
    {
      measure: `Logs: following ${Math.round(rate / 1000)}k lines/s for ${seconds}, page heap max`,
      unit: 'MB',
      cais: following.heapMb,
      baselineName: 'window idle',
      baseline: idle.heapMb,
      target: { maxValue: 250 },
    },
    {
      measure: `Logs: following ${Math.round(rate / 1000)}k lines/s, click to next frame p95`,
      unit: 'ms',
      cais: percentile(following.clicks, 95),
      baselineName: 'window idle',
      baseline: percentile(idle.clicks, 95),
      target: { maxValue: 50 },
    },
  ];
}

export const logsPart: BenchPart = {
  id: 'logs',
  async run(cleanups) {
    const host = await openRendererHost(cleanups);
    const browser = await launchWindowBrowser(cleanups);
    const page = await openWindow(browser, host.launchUrl());
    return [...(await timeLastLine(page, cleanups)), ...(await followFlood(page, cleanups))];
  },
};
