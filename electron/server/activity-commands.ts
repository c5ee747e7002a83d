import type { RunSpec } from '../api/run-schema';
// Pure string functions shared with the run form, so both print the same `docker run`.
import { buildDockerRun } from '../api/docker-run-command';
import { quoteShellWord } from '../api/shell-words';

/** Builds the docker command of a call from its input and, once it is known, its output. */
type CommandBuilder = (input: Record<string, unknown>, output?: unknown) => string;

const q = (word: unknown) => quoteShellWord(String(word ?? ''));
/** Full ids are unreadable in a script; docker accepts the 12-digit prefix. */
const ref = (id: unknown) => q(/^[0-9a-f]{64}$/.test(String(id)) ? String(id).slice(0, 12) : id);
const words = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ');

function memoryFlag(bytes: number | null): string {
  return bytes === null ? '0' : `${Math.round(bytes / 1024 / 1024)}m`;
}

function lifecycle(verb: string): CommandBuilder {
  return (input) => `docker ${verb} ${ref(input.id)}`;
}

/**
 * Procedure path → its docker command. Only procedures that change the engine
 * are here; anything not listed (lists, inspect, logs, stats…) is not recorded.
 */
export const COMMANDS: Record<string, CommandBuilder> = {
  'containers.start': lifecycle('start'),
  'containers.stop': lifecycle('stop'),
  'containers.restart': lifecycle('restart'),
  'containers.pause': lifecycle('pause'),
  'containers.unpause': lifecycle('unpause'),
  'containers.kill': lifecycle('kill'),
  'containers.remove': (input) => words('docker rm', input.force === true && '-f', input.removeAnonymousVolumes === true && '-v', ref(input.id)),
  'containers.rename': (input) => `docker rename ${ref(input.id)} ${q(input.name)}`,
  'containers.run': (input) => buildDockerRun(input as unknown as RunSpec),
  'containers.quickRun': (input, output) => {
    const name = (output as { name?: string } | undefined)?.name;
    return words('docker run -d', name && `--name ${q(name)}`, '-P', q(input.image));
  },
  'containers.updateLimits': (input) =>
    words(
      'docker update',
      input.cpus !== undefined && `--cpus ${input.cpus === null ? 0 : q(input.cpus)}`,
      input.memory !== undefined && `--memory ${memoryFlag(input.memory as number | null)}`,
      typeof input.restart === 'string' && `--restart ${q(input.restart)}`,
      ref(input.id),
    ),
  'containers.recreate': (input) =>
    `# docker create (new settings) + docker rename: Cais recreated ${ref(input.id)} with new environment, ports or storage`,
  'containers.terminal': (input) => `docker exec -it ${ref(input.id)} ${q(input.shell)}`,
  'images.pull': (input) => `docker pull ${q(input.reference)}`,
  'images.push': (input) => `docker push ${q(input.reference)}`,
  'images.tag': (input) => `docker tag ${q(input.source)} ${q(input.target)}`,
  'images.remove': (input) => words('docker rmi', input.force === true && '-f', q(input.reference)),
  'images.prune': (input) => words('docker image prune -f', input.all === true && '-a'),
  'images.build': (input) => {
    const args = (input.buildArgs as { name: string; value: string }[] | undefined) ?? [];
    return words(
      'docker build',
      `-f ${q(`${String(input.context).replace(/\/$/, '')}/${String(input.dockerfile)}`)}`,
      typeof input.tag === 'string' && `-t ${q(input.tag)}`,
      ...args.map((arg) => `--build-arg ${q(`${arg.name}=${arg.value}`)}`),
      q(input.context),
    );
  },
  'images.loadFinish': () => 'docker load -i IMAGE.tar',
  'volumes.create': (input) => words('docker volume create', typeof input.name === 'string' && q(input.name)),
  'volumes.remove': (input) => `docker volume rm ${q(input.name)}`,
  'volumes.prune': (input) => words('docker volume rm', ...((input.names as string[] | undefined) ?? []).map(q)),
  // A lesson runs several commands, each shown in the lesson itself, and removes what it made.
  'lessons.run': (input) => `# lesson ${String(input.lesson)}: made and removed its own containers and volumes`,
  'system.prune': (input, output) => {
    // What actually went, once known; what was asked for until then.
    const ids = (output as { removed?: string[] } | undefined)?.removed ?? (input.ids as string[]);
    switch (input.kind) {
      case 'containers':
        return words('docker rm', ...ids.map(ref));
      case 'images':
        return words('docker rmi', ...ids.map((id) => ref(id.replace(/^sha256:/, ''))));
      case 'volumes':
        return words('docker volume rm', ...ids.map(q));
      default:
        return words('docker builder prune -f', ...ids.map((id) => `--filter id=${q(id)}`));
    }
  },
};

/** The command for a call, or undefined when the call is not a change (or its input is unreadable). */
export function commandFor(path: readonly string[], input: unknown, output?: unknown): string | undefined {
  const builder = COMMANDS[path.join('.')];
  if (!builder || input === null || typeof input !== 'object') return undefined;
  try {
    return builder(input as Record<string, unknown>, output);
  } catch {
    return `# ${path.join('.')}`;
  }
}
