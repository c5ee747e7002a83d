import { diskUsage, engineOverview, pruneExactly, prunePreview } from '../engine/system';
import { os } from './base';
import { engineCall } from './errors';

export const systemRouter = {
  overview: os.system.overview.handler(({ context }) =>
    engineCall(() => {
      const state = context.engine.state;
      const docker = context.engine.client();
      if (state.status !== 'connected') throw new Error('not connected');
      return engineOverview(docker, state.endpoint);
    }),
  ),
  diskUsage: os.system.diskUsage.handler(({ context }) => engineCall(() => diskUsage(context.engine.client()))),
  prunePreview: os.system.prunePreview.handler(({ context, input }) =>
    engineCall(() => prunePreview(context.engine.client(), input.kind)),
  ),
  prune: os.system.prune.handler(({ context, input }) =>
    engineCall(() => pruneExactly(context.engine.client(), input.kind, input.ids)),
  ),
};
