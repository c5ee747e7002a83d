/**
 * Lists at scale (issue: 2,000 containers, 2,000 volumes, 500 image tags;
 * rows drawn at most 300 ms after the data arrives; under 100 rows in the DOM).
 *
 * Each screen is loaded fresh in the window several times. Inside the page,
 * without changing the app, a wrapper around WebSocket stamps every message
 * that carries the population's names (the list's answer) as it is delivered
 * to the page, and a MutationObserver stamps the animation frame that paints
 * the first rows. The time between the last list message before the rows and
 * that frame is the app's own work: decoding, React, the virtual list.
 *
 * The baseline is the same screen, same measure, with 20 items (created
 * first, then topped up to the full count): what scale costs over a small list.
 */
import type { Page } from '@playwright/test';
import { type BenchPart, type BenchRow, type Cleanup, percentile, withCleanups } from '../support/harness';
import { populateContainers, populateImageTags, populateVolumes } from '../support/population';
import { openInstrumentedWindow, openRendererHost } from '../support/renderer-host';
import { launchWindowBrowser } from '../support/window';

const SMALL = 20;
const LOADS = 5;
const LOAD_TIMEOUT_MS = 60_000;
/** After the first rows, how long the list may keep adding rows before they are counted. */
const SETTLE_MS = 1000;

interface Screen {
  /** The hash route, and the word for the table. */
  route: string;
  items: string;
  full: number;
  /** Text every population item puts in the list's answer (and nothing else on the screen does). */
  marker: string;
  /** One element per drawn row. */
  rowSelector: string;
  populate(count: number, cleanups: Cleanup[]): Promise<unknown>;
}

const SCREENS: Screen[] = [
  {
    route: 'containers',
    items: 'containers',
    full: 2000,
    marker: 'cais-test-', // createTestContainer's names
    rowSelector: '[data-testid="container-row"]',
    populate: (count, cleanups) => populateContainers(count, cleanups),
  },
  {
    route: 'volumes',
    items: 'volumes',
    full: 2000,
    marker: 'bench-vol-',
    rowSelector: 'ul[aria-label="Volumes"] > li',
    populate: (count, cleanups) => populateVolumes(count, cleanups),
  },
  {
    route: 'images',
    items: 'image tags',
    full: 500,
    marker: 'cais-bench/',
    rowSelector: '[data-testid="image-row"]',
    populate: (count, cleanups) => populateImageTags(count, cleanups),
  },
];

/** In the page, before the app: stamps list messages and the frame that paints the first rows (a string: no bundler helpers). */
function recordListScript(marker: string, rowSelector: string): string {
  return `
    const marker = ${JSON.stringify(marker)};
    const timing = (window.__listTiming = { frames: [], rowsAt: undefined });
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (event) => {
          const text = typeof event.data === 'string' ? event.data : event.data instanceof ArrayBuffer ? new TextDecoder().decode(event.data) : '';
          if (text.includes(marker)) timing.frames.push({ at: performance.now(), bytes: text.length });
        });
      }
    };
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(rowSelector)})) return;
      observer.disconnect();
      const domAt = performance.now();
      requestAnimationFrame(() => (timing.rowsAt = { domAt, paintAt: performance.now() }));
    });
    observer.observe(document, { subtree: true, childList: true });
  `;
}

type ListTiming = { frames: { at: number; bytes: number }[]; rowsAt?: { domAt: number; paintAt: number } };
type Load = { dataToRows: number; openToRows: number; bytes: number; rows: number };

async function loadScreen(page: Page, url: string, rowSelector: string): Promise<Load> {
  await page.goto('about:blank');
  await page.goto(url);
  // A function, not a string: the app's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(() => (window as unknown as { __listTiming?: ListTiming }).__listTiming?.rowsAt, undefined, { timeout: LOAD_TIMEOUT_MS });
  await page.waitForTimeout(SETTLE_MS);
  const timing = (await page.evaluate('window.__listTiming')) as ListTiming;
  const { domAt, paintAt } = timing.rowsAt!;
  const data = timing.frames.filter((frame) => frame.at <= domAt).at(-1);
  if (!data) throw new Error(`${url}: rows were drawn with no list message before them`);
  return { dataToRows: paintAt - data.at, openToRows: paintAt, bytes: data.bytes, rows: await page.locator(rowSelector).count() };
}

async function measureScreen(page: Page, origin: string, screen: Screen, count: number): Promise<{ dataToRows: number; rows: number }> {
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await loadScreen(page, `${origin}/#${screen.route}`, screen.rowSelector));
  const dataToRows = percentile(loads.map((load) => load.dataToRows), 50);
  const rows = Math.max(...loads.map((load) => load.rows));
  console.log(
    `  ${count} ${screen.items}: data to rows ${dataToRows.toFixed(0)} ms, opening to rows ${percentile(loads.map((load) => load.openToRows), 50).toFixed(0)} ms, ` +
      `list message ${(loads[0].bytes / 1024).toFixed(0)} KiB, ${rows} rows in the DOM (median of ${LOADS} loads)`,
  );
  return { dataToRows, rows };
}

/** Runs `body` with cleanups of its own, emptied when it ends (whatever happens); returns its result. */
async function withScreen<T>(body: (cleanups: Cleanup[]) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await withCleanups(async (cleanups) => {
    result = await body(cleanups);
  });
  return result as T;
}

export const screensPart: BenchPart = {
  id: 'screens',
  async run(cleanups) {
    const host = await openRendererHost(cleanups);
    const origin = host.origin;
    const browser = await launchWindowBrowser(cleanups);
    const rows: BenchRow[] = [];
    for (const screen of SCREENS) {
      // One screen's population at a time: each is removed before the next screen is measured.
      const { small, full } = await withScreen(async (screenCleanups) => {
        const page = await openInstrumentedWindow(browser, host.launchUrl(), recordListScript(screen.marker, screen.rowSelector));
        screenCleanups.push(() => page.close());
        await screen.populate(SMALL, screenCleanups);
        const small = await measureScreen(page, origin, screen, SMALL);
        // Away from the screen while filling it: the window would re-read the list at every 'create'.
        await page.goto('about:blank');
        await screen.populate(screen.full - SMALL, screenCleanups);
        return { small, full: await measureScreen(page, origin, screen, screen.full) };
      });
      const what = `${screen.route[0].toUpperCase()}${screen.route.slice(1)} screen, ${screen.full.toLocaleString('en')} ${screen.items}`;
      rows.push(
        {
          measure: `${what}: list data to rows drawn`,
          unit: 'ms',
          cais: full.dataToRows,
          baselineName: `same, ${SMALL} ${screen.items}`,
          baseline: small.dataToRows,
          target: { maxValue: 300 },
        },
        {
          measure: `${what}: rows in the DOM`,
          unit: 'rows',
          cais: full.rows,
          baselineName: `same, ${SMALL} ${screen.items}`,
          baseline: small.rows,
          target: { maxValue: 99 },
        },
      );
    }
    return rows;
  },
};
