import { oc } from '@orpc/contract';
import { z } from 'zod';
import { containerName, containerRef, containerRefInput, containerSummary } from './schemas';

const removalPreview = z.object({
  name: z.string(),
  running: z.boolean(),
  namedVolumes: z.array(z.string()),
  anonymousVolumes: z.array(z.string()),
  hostFolders: z.array(z.string()),
});

export const containersContract = {
  list: oc.input(z.strictObject({ all: z.boolean() })).output(z.array(containerSummary)),
  start: oc.input(containerRefInput).output(z.void()),
  stop: oc.input(containerRefInput).output(z.void()),
  restart: oc.input(containerRefInput).output(z.void()),
  pause: oc.input(containerRefInput).output(z.void()),
  unpause: oc.input(containerRefInput).output(z.void()),
  kill: oc.input(containerRefInput).output(z.void()),
  /** What a removal would take with it, for the confirmation. */
  removalPreview: oc.input(containerRefInput).output(removalPreview),
  remove: oc
    .input(z.strictObject({ id: containerRef, force: z.boolean(), removeAnonymousVolumes: z.boolean() }))
    .output(z.void()),
  rename: oc.input(z.strictObject({ id: containerRef, name: containerName })).output(z.void()),
};
