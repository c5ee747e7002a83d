/**
 * Containers benchmark: what Cais adds on top of the Docker Engine API.
 *
 * 1. Listing ~N containers (created, not started): the raw Engine API
 *    (GET /containers/json?all=1 over node:http, body parsed as JSON) is the
 *    baseline; dockerode, Cais `containers.list` through the real router over
 *    the web host's WebSocket, and `docker ps -a` are compared with it.
 * 2. Change-to-window latency: from issuing a container start (raw API) until
 *    the Cais `engine.events` stream yields the 'start' event, against the raw
 *    /events stream seeing the same event. Both are subscribed before acting.
 *
 * Run: `npm run bench` (starts a throwaway engine and sets DOCKER_HOST).
 * It only prints a table; it has no thresholds.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { ContractRouterClient } from '@orpc/contract';
import { createTestContainer, testDocker } from '../e2e/support/engine-fixtures';
import type { Contract } from '../electron/api/contract';
import { LineSplitter } from '../electron/engine/line-splitter';
import { openBenchHost, percentile, printTable, ratio, withCleanups } from './support/harness';

// Issue: the list must stay smooth with 2,000 containers; CAIS_BENCH_CONTAINERS overrides.
const CONTAINERS = Number(process.env.CAIS_BENCH_CONTAINERS ?? 2000);
const CREATE_BATCH = 20;
const LIST_WARMUPS = 3;
const LIST_ITERATIONS = 30;
const EVENT_CONTAINERS = 3;
const EVENT_WARMUPS = 2;
const EVENT_ITERATIONS = 20;
const EVENT_TIMEOUT_MS = 10_000;

type Client = ContractRouterClient<Contract>;
/** One benchmark case and its timings in ms. */
type Row = { name: string; samples: number[] };

const run = promisify(execFile);
const rawAgent = new http.Agent({ keepAlive: true });

/** Where node:http reaches the engine named by DOCKER_HOST. */
function engineTarget(): http.RequestOptions {
  const host = process.env.DOCKER_HOST ?? '';
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { host: url.hostname, port: Number(url.port) };
  }
  throw new Error('DOCKER_HOST is not set to unix:// or tcp://: run with `npm run bench`.');
}

