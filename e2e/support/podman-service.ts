import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway Podman service speaking the Docker API on a socket of its own,
 * with its own storage (Debian's podman, as root). Its containers start only
 * with default ulimits the sandbox allows, hence our own containers.conf.
 */
export interface PodmanService {
  socket: string;
  host: string;
  close(): Promise<void>;
}

export function podmanUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'the Podman service test runs as root (its own storage and socket)';
  try {
    execFileSync('podman', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'podman is not installed (apt-get install podman)';
  }
  return undefined;
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.connect(socket, () => {
      connection.end();
      resolve(true);
    });
    connection.on('error', () => resolve(false));
  });
}

/**
 * `registries`: the service's own registries.conf (CONTAINERS_REGISTRIES_CONF),
 * read once at start; empty by default, as Debian ships it.
 */
export async function startPodmanService(options: { registries?: string } = {}): Promise<PodmanService> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-podman-'));
  const conf = path.join(dir, 'containers.conf');
  fs.writeFileSync(conf, '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n');
  const registriesConf = path.join(dir, 'registries.conf');
  fs.writeFileSync(registriesConf, options.registries ?? '');
  const socket = path.join(dir, 'podman.sock');
  const root = ['--root', path.join(dir, 'root'), '--runroot', path.join(dir, 'run')];
  const log = fs.openSync(path.join(dir, 'podman.log'), 'a');
  const child: ChildProcess = spawn('podman', [...root, 'system', 'service', '--time=0', `unix://${socket}`], {
    env: { ...process.env, CONTAINERS_CONF: conf, CONTAINERS_REGISTRIES_CONF: registriesConf },
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 20_000;
  while (!(fs.existsSync(socket) && (await answers(socket)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`podman system service did not start: ${fs.readFileSync(path.join(dir, 'podman.log'), 'utf8').slice(-800)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    socket,
    host: `unix://${socket}`,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      // Remove what the containers left, then the storage (its overlay mounts first,
      // with those of a cancelled build's working container inside).
      try {
        execFileSync('podman', [...root, 'rm', '--all', '--force'], { stdio: 'ignore', env: { ...process.env, CONTAINERS_CONF: conf } });
      } catch {
        // nothing to remove
      }
      try {
        execFileSync('umount', ['--recursive', path.join(dir, 'root', 'overlay')], { stdio: 'ignore' });
      } catch {
        // not mounted
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
