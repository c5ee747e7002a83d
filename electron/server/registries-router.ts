import type { EngineConnection } from '../engine/connection';
import { checkLogin, registryKey } from '../engine/registry-auth';
import { CredentialStore } from '../settings/credential-store';
import { os, type RouterContext } from './base';
import { toRpcError } from './errors';

/** A host started without a credential store (tests) keeps logins in memory per engine connection. */
const memoryStores = new WeakMap<EngineConnection, CredentialStore>();

export function credentialsOf(context: RouterContext): CredentialStore {
  if (context.credentials) return context.credentials;
  let store = memoryStores.get(context.engine);
  if (!store) memoryStores.set(context.engine, (store = new CredentialStore({ withoutKeychain: 'web' })));
  return store;
}

function logins(context: RouterContext) {
  const store = credentialsOf(context);
  return { keeping: store.keeping, logins: store.list() };
}

export const registriesRouter = {
  list: os.registries.list.handler(({ context }) => logins(context)),
  login: os.registries.login.handler(async ({ context, input, signal }) => {
    const registry = registryKey(input.registry);
    try {
      await checkLogin(context.engine.client(), { registry, username: input.username, password: input.password }, signal);
    } catch (error) {
      throw toRpcError(error);
    }
    credentialsOf(context).save({ registry, username: input.username, password: input.password });
    return { registry, username: input.username };
  }),
  logout: os.registries.logout.handler(({ context, input }) => ({ removed: credentialsOf(context).remove(registryKey(input.registry)) })),
};
