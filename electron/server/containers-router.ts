import { requireFeature } from '../engine/engine-capabilities';
import {
  previewRemoval,
  removeContainer,
  renameContainer,
  runContainerAction,
  updateLimits,
  type ContainerAction,
} from '../engine/container-actions';
import { imageDefaultsOf, quickRun, runContainer } from '../engine/container-create';
import { TerminalSessions } from '../engine/container-exec';
import { changeSettings } from '../engine/container-settings';
import { streamLogs } from '../engine/container-logs';
import { streamStats } from '../engine/container-stats';
import { listContainers } from '../engine/containers';
import { endEventsOf } from '../engine/container-end';
import { os } from './base';
import { engineCall, toRpcError } from './errors';
import { withoutPodmanAdditions } from '../engine/podman-additions';

const terminals = new TerminalSessions();

/** Streams fail like calls: an engine error becomes a coded, translated error. */
async function* guarded<T>(stream: () => AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* stream();
  } catch (error) {
    throw toRpcError(error);
  }
}

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
  endEvents: os.containers.endEvents.handler(({ context, input }) => engineCall(() => endEventsOf(context.engine.client(), input.id))),
  remove: os.containers.remove.handler(({ context, input }) =>
    engineCall(() => removeContainer(context.engine.client(), input.id, input)),
  ),
  rename: os.containers.rename.handler(({ context, input }) =>
    engineCall(() => renameContainer(context.engine.client(), input.id, input.name)),
  ),
  run: os.containers.run.handler(({ context, input }) => engineCall(() => runContainer(context.engine.client(), input))),
  quickRun: os.containers.quickRun.handler(({ context, input }) => engineCall(() => quickRun(context.engine.client(), input.image))),
  imageDefaults: os.containers.imageDefaults.handler(({ context, input }) =>
    engineCall(() => imageDefaultsOf(context.engine.client(), input.image)),
  ),
  updateLimits: os.containers.updateLimits.handler(({ context, input }) =>
    engineCall(async () => {
      requireFeature(context.engine.state, 'containerUpdate');
      await updateLimits(context.engine.client(), input.id, input);
    }),
  ),
  recreate: os.containers.recreate.handler(({ context, input }) =>
    engineCall(() => changeSettings(context.engine.client(), input.id, input)),
  ),
  inspect: os.containers.inspect.handler(({ context, input }) =>
    engineCall(async () => withoutPodmanAdditions(await context.engine.client().getContainer(input.id).inspect()) as unknown as Record<string, unknown>),
  ),
  logs: os.containers.logs.handler(({ context, input, signal }) =>
    guarded(() => streamLogs(context.engine.client(), input.id, input, signal)),
  ),
  stats: os.containers.stats.handler(({ context, input, signal }) =>
    guarded(() => streamStats(context.engine.client(), input.id, signal)),
  ),
  terminal: os.containers.terminal.handler(({ context, input, signal }) =>
    guarded(() => terminals.open(context.engine.client(), input.id, input.shell, input, signal)),
  ),
  terminalInput: os.containers.terminalInput.handler(({ input }) =>
    engineCall(async () => terminals.write(input.session, input.data)),
  ),
  terminalResize: os.containers.terminalResize.handler(({ input }) =>
    engineCall(() => terminals.resize(input.session, input)),
  ),
};
