import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { noInput } from './schemas';

/** One change Cais made to the engine, with the docker command that does the same. */
export const activityEntry = z.object({
  seq: z.number(),
  procedure: z.string(),
  command: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  outcome: z.enum(['running', 'ok', 'failed']),
  error: z.string().optional(),
});
export type ActivityEntry = z.infer<typeof activityEntry>;

export const activityContract = {
  /** Every change of this run, oldest first. Reads are never recorded. */
  list: oc.input(noInput).output(z.array(activityEntry)),
  /** The entries there are now, then each new entry and each update (same seq) as it happens. */
  stream: oc.input(noInput).output(eventIterator(activityEntry)),
};
