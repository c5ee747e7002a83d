import { listContainers, startContainer, stopContainer } from '../engine/containers';
import { os } from './base';
import { engineCall } from './errors';

export const containersRouter = {
  list: os.containers.list.handler(({ context, input }) =>
    engineCall(() => listContainers(context.engine.client(), input.all)),
  ),
  start: os.containers.start.handler(({ context, input }) =>
    engineCall(() => startContainer(context.engine.client(), input.id)),
  ),
  stop: os.containers.stop.handler(({ context, input }) =>
    engineCall(() => stopContainer(context.engine.client(), input.id)),
  ),
};