/** One raw Engine API call, without dockerode; resolves with the body text. */
function rawRequest(method: string, apiPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ ...engineTarget(), agent: rawAgent, method, path: apiPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        (response.statusCode ?? 500) < 400 ? resolve(body) : reject(new Error(`${method} ${apiPath}: ${response.statusCode} ${body}`)),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Remembers who waits for which event, and when each one arrived. */
class EventWatch {
  private readonly waiters = new Map<string, (at: number) => void>();

  seen(action: string, id: string): void {
    const at = performance.now();
    const key = `${action}:${id}`;
    this.waiters.get(key)?.(at);
    this.waiters.delete(key);
  }

  /** Resolves with the arrival time of the next `action` for `id`. */
  next(action: string, id: string, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: no '${action}' event for ${id.slice(0, 12)}`)), EVENT_TIMEOUT_MS);
      this.waiters.set(`${action}:${id}`, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/** Subscribes to the raw /events stream; resolves once the engine answered. */
function watchRawEvents(watch: EventWatch): Promise<http.ClientRequest> {
  const filters = encodeURIComponent(JSON.stringify({ type: ['container'] }));
  return new Promise((resolve, reject) => {
    const request = http.get({ ...engineTarget(), agent: false, path: `/events?filters=${filters}` }, (response) => {
      const splitter = new LineSplitter();
      response.on('data', (chunk: Buffer) => {
        for (const line of splitter.push(chunk)) {
          const event = JSON.parse(line) as { Action: string; Actor?: { ID?: string }; id?: string };
          watch.seen(event.Action, event.Actor?.ID ?? event.id ?? '');
        }
      });
      response.on('error', () => undefined); // ends when the bench destroys the request
      resolve(request);
    });
    request.on('error', reject);
  });
}

/** Subscribes to Cais `engine.events` over the web host socket until `signal` aborts. */
async function watchCaisEvents(client: Client, watch: EventWatch, signal: AbortSignal): Promise<void> {
  const events = await client.engine.events(undefined, { signal });
  for await (const event of events) watch.seen(event.action, event.id);
}

async function createContainers(count: number): Promise<string[]> {
  const docker = testDocker();
  const ids: string[] = [];
  while (ids.length < count) {
    const batch = Math.min(CREATE_BATCH, count - ids.length);
    const created = await Promise.all(Array.from({ length: batch }, () => createTestContainer(docker)));
    ids.push(...created.map((container) => container.id));
  }
  return ids;
}

async function removeContainers(ids: string[]): Promise<void> {
  const docker = testDocker();
  for (let i = 0; i < ids.length; i += CREATE_BATCH) {
    const batch = ids.slice(i, i + CREATE_BATCH);
    await Promise.all(batch.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
  }
}

async function timeCalls(name: string, call: () => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < LIST_WARMUPS; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < LIST_ITERATIONS; i++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  return { name, samples };
}

/** Starts and stops containers in turn; times each 'start' on both streams. */
async function timeStartEvents(client: Client, ids: string[]): Promise<Row[]> {
  const rawWatch = new EventWatch();
  const caisWatch = new EventWatch();
  const rawEvents = await watchRawEvents(rawWatch);
  const stopCais = new AbortController();
  const caisDone = watchCaisEvents(client, caisWatch, stopCais.signal).catch(() => undefined);
  const raw: number[] = [];
  const cais: number[] = [];
  try {
    for (let i = 0; i < EVENT_WARMUPS + EVENT_ITERATIONS; i++) {
      const id = ids[i % ids.length];
      const rawSeen = rawWatch.next('start', id, 'raw /events');
      const caisSeen = caisWatch.next('start', id, 'Cais engine.events');
      const started = performance.now();
      await rawRequest('POST', `/containers/${id}/start`);
      const [rawAt, caisAt] = await Promise.all([rawSeen, caisSeen]);
      if (i >= EVENT_WARMUPS) {
        raw.push(rawAt - started);
        cais.push(caisAt - started);
      }
      await rawRequest('POST', `/containers/${id}/stop?t=0`);
    }
  } finally {
    rawEvents.destroy();
    stopCais.abort();
    await caisDone;
  }
  return [
    { name: 'raw Engine API /events stream', samples: raw },
    { name: 'Cais engine.events over web host WS', samples: cais },
  ];
}

function printTimings(title: string, rows: Row[]): void {
  const baseline = percentile(rows[0].samples, 50);
  const lines = rows.map((row) => {
    const median = percentile(row.samples, 50);
    return [row.name, String(row.samples.length), median.toFixed(2), percentile(row.samples, 95).toFixed(2), ratio(median, baseline)];
  });
  printTable(title, ['case', 'n', 'median ms', 'p95 ms', 'ratio vs baseline'], lines);
}

async function main(): Promise<void> {
  await withCleanups(async (cleanups) => {
    const { state, client } = await openBenchHost(cleanups);
    cleanups.push(() => rawAgent.destroy());

    const listIds = await createContainers(CONTAINERS);
    cleanups.push(() => removeContainers(listIds));
    const present = (JSON.parse(await rawRequest('GET', '/containers/json?all=1')) as unknown[]).length;
    console.log(`engine ${state.engineVersion} (API ${state.apiVersion}, ${state.os}), N = ${present} containers present`);

    const docker = testDocker();
    const listRows = [
      await timeCalls('raw Engine API GET /containers/json', async () => JSON.parse(await rawRequest('GET', '/containers/json?all=1'))),
      await timeCalls('dockerode listContainers', () => docker.listContainers({ all: true })),
      await timeCalls('Cais containers.list over web host WS', () => client.containers.list({ all: true })),
      await timeCalls('docker ps -a (CLI)', () => run('docker', ['ps', '-a'], { env: { ...process.env } })),
    ];
    printTimings(`Listing ${present} containers (all=1)`, listRows);

    const eventIds = await createContainers(EVENT_CONTAINERS);
    cleanups.push(() => removeContainers(eventIds));
    printTimings('Container start -> start event seen', await timeStartEvents(client, eventIds));
  });
}

await main();
