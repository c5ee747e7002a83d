import { on } from 'node:events';
import { implement } from '@orpc/server';
import { contract } from '../api/contract';
import type { ConnectionState, EngineEvent } from '../api/schemas';
import type { EngineConnection } from '../engine/connection';
import { listContainers, startContainer, stopContainer } from '../engine/containers';
import { engineCall } from './errors';

export interface RouterContext {
  engine: EngineConnection;
}

const os = implement(contract).$context<RouterContext>();

/** The one router; Electron and the web host each bind it to a transport. */
export const router = os.router({
  engine: {
    state: os.engine.state.handler(async function* ({ context, signal }) {
      yield context.engine.state;
      for await (const [state] of on(context.engine, 'state', { signal })) {
        yield state as ConnectionState;
      }
    }),
    retry: os.engine.retry.handler(async ({ context }) => {
      await context.engine.connectNow();
    }),
    events: os.engine.events.handler(async function* ({ context, signal }) {
      for await (const [event] of on(context.engine, 'event', { signal })) {
        yield event as EngineEvent;
      }
    }),
  },
  containers: {
    list: os.containers.list.handler(({ context, input }) =>
      engineCall(() => listContainers(context.engine.client(), input.all)),
    ),
    start: os.containers.start.handler(({ context, input }) =>
      engineCall(() => startContainer(context.engine.client(), input.id)),
    ),
    stop: os.containers.stop.handler(({ context, input }) =>
      engineCall(() => stopContainer(context.engine.client(), input.id)),
    ),
  },
});

export type AppRouter = typeof router;
