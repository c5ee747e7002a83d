import { containerAnatomy } from '../engine/container-anatomy';
import { os } from './base';
import { engineCall } from './errors';

export const anatomyRouter = {
  ofContainer: os.anatomy.ofContainer.handler(({ context, input }) =>
    engineCall(() => containerAnatomy(context.engine.client(), input.id)),
  ),
};
