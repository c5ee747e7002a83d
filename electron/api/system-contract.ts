import { oc } from '@orpc/contract';
import { z } from 'zod';
import { diskKind, diskUsageRow, engineOverview, pruneItem, pruneOutcome, pruneSelection } from './system-schemas';

/** The dashboard: the engine, what it holds, the disk it uses and cleaning up. */
export const systemContract = {
  /** docker info + docker version, with counts. */
  overview: oc.output(engineOverview),
  /** docker system df, per kind. */
  diskUsage: oc.output(z.array(diskUsageRow)),
  /** What a prune of this kind would remove now, item by item. */
  prunePreview: oc.input(z.strictObject({ kind: diskKind })).output(z.array(pruneItem)),
  /** Removes exactly these, each only if it still qualifies. */
  prune: oc.input(pruneSelection).output(pruneOutcome),
};
