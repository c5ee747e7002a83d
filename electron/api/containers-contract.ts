import { trustedOutput } from './trusted-output';
import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import {
  containerName,
  containerRef,
  containerRefInput,
  type ContainerSummary,
  endEvent,
  logLine,
  shellCommand,
  statsSample,
  terminalEvent,
  terminalSize,
} from './schemas';
import { envVar, imageDefaults, imageReference, mountSpec, portMapping, runSpec } from './run-schema';
import { recreateResult } from './volumes-schemas';

const removalPreview = z.object({
  name: z.string(),
  running: z.boolean(),
  namedVolumes: z.array(z.string()),
  anonymousVolumes: z.array(z.string()),
  hostFolders: z.array(z.string()),
});

export const containersContract = {
  list: oc.input(z.strictObject({ all: z.boolean() })).output(trustedOutput<ContainerSummary[]>()),
  start: oc.input(containerRefInput).output(z.void()),
  stop: oc.input(containerRefInput).output(z.void()),
  restart: oc.input(containerRefInput).output(z.void()),
  pause: oc.input(containerRefInput).output(z.void()),
  unpause: oc.input(containerRefInput).output(z.void()),
  kill: oc.input(containerRefInput).output(z.void()),
  /** What a removal would take with it, for the confirmation. */
  removalPreview: oc.input(containerRefInput).output(removalPreview),
  /** How its last run ended, as far as the engine still remembers: who sent the SIGKILL behind a 137. */
  endEvents: oc.input(containerRefInput).output(z.array(endEvent).max(1000)),
  remove: oc
    .input(z.strictObject({ id: containerRef, force: z.boolean(), removeAnonymousVolumes: z.boolean() }))
    .output(z.void()),
  rename: oc.input(z.strictObject({ id: containerRef, name: containerName })).output(z.void()),
  /** Create and start a container from the run form (docker run -d). */
  run: oc.input(runSpec).output(z.object({ id: z.string(), name: z.string() })),
  /** One click: a free name, the image's ports on 127.0.0.1, started. */
  quickRun: oc
    .input(z.strictObject({ image: imageReference }))
    /** ports: as the engine published them (host ports it chose). */
    .output(z.object({ id: z.string(), name: z.string(), ports: z.array(portMapping) })),
  /** What the image declares (ports, command, volumes), to suggest in the form. */
  imageDefaults: oc.input(z.strictObject({ image: imageReference })).output(imageDefaults),
  /** docker update: limits and restart policy change in place, no new container. */
  updateLimits: oc
    .input(
      z.strictObject({
        id: containerRef,
        cpus: z.number().min(0.01).max(1024).nullable().optional(),
        memory: z.number().int().min(6 * 1024 * 1024).max(2 ** 50).nullable().optional(),
        restart: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).optional(),
      }),
    )
    .output(z.void()),
  /**
   * Changes what only a new container can: environment, ports and storage.
   * Everything else (command, entrypoint, labels, limits, networks) is kept.
   */
  recreate: oc
    .input(z.strictObject({ id: containerRef, env: z.array(envVar).max(1000), ports: z.array(portMapping).max(200), mounts: z.array(mountSpec).max(100) }))
    .output(recreateResult),
  /** The engine's full description (docker inspect). */
  inspect: oc.input(containerRefInput).output(z.record(z.string(), z.unknown())),
  /** Log lines in batches; follows until unsubscribed. */
  logs: oc
    .input(
      z.strictObject({
        id: containerRef,
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]),
        timestamps: z.boolean(),
        follow: z.boolean(),
      }),
    )
    .output(eventIterator(z.array(logLine))),
  stats: oc.input(containerRefInput).output(eventIterator(statsSample)),
  /** A shell with a TTY; its output streams here, input goes through terminalInput. */
  terminal: oc.input(z.strictObject({ id: containerRef, shell: shellCommand, ...terminalSize })).output(eventIterator(terminalEvent)),
  terminalInput: oc.input(z.strictObject({ session: z.uuid(), data: z.string().max(65_536) })).output(z.void()),
  terminalResize: oc.input(z.strictObject({ session: z.uuid(), ...terminalSize })).output(z.void()),
};
