import { on } from 'node:events';
import type { ConnectionState, EngineEvent } from '../api/schemas';
import { os } from './base';

export const engineRouter = {
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
};
