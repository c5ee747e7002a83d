/**
 * Stats: 20 running containers' live stats for 30 s, as the window's stats
 * tabs would stream them. The web host runs as its own process (the built
 * `out/main/web.js`) so its CPU time can be read from /proc; the baseline is
 * a plain node process holding the same 20 raw stats streams, read the same
 * way. Target: the host uses at most 5% of one core.
 * CAIS_BENCH_STATS_SECONDS shortens it while developing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestContainer, testDocker } from '../../e2e/support/engine-fixtures';
import { engineTarget } from '../support/engine-api';
import { type BenchHost, type BenchPart, type Cleanup, connectRpc } from '../support/harness';
import { BUILT_WEB_HOST, requireBuild } from '../support/renderer-host';

const CONTAINERS = 20;
const SECONDS = Number(process.env.CAIS_BENCH_STATS_SECONDS ?? 30);
const STARTUP_TIMEOUT_MS = 60_000;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

type Client = BenchHost['client'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system) a process has used so far, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is the first, utime and stime the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Percent of one core `pid` uses over the next SECONDS. */
async function cpuPercent(pid: number): Promise<number> {
  const before = cpuSeconds(pid);
  const started = performance.now();
  await sleep(SECONDS * 1000);
  return ((cpuSeconds(pid) - before) / ((performance.now() - started) / 1000)) * 100;
}

/** SIGTERM, then resolves once the process is gone (so its files can be removed). */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Spawns a node process, stopped at cleanup; resolves with it once a stdout line matches `ready`. */
function spawnNode(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cleanups: Cleanup[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => stopProcess(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: not ready after ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n').find((candidate) => ready.test(candidate));
      if (line) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** 20 labelled containers that sleep; removed at cleanup. */
async function startSleepers(cleanups: Cleanup[]): Promise<string[]> {
  const docker = testDocker();
  return Promise.all(
    Array.from({ length: CONTAINERS }, async () => {
      const container = await createTestContainer(docker, { Cmd: ['sleep', '3600'] });
      cleanups.push(() => container.remove({ force: true }).catch(() => undefined));
      await container.start();
      return container.id;
    }),
  );
}

/** The baseline: a plain node process with the raw stats streams open, each line parsed; prints "ready" once all have spoken. */
const RAW_STATS_HOLDER = `
const http = require('node:http');
const target = JSON.parse(process.env.BENCH_ENGINE);
const ids = process.env.BENCH_IDS.split(',');
const heard = new Set();
for (const id of ids) {
  http.get({ ...target, agent: false, path: '/containers/' + id + '/stats?stream=1' }, (response) => {
    let rest = '';
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      const lines = (rest + chunk).split('\\n');
      rest = lines.pop();
      for (const line of lines) if (line) JSON.parse(line);
      heard.add(id);
      if (heard.size === ids.length) console.log('ready');
    });
  });
}
`;

async function rawStatsCpu(ids: string[], cleanups: Cleanup[]): Promise<number> {
  const env = { ...process.env, BENCH_ENGINE: JSON.stringify(engineTarget()), BENCH_IDS: ids.join(',') };
  const { child } = await spawnNode(['-e', RAW_STATS_HOLDER], env, /^ready$/, cleanups);
  const percent = await cpuPercent(child.pid ?? 0);
  await stopProcess(child);
  return percent;
}

/** The host answers before it has reached the engine: wait for 'connected', as the window does. */
async function untilConnected(client: Client, signal: AbortSignal): Promise<void> {
  const watching = new AbortController();
  signal.addEventListener('abort', () => watching.abort(), { once: true });
  for await (const state of await client.engine.state(undefined, { signal: watching.signal })) {
    if (state.status === 'connected') break;
  }
  watching.abort();
}

async function caisStatsCpu(ids: string[], cleanups: Cleanup[]): Promise<number> {
  requireBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-bench-web-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const { child, line } = await spawnNode([BUILT_WEB_HOST, '--port', '0'], { ...process.env, CAIS_DATA_DIR: dataDir }, /^http:\/\//, cleanups);
  const client = await connectRpc(line.trim(), cleanups);
  const stop = new AbortController();
  setMaxListeners(ids.length + 5, stop.signal); // one listener per stream, by design
  cleanups.push(() => stop.abort());
  await untilConnected(client, stop.signal);
  const received = new Map<string, number>();
  const holding = ids.map(async (id) => {
    for await (const sample of await client.containers.stats({ id }, { signal: stop.signal })) {
      if (sample.time) received.set(id, (received.get(id) ?? 0) + 1);
    }
  });
  void Promise.all(holding).catch((error: unknown) => {
    if (!stop.signal.aborted) console.warn(`stats stream: ${String(error)}`);
  });
  for (const deadline = performance.now() + STARTUP_TIMEOUT_MS; received.size < ids.length; await sleep(100)) {
    if (performance.now() > deadline) throw new Error(`stats: only ${received.size} of ${ids.length} streams gave a sample`);
  }
  const before = [...received.values()].reduce((sum, count) => sum + count, 0);
  const percent = await cpuPercent(child.pid ?? 0);
  const samples = [...received.values()].reduce((sum, count) => sum + count, 0) - before;
  console.log(`stats: Cais streamed ${samples} samples for ${ids.length} containers in ${SECONDS} s`);
  stop.abort();
  return percent;
}

export const statsPart: BenchPart = {
  id: 'stats',
  async run(cleanups) {
    const ids = await startSleepers(cleanups);
    const baseline = await rawStatsCpu(ids, cleanups);
    const cais = await caisStatsCpu(ids, cleanups);
    return [
      {
        measure: `Stats: ${CONTAINERS} containers streamed for ${SECONDS} s, host CPU`,
        unit: '% core',
        cais,
        baselineName: 'node holding the raw streams',
        baseline,
        target: { maxValue: 5 },
      },
    ];
  },
};
