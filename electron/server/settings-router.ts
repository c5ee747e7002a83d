import { randomUUID } from 'node:crypto';
import { ORPCError } from '@orpc/server';
import type { EngineConnection } from '../engine/connection';
import { probeEngine } from '../engine/engine-probe';
import { trustHostKey } from '../engine/ssh-host-keys';
import { listEngines } from '../settings/engine-choice';
import { SettingsStore } from '../settings/settings-store';
import { os, type RouterContext } from './base';
import { engineCall } from './errors';

/** A host started without a settings folder (tests) keeps one in-memory store per engine connection. */
const memoryStores = new WeakMap<EngineConnection, SettingsStore>();
function storeOf(context: RouterContext): SettingsStore {
  if (context.settings) return context.settings;
  let store = memoryStores.get(context.engine);
  if (!store) memoryStores.set(context.engine, (store = new SettingsStore(null)));
  return store;
}

const result = (store: SettingsStore) => ({ settings: store.settings, recoveredFrom: store.recoveredFrom });

export const settingsRouter = {
  get: os.settings.get.handler(({ context }) => result(storeOf(context))),
  set: os.settings.set.handler(({ input, context }) => {
    const store = storeOf(context);
    store.update(input);
    return result(store);
  }),
  acknowledgeRecovery: os.settings.acknowledgeRecovery.handler(({ context }) => {
    storeOf(context).acknowledgeRecovery();
  }),
};

function findEngine(context: RouterContext, id: string) {
  const found = listEngines(context.engine, storeOf(context)).find((candidate) => candidate.entry.id === id);
  if (!found) throw new ORPCError('ENGINE_UNKNOWN', { status: 404, message: `No engine with id ${id}` });
  if (!found.resolved) throw new ORPCError('ENGINE_UNUSABLE', { status: 422, message: found.entry.problem ?? id });
  return found;
}

export const enginesRouter = {
  list: os.engines.list.handler(({ context }) => {
    const store = storeOf(context);
    return { engines: listEngines(context.engine, store).map((found) => found.entry), selected: store.settings.engine };
  }),
  add: os.engines.add.handler(({ input, context }) => {
    const store = storeOf(context);
    const engine = { ...input, id: `custom:${randomUUID()}` };
    store.update((current) => ({ engines: [...current.engines, engine] }));
    const found = listEngines(context.engine, store).find((candidate) => candidate.entry.id === engine.id);
    return found!.entry;
  }),
  remove: os.engines.remove.handler(async ({ input, context }) => {
    const store = storeOf(context);
    const wasSelected = store.settings.engine === input.id;
    store.update((current) => ({
      engines: current.engines.filter((engine) => engine.id !== input.id),
      engine: wasSelected ? null : current.engine,
    }));
    if (wasSelected) await context.engine.useEndpoint(undefined);
  }),
  test: os.engines.test.handler(({ input, context }) => probeEngine(findEngine(context, input.id).resolved!, context.engine.facts.env)),
  trustHostKey: os.engines.trustHostKey.handler(async ({ input, context }) => {
    if (input.id === null) {
      await engineCall(() => context.engine.trustHostKey(input.fingerprint));
      return;
    }
    const resolved = findEngine(context, input.id).resolved!;
    if (!resolved.ssh) throw new ORPCError('BAD_REQUEST', { status: 400, message: 'Not an ssh:// engine' });
    const { ssh } = resolved;
    const { env, home } = context.engine.facts;
    // The home the ssh processes get (HOME in their environment).
    await engineCall(() => trustHostKey(ssh, env, env.HOME || home, input.fingerprint));
  }),
  use: os.engines.use.handler(async ({ input, context }) => {
    const store = storeOf(context);
    const resolved = input.id === null ? undefined : findEngine(context, input.id).resolved;
    store.update(() => ({ engine: input.id }));
    // Not awaited to the end: an engine that does not answer shows as offline, it does not hang the call.
    void context.engine.useEndpoint(resolved);
  }),
};
