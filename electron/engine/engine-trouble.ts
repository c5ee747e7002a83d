import path from 'node:path';
import type { EngineTrouble, Endpoint, OfflineReason } from '../api/schemas';
import type { HostFacts } from './endpoint';

/** Programs whose presence means an engine is installed, even if it is not running. */
const ENGINE_PROGRAMS = ['docker', 'dockerd', 'podman', 'colima', 'nerdctl'];

/** Where desktop engines install themselves outside PATH. */
const DESKTOP_APPS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: [
    '/Applications/Docker.app',
    '/Applications/Rancher Desktop.app',
    '/Applications/OrbStack.app',
    '/Applications/Podman Desktop.app',
    '/opt/homebrew/bin/colima',
  ],
  win32: [
    'C:\\Program Files\\Docker\\Docker\\Docker Desktop.exe',
    'C:\\Program Files\\Rancher Desktop\\Rancher Desktop.exe',
    'C:\\Program Files\\RedHat\\Podman\\podman.exe',
  ],
};

/** True when some engine program is on PATH or a desktop engine is installed. */
export function engineInstalled(facts: HostFacts): boolean {
  const windows = facts.platform === 'win32';
  const join = windows ? path.win32.join : path.posix.join;
  const dirs = (facts.env.PATH ?? facts.env.Path ?? '').split(windows ? ';' : ':').filter(Boolean);
  const names = windows ? ENGINE_PROGRAMS.map((name) => `${name}.exe`) : ENGINE_PROGRAMS;
  for (const dir of dirs) {
    if (names.some((name) => facts.exists(join(dir, name)))) return true;
  }
  return (DESKTOP_APPS[facts.platform] ?? []).some((app) => facts.exists(app));
}

/** Reached, or about to be, but the connection itself needs the user: keys, host keys, certificates, an ssh client. */
const REMOTE_SETUP = new Set<OfflineReason>([
  'ssh-missing',
  'ssh-auth',
  'ssh-key-missing',
  'ssh-host-unknown',
  'ssh-host-changed',
  'tls-ca',
  'tls-expired',
  'tls-name',
  'tls-client-refused',
  'tls-files-missing',
  'tls-files-invalid',
]);

/** The machine answers, but there is no usable engine behind it. */
const REMOTE_NO_ENGINE = new Set<OfflineReason>(['ssh-no-docker', 'ssh-engine-down', 'ssh-engine-permission', 'not-docker']);

/**
 * What the user has to fix, from the low-level failure and the machine:
 * a remote endpoint that does not answer is never "not installed here";
 * a local socket that is missing means "not running" when an engine program
 * exists and "not installed" when none does.
 */
export function diagnoseTrouble(reason: OfflineReason, endpoint: Endpoint | null, facts: HostFacts): EngineTrouble {
  if (REMOTE_SETUP.has(reason)) return 'remote-setup';
  if (REMOTE_NO_ENGINE.has(reason)) return 'remote-no-engine';
  if (endpoint && (endpoint.kind === 'tcp' || endpoint.kind === 'ssh')) return 'remote-unreachable';
  if (reason === 'permission-denied') return 'permission-denied';
  if (reason === 'not-found' && !engineInstalled(facts)) return 'not-installed';
  return 'not-running';
}
