import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';

/** Every object the tests create carries this label, so cleanup touches nothing else. */
export const TEST_LABEL = 'cais.test';
export const TEST_IMAGE = 'cais-test/busybox:latest';

export interface ThrowawayEngine {
  host: string;
  dir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

function which(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Why a throwaway engine cannot be started here, or undefined when it can. */
export function throwawayEngineUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'a throwaway engine needs Linux';
  if (process.getuid?.() !== 0) return 'a throwaway engine needs root (dockerd runs as root)';
  if (!which('dockerd')) return 'dockerd is not installed (apt-get install docker.io)';
  return undefined;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function pingable(socketPath: string): Promise<boolean> {
  try {
    await new Docker({ socketPath, timeout: 1000 }).ping();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts dockerd with its own data root, exec root, socket and pid file, so
 * it shares nothing with any engine on the machine. `ownNetwork` runs it in a
 * network namespace of its own, so a second engine's bridge cannot clash
 * with the first one's docker0.
 */
export async function startThrowawayEngine(options: { ownNetwork?: boolean } = {}): Promise<ThrowawayEngine> {
  const unavailable = throwawayEngineUnavailable();
  if (unavailable) throw new Error(unavailable);
  // A short path: unix socket paths are limited to ~107 bytes.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-eng-'));
  const socketPath = path.join(dir, 'docker.sock');
  const args = [
    '--data-root', path.join(dir, 'data'),
    '--exec-root', path.join(dir, 'exec'),
    '--host', `unix://${socketPath}`,
    '--pidfile', path.join(dir, 'dockerd.pid'),
    '--iptables=false',
    '--ip=127.0.0.1',
  ];
  let child: ChildProcess | undefined;
  const logFile = path.join(dir, 'dockerd.log');

  const start = async () => {
    const log = fs.openSync(logFile, 'a');
    // A new namespace starts with loopback down: bring it up so ports can bind
    // to 127.0.0.1 there. `exec` keeps the child's pid dockerd's own.
    child = options.ownNetwork
      ? spawn('unshare', ['--net', 'sh', '-c', 'ip link set lo up && exec dockerd "$@"', 'sh', ...args], {
          stdio: ['ignore', log, log],
        })
      : spawn('dockerd', args, { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const exited = new Promise<never>((_, reject) =>
      child!.once('exit', (code) =>
        reject(new Error(`dockerd exited with ${code}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`)),
      ),
    );
    exited.catch(() => undefined);
    await Promise.race([waitFor(() => pingable(socketPath), 60_000, 'dockerd to answer'), exited]);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  };

  await start();
  return {
    host: `unix://${socketPath}`,
    dir,
    start,
    stop,
  };
}

/** Stops the engine and removes its folder (unmounting anything left behind). */
export async function destroyThrowawayEngine(engine: ThrowawayEngine): Promise<void> {
  await engine.stop();
  // dockerd can leave mounts behind (its netns file, overlay layers); unmount them first.
  const mounts = fs
    .readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((point): point is string => Boolean(point) && point.startsWith(`${engine.dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of mounts) spawnSync('umount', ['-l', point]);
  try {
    fs.rmSync(engine.dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.warn(`Could not remove ${engine.dir}: ${(error as Error).message}`);
  }
}

export function dockerFor(host: string): Docker {
  if (host.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return new Docker({ host: url.hostname, port: Number(url.port) });
}
