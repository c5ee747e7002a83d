/**
 * The `docker` command behind every action Cais offers, in one place: the
 * renderer shows these beside each action, and the server's activity log
 * records the same strings, so what a user reads is what a script repeats.
 * Pure functions over plain data; every word is quoted for a POSIX shell.
 */
import { buildDockerRun, cpusFlag, memoryFlag } from './docker-run-command';
import type { HostAccess } from './host-access';
import type { PortMapping, RunSpec } from './run-schema';
import { quoteShellWord, splitShellWords } from './shell-words';

const q = (word: unknown) => quoteShellWord(String(word ?? ''));
const words = (...parts: (string | false | undefined | null)[]) => parts.filter(Boolean).join(' ');

/** Full ids are unreadable in a script; docker accepts the 12-digit prefix. */
export function shortRef(id: string): string {
  const bare = id.replace(/^sha256:/, '');
  return /^[0-9a-f]{64}$/.test(bare) ? bare.slice(0, 12) : id;
}
const ref = (id: unknown) => q(shortRef(String(id ?? '')));

/** The helper image the volume commands use; any image with a POSIX tar and cp does. */
export const HELPER_IMAGE = 'busybox';

// ── containers ───────────────────────────────────────────────────────────

export type LifecycleVerb = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export function containerLifecycle(verb: LifecycleVerb, ...containers: string[]): string {
  return words(`docker ${verb}`, ...containers.map(ref));
}

export function containerRemove(containers: string[], options: { force?: boolean; volumes?: boolean } = {}): string {
  return words('docker rm', options.force && '-f', options.volumes && '-v', ...containers.map(ref));
}

export function containerRename(container: string, name: string): string {
  return `docker rename ${ref(container)} ${q(name)}`;
}

export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

/**
 * A change of limits in place. undefined leaves a setting alone; null asks
 * for no limit, which the engine cannot do in place (it ignores a zero), so
 * it changes nothing here and the server refuses it when a limit is set.
 */
export interface LimitChange {
  cpus?: number | null;
  memory?: number | null;
  restart?: RestartPolicy;
}

/**
 * The engine's update body for a change: what the Settings button sends.
 * A memory limit comes with a swap limit of twice it, as `docker run`
 * sets by default: the engine refuses a memory limit above the swap limit
 * already set, so both move together.
 */
export function limitUpdateBody(change: LimitChange): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (typeof change.cpus === 'number') body.NanoCpus = Math.round(change.cpus * 1e9);
  if (typeof change.memory === 'number') {
    body.Memory = change.memory;
    body.MemorySwap = change.memory * 2;
  }
  if (change.restart) body.RestartPolicy = { Name: change.restart, MaximumRetryCount: 0 };
  return body;
}

/** `docker update` with exactly the effect of limitUpdateBody. */
export function containerUpdate(container: string, change: LimitChange): string {
  return words(
    'docker update',
    typeof change.cpus === 'number' && `--cpus ${cpusFlag(change.cpus)}`,
    typeof change.memory === 'number' && `--memory ${memoryFlag(change.memory)} --memory-swap ${memoryFlag(change.memory * 2)}`,
    change.restart !== undefined && `--restart ${q(change.restart)}`,
    ref(container),
  );
}

export function containerExec(container: string, shell: string): string {
  return `docker exec -it ${ref(container)} ${q(shell)}`;
}

export const containerRun = buildDockerRun;

/**
 * Quick run: a free name and the image's exposed ports on 127.0.0.1. Once the
 * container exists its real host ports are known and said; before, the
 * engine's choice is left blank (`127.0.0.1::80`), as Cais asks for it.
 */
export function quickRun(image: string, name: string | undefined, ports: PortMapping[]): string {
  return buildDockerRun({ image, name, env: [], ports, mounts: [], restart: 'no', labels: [], tty: false });
}

/**
 * What Cais does to change env, ports or storage, as commands: the new
 * container is created first, the name moves, the old one stops (if it ran)
 * and goes. Each line only once the one before it worked.
 */
export function recreateCommands(change: { name: string; spec: RunSpec; access?: HostAccess; wasRunning: boolean; keptOld?: string }): string {
  const fresh = `${change.name}-cais-new`;
  const old = change.keptOld ?? `${change.name}-old`;
  const create = buildDockerRun({ ...change.spec, name: fresh }, change.access).replace(/^docker run -d /, 'docker create ');
  return [
    create,
    containerRename(change.name, old),
    containerRename(fresh, change.name),
    ...(change.wasRunning ? [containerLifecycle('stop', old), containerLifecycle('start', change.name)] : []),
    ...(change.keptOld ? [] : [containerRemove([old])]),
  ].join(' && \\\n  ');
}

// ── images ───────────────────────────────────────────────────────────────

export const imagePull = (reference: string) => `docker pull ${q(reference)}`;
export const imagePush = (reference: string) => `docker push ${q(reference)}`;
export const imageTag = (source: string, target: string) => `docker tag ${ref(source)} ${q(target)}`;
export const imageRemove = (reference: string, force = false) => words('docker rmi', force && '-f', ref(reference));
export const imagePrune = (all: boolean) => words('docker image prune -f', all && '-a');
export const imageSave = (reference: string, file: string) => `docker save -o ${q(file)} ${ref(reference)}`;
export const imageLoad = (file: string) => `docker load -i ${q(file)}`;
/** `docker login` reading the password from stdin: a command never holds the password. */
export const registryLogin = (registry: string, username: string) => `docker login ${q(registry)} -u ${q(username)} --password-stdin`;
export const registryLogout = (registry: string) => `docker logout ${q(registry)}`;

