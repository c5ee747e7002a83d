import { on } from 'node:events';
import type { ActivityEntry } from '../api/activity-contract';
import { activityFor } from './activity-log';
import { os } from './base';

export const activityRouter = {
  list: os.activity.list.handler(({ context }) => activityFor(context.engine).list()),
  stream: os.activity.stream.handler(async function* ({ context, signal }) {
    const log = activityFor(context.engine);
    // Listen first, then replay: nothing can slip between the two.
    const updates = on(log, 'entry', { signal });
    for (const entry of log.list()) yield entry;
    for await (const [entry] of updates) yield entry as ActivityEntry;
  }),
};
