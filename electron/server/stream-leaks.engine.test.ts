import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openRpcSocket } from '../../e2e/support/rpc-socket';
import { createTestContainer, testDocker, uniqueName } from '../../e2e/support/engine-fixtures';
import { pushTo, removeQuietly } from '../../e2e/support/image-fixtures';
import { startRegistry, type LocalRegistry } from '../../e2e/support/registry';
import { TEST_IMAGE } from '../../e2e/support/test-engine';
import type { Contract } from '../api/contract';

/**
 * Opening and closing the window's streams (logs, stats, terminals, pulls)
 * many times leaves the web host's sockets and file handles where they
 * started. The host runs as `npm run web` does, in a process of its own, so
 * its descriptors can be counted from outside in /proc/<pid>/fd.
 */
const WEB_JS = path.resolve(import.meta.dirname, '../../out/main/web.js');
const built = fs.existsSync(WEB_JS);
const hasProc = fs.existsSync('/proc/self/fd');
if (!built) console.log(`SKIPPED stream leak tests: ${WEB_JS} is missing; run \`npx electron-vite build\` first.`);
if (!hasProc) console.log('SKIPPED stream leak tests: no /proc/<pid>/fd to count descriptors on this system.');

const CYCLES = 300;
/** Streams opened at once: like a few panels opening together, and it keeps the run short. */
const GROUP = 20;
const CHATTY = ['sh', '-c', "trap 'exit 0' TERM; while :; do echo tick; sleep 0.05 & wait $!; done"];

type Api = ContractRouterClient<Contract>;

interface Descriptors {
  all: number;
  sockets: number;
}

function descriptorsOf(pid: number): Descriptors {
  const dir = `/proc/${pid}/fd`;
  let sockets = 0;
  let all = 0;
  for (const fd of fs.readdirSync(dir)) {
    let target: string;
    try {
      target = fs.readlinkSync(path.join(dir, fd));
    } catch {
      continue; // closed while we read the folder
    }
    all += 1;
    if (target.startsWith('socket:')) sockets += 1;
  }
  return { all, sockets };
}

/**
 * Node's HTTP agent keeps an idle engine connection open for 5 s in case
 * another request comes: counts are taken once those have closed too.
 */
const KEEP_ALIVE_MS = 5000;

/** The count once idle connections closed and it has not changed for half a second. */
async function steadyDescriptors(pid: number): Promise<Descriptors> {
  await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_MS + 500));
  let last = descriptorsOf(pid);
  for (let tries = 0; tries < 20; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = descriptorsOf(pid);
    if (now.all === last.all && now.sockets === last.sockets) return now;
    last = now;
  }
  return last;
}

/** Polls until the host is back at `baseline` (or lower) or 15 s pass; returns the last count. */
async function settledDescriptors(pid: number, baseline: Descriptors): Promise<Descriptors> {
  let now = descriptorsOf(pid);
  for (let waited = 0; waited < KEEP_ALIVE_MS + 10_000 && (now.all > baseline.all || now.sockets > baseline.sockets); waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    now = descriptorsOf(pid);
  }
  return now;
}

/**
 * Reads a stream until `enough` says so, then closes it the way a panel
 * does: even cycles abort the call's signal (the window's hooks), odd ones
 * leave the loop, which returns the iterator.
 */
async function openAndClose<T>(cycle: number, open: (signal: AbortSignal) => Promise<AsyncIterable<T>>, enough: (item: T) => boolean): Promise<void> {
  const controller = new AbortController();
  const stream = await open(controller.signal);
  try {
    for await (const item of stream) {
      if (!enough(item)) continue;
      if (cycle % 2 === 0) controller.abort();
      else break;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
}

/** The host connects to the engine in the background: waits until a call answers. */
async function engineAnswers(client: Api): Promise<void> {
  for (let waited = 0; ; waited += 200) {
    try {
      await client.containers.list({ all: false });
      return;
    } catch (error) {
      if (waited > 20_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function inGroups(count: number, cycle: (index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += GROUP) {
    await Promise.all(Array.from({ length: Math.min(GROUP, count - start) }, (_, i) => cycle(start + i)));
  }
}

/** Shells still running in the container besides its main process: sessions the engine kept. */
async function leftoverShells(docker: Docker, id: string): Promise<number> {
  const inspect = await docker.getContainer(id).inspect();
  const execs = await Promise.all((inspect.ExecIDs ?? []).map((exec) => docker.getExec(exec).inspect()));
  return execs.filter((exec) => exec.Running).length;
}

describe.skipIf(!built || !hasProc)('streams do not leak', { timeout: 240_000 }, () => {
  const docker = testDocker();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-leaks-'));
  let child: ChildProcess;
  let socket: WebSocket;
  let api: Api;
  let registry: LocalRegistry;
  let chatty: string;
  let idle: string;
  let pullable: string;

  beforeAll(async () => {
    child = spawn(process.execPath, [WEB_JS, '--port', '0'], { env: { ...process.env, CAIS_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /^(http:\S+token=\S+)$/m.exec(stdout);
        if (found) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`the web host exited with ${code}`)));
    });
    socket = await openRpcSocket(url);
    api = createORPCClient(new RPCLink({ websocket: socket as never }));

    const talker = await createTestContainer(docker, { Cmd: CHATTY });
    await talker.start();
    chatty = talker.id;
    const sleeper = await createTestContainer(docker);
    await sleeper.start();
    idle = sleeper.id;
    registry = await startRegistry();
    pullable = `${registry.address}/${uniqueName('leaks')}:1`;
    await docker.getImage(TEST_IMAGE).tag({ repo: pullable.slice(0, pullable.lastIndexOf(':')), tag: '1' });
    await pushTo(docker, pullable, registry.address);
    await engineAnswers(api);
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    if (child && child.exitCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    await Promise.all([chatty, idle].filter(Boolean).map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
    if (pullable) await removeQuietly(docker, pullable);
    await registry?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const streams: Record<string, (cycle: number) => Promise<void>> = {
    'followed logs of a container that keeps printing': (cycle) =>
      openAndClose(cycle, (signal) => api.containers.logs({ id: chatty, tail: 5, timestamps: false, follow: true }, { signal }), () => true),
    'live stats': (cycle) => openAndClose(cycle, (signal) => api.containers.stats({ id: idle }, { signal }), () => true),
    terminals: (cycle) =>
      openAndClose(cycle, (signal) => api.containers.terminal({ id: idle, shell: 'sh', cols: 80, rows: 24 }, { signal }), (event) => event.kind === 'ready'),
    'pulls from a registry': (cycle) => openAndClose(cycle, (signal) => api.images.pull({ reference: pullable }, { signal }), () => true),
  };

  for (const [name, cycle] of Object.entries(streams)) {
    it(`${CYCLES} opened and closed ${name} leave the host's sockets and handles where they started`, async () => {
      const pid = child.pid!;
      await inGroups(GROUP, cycle); // warm-up: lazily opened things (engine sockets, modules) are not leaks
      const before = await steadyDescriptors(pid);
      await inGroups(CYCLES, cycle);
      const after = await settledDescriptors(pid, before);
      console.log(`${name}: ${JSON.stringify(before)} before, ${JSON.stringify(after)} after ${CYCLES} cycles`);
      expect(after.sockets).toBeLessThanOrEqual(before.sockets);
      expect(after.all).toBeLessThanOrEqual(before.all);
    });
  }

  it('the engine keeps no terminal session running once its stream closed', async () => {
    await expect.poll(() => leftoverShells(docker, idle), { timeout: 15_000 }).toBe(0);
  });
});
