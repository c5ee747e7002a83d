import * as docker from '../api/docker-commands';
import type { HostAccess } from '../api/host-access';
import type { PortMapping, RunSpec } from '../api/run-schema';

/** Builds the docker command of a call from its input and, once it is known, its output. */
type CommandBuilder = (input: Record<string, unknown>, output?: unknown) => string;

const text = (value: unknown) => String(value ?? '');

function lifecycle(verb: docker.LifecycleVerb): CommandBuilder {
  return (input) => docker.containerLifecycle(verb, text(input.id));
}

interface Recreated {
  name: string;
  keptOld?: string;
  wasRunning: boolean;
  spec?: RunSpec;
  access?: HostAccess;
}

/** The real steps once the new container exists; before that (or if its spec cannot be said), a comment. */
function recreated(what: string, id: unknown, output: unknown): string {
  const done = output as Recreated | undefined;
  if (done?.spec) return docker.recreateCommands({ name: done.name, spec: done.spec, access: done.access, wasRunning: done.wasRunning, keptOld: done.keptOld });
  return `# Cais recreated ${docker.shortRef(text(id))} (${what}): docker create with the new settings, docker rename, docker rm of the old one`;
}

/**
 * Procedure path → its docker command, from the shared builders the screens
 * use too. Only procedures that change the engine are here; anything not
 * listed (lists, inspect, logs, stats…) is not recorded.
 */
export const COMMANDS: Record<string, CommandBuilder> = {
  'containers.start': lifecycle('start'),
  'containers.stop': lifecycle('stop'),
  'containers.restart': lifecycle('restart'),
  'containers.pause': lifecycle('pause'),
  'containers.unpause': lifecycle('unpause'),
  'containers.kill': lifecycle('kill'),
  'containers.remove': (input) => docker.containerRemove([text(input.id)], { force: input.force === true, volumes: input.removeAnonymousVolumes === true }),
  'containers.rename': (input) => docker.containerRename(text(input.id), text(input.name)),
  'containers.run': (input) => docker.containerRun(input as unknown as RunSpec),
  'containers.quickRun': (input, output) => {
    const made = output as { name?: string; ports?: PortMapping[] } | undefined;
    // Until the engine has chosen the host ports, say how they are asked for.
    return docker.quickRun(text(input.image), made?.name, made?.ports ?? []) + (made ? '' : ' # with -p 127.0.0.1::PORT for each port the image exposes');
  },
  'containers.updateLimits': (input) =>
    docker.containerUpdate(text(input.id), {
      cpus: input.cpus as number | null | undefined,
      memory: input.memory as number | null | undefined,
      restart: typeof input.restart === 'string' ? (input.restart as docker.RestartPolicy) : undefined,
    }),
  'containers.recreate': (input, output) => recreated('environment, ports and storage', input.id, output),
  'containers.terminal': (input) => docker.containerExec(text(input.id), text(input.shell)),
  'images.pull': (input) => docker.imagePull(text(input.reference)),
  'images.push': (input) => docker.imagePush(text(input.reference)),
  'images.tag': (input) => docker.imageTag(text(input.source), text(input.target)),
  'images.remove': (input) => docker.imageRemove(text(input.reference), input.force === true),
  'images.prune': (input) => docker.imagePrune(input.all === true),
  'images.build': (input) =>
    docker.imageBuild({
      context: text(input.context),
      dockerfile: text(input.dockerfile),
      tag: typeof input.tag === 'string' ? input.tag : undefined,
      buildArgs: input.buildArgs as { name: string; value: string }[] | undefined,
    }),
  'images.loadFinish': () => docker.imageLoad('IMAGE.tar'),
  'volumes.create': (input) =>
    docker.volumeCreate({
      name: typeof input.name === 'string' ? input.name : undefined,
      driver: typeof input.driver === 'string' ? input.driver : undefined,
      labels: input.labels as Record<string, string> | undefined,
    }),
  'volumes.remove': (input) => docker.volumeRemove(text(input.name)),
  'volumes.prune': (input, output) =>
    docker.volumeRemove(...((output as { removed?: string[] } | undefined)?.removed ?? (input.names as string[] | undefined) ?? [])),
  'volumes.putFile': (input) => docker.volumePutFile(text(input.name), text(input.dir), text(input.fileName)),
  'volumes.backup': (input) => docker.volumeBackup(text(input.name), docker.splitHostPath(text(input.destination))),
  'volumes.restore': (input) => {
    const source = input.source as { path?: string } | undefined;
    return docker.volumeRestore(text(input.name), source?.path ? docker.splitHostPath(source.path) : { file: 'BACKUP.tar.gz' });
  },
  'volumes.clone': (input) => docker.volumeClone(text(input.source), text(input.target)),
  'volumes.attach': (input, output) => recreated('a mount added', input.container, output),
  'volumes.detach': (input, output) => recreated('a mount removed', input.container, output),
  'volumes.run': (input) =>
    docker.volumeRun({
      volume: text(input.name),
      image: text(input.image),
      containerName: typeof input.containerName === 'string' ? input.containerName : undefined,
      target: text(input.target),
      readOnly: input.readOnly === true,
      command: typeof input.command === 'string' ? input.command : '',
    }),
  // The password went to the engine once; the command says where it would come from, never what it is.
  'registries.login': (input) => docker.registryLogin(text(input.registry), text(input.username)),
  'registries.logout': (input) => docker.registryLogout(text(input.registry)),
  // A lesson runs several commands, each shown in the lesson itself, and removes what it made.
  'lessons.run': (input) => `# lesson ${text(input.lesson)}: made and removed its own containers and volumes`,
  'system.prune': (input, output) => {
    // What actually went, once known; what was asked for until then.
    const ids = (output as { removed?: string[] } | undefined)?.removed ?? (input.ids as string[]);
    return docker.pruneItems(input.kind as docker.PruneKind, ids);
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
