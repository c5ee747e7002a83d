import { oc } from '@orpc/contract';
import { z } from 'zod';
import { noInput } from './schemas';
import { diskKind, diskUsageRow, engineOverview, pruneItem, pruneOutcome, pruneSelection } from './system-schemas';

/** The dashboard: the engine, what it holds, the disk it uses and cleaning up. */
export const systemContract = {
  /** docker info + docker version, with counts. */
  overview: oc.input(noInput).output(engineOverview),
  /** docker system df, per kind. */
  diskUsage: oc.input(noInput).output(z.array(diskUsageRow)),
  /** What a prune of this kind would remove now, item by item. */
  prunePreview: oc.input(z.strictObject({ kind: diskKind })).output(z.array(pruneItem)),
  /** Removes exactly these, each only if it still qualifies. */
  prune: oc.input(pruneSelection).output(pruneOutcome),
};
