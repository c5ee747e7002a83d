import { runContainerAction, previewRemoval, removeContainer, renameContainer, type ContainerAction } from '../engine/container-actions';
import { listContainers } from '../engine/containers';
import { os } from './base';
import { engineCall } from './errors';

function action(name: ContainerAction) {
  return os.containers[name].handler(({ context, input }) =>
    engineCall(() => runContainerAction(context.engine.client(), input.id, name)),
  );
}

export const containersRouter = {
  list: os.containers.list.handler(({ context, input }) =>
    engineCall(() => listContainers(context.engine.client(), input.all)),
  ),
  start: action('start'),
  stop: action('stop'),
  restart: action('restart'),
  pause: action('pause'),
  unpause: action('unpause'),
  kill: action('kill'),
  removalPreview: os.containers.removalPreview.handler(({ context, input }) =>
    engineCall(() => previewRemoval(context.engine.client(), input.id)),
  ),
  remove: os.containers.remove.handler(({ context, input }) =>
    engineCall(() => removeContainer(context.engine.client(), input.id, input)),
  ),
  rename: os.containers.rename.handler(({ context, input }) =>
    engineCall(() => renameContainer(context.engine.client(), input.id, input.name)),
  ),
};