export function imageBuild(build: { context: string; dockerfile: string; tag?: string; buildArgs?: { name: string; value: string }[] }): string {
  const context = build.context.replace(/(.)\/$/, '$1');
  return words(
    'docker build',
    build.dockerfile !== 'Dockerfile' && `-f ${q(`${context}/${build.dockerfile}`)}`,
    build.tag && `-t ${q(build.tag)}`,
    ...(build.buildArgs ?? []).map((arg) => `--build-arg ${q(`${arg.name}=${arg.value}`)}`),
    q(context),
  );
}

// ── volumes ──────────────────────────────────────────────────────────────

export function volumeCreate(volume: { name?: string; driver?: string; labels?: Record<string, string> }): string {
  return words(
    'docker volume create',
    volume.driver && volume.driver !== 'local' && `--driver ${q(volume.driver)}`,
    ...Object.entries(volume.labels ?? {}).map(([key, value]) => `--label ${q(value ? `${key}=${value}` : key)}`),
    volume.name && q(volume.name),
  );
}

export const volumeRemove = (...names: string[]) => words('docker volume rm', ...names.map(q));

/** A file on the machine that runs the docker CLI: its folder (undefined: the current one) and name. */
export interface HostFile {
  dir?: string;
  file: string;
}

/** "/home/ana/Cais backups/data.tar.gz" → its folder and name; Windows paths too. */
export function splitHostPath(path: string): HostFile {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at < 0) return { file: path };
  return { dir: path.slice(0, at) || path.slice(0, 1), file: path.slice(at + 1) };
}

const hostDir = (file: HostFile, inside: string) => (file.dir === undefined ? `"$PWD":${inside}` : q(`${file.dir}:${inside}`));

/** The backup as busybox's tar writes it: a .tar.gz of the volume's root, entries "./…". */
export function volumeBackup(volume: string, to: HostFile): string {
  return `docker run --rm -v ${q(`${volume}:/data:ro`)} -v ${hostDir(to, '/backup')} ${HELPER_IMAGE} tar czf ${q(`/backup/${to.file}`)} -C /data .`;
}

export function volumeRestore(volume: string, from: HostFile): string {
  return `docker run --rm -v ${q(`${volume}:/data`)} -v ${hostDir(from, '/backup:ro')} ${HELPER_IMAGE} tar xzf ${q(`/backup/${from.file}`)} -C /data`;
}

export function volumeClone(source: string, target: string): string {
  return `${volumeCreate({ name: target })} && docker run --rm -v ${q(`${source}:/from:ro`)} -v ${q(`${target}:/to`)} ${HELPER_IMAGE} cp -a /from/. /to/`;
}

export function volumeList(volume: string, dir: string): string {
  return `docker run --rm -v ${q(`${volume}:/data:ro`)} ${HELPER_IMAGE} ls -la ${q(`/data/${dir.replace(/^\/+/, '')}`)}`;
}

/** A file put into a volume from this machine (the current folder holds it). */
export function volumePutFile(volume: string, dir: string, file: string): string {
  const into = ['/data', ...dir.split('/').filter(Boolean)].join('/');
  return `docker run --rm -v ${q(`${volume}:/data`)} -v "$PWD":/upload:ro ${HELPER_IMAGE} cp ${q(`/upload/${file}`)} ${q(`${into}/`)}`;
}

/**
 * A new container with a volume mounted, as the volume page starts it. The
 * typed command is split by the same splitter the server uses and each word
 * quoted, so the shell hands docker exactly the words the engine got: a `;`
 * or `$(…)` typed in it stays a word, never a host command.
 */
export function volumeRun(run: { volume: string; image: string; containerName?: string; target: string; readOnly: boolean; command: string }): string {
  let command: string[] | undefined;
  try {
    command = run.command.trim() ? splitShellWords(run.command) : undefined;
  } catch {
    // Not a command yet (an unclosed quote): the server refuses it too.
    command = undefined;
  }
  return buildDockerRun({
    image: run.image,
    name: run.containerName,
    env: [],
    ports: [],
    mounts: [{ type: 'volume', source: run.volume, target: run.target, readOnly: run.readOnly }],
    restart: 'no',
    labels: [],
    tty: false,
    command,
  });
}

// ── system ───────────────────────────────────────────────────────────────

export type PruneKind = 'containers' | 'images' | 'volumes' | 'buildCache';

/** The command that removes exactly these items (not a blanket prune, which might take more). */
export function pruneItems(kind: PruneKind, ids: string[]): string {
  switch (kind) {
    case 'containers':
      return containerRemove(ids);
    case 'images':
      return words('docker rmi', ...ids.map(ref));
    case 'volumes':
      return volumeRemove(...ids);
    case 'buildCache':
      return words('docker builder prune -f', ...ids.map((id) => `--filter ${q(`id=${id}`)}`));
  }
}
