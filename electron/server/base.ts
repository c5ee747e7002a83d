import { implement } from '@orpc/server';
import { contract } from '../api/contract';
import type { EngineConnection } from '../engine/connection';
import type { CredentialStore } from '../settings/credential-store';
import type { SettingsStore } from '../settings/settings-store';

export interface RouterContext {
  engine: EngineConnection;
  /** Where settings live; without one, settings are kept in memory for this engine connection. */
  settings?: SettingsStore;
  /** Registry logins; without a store, they are kept in memory for this engine connection. */
  credentials?: CredentialStore;
}

/** The contract's implementer; each area's router file builds on it. */
export const os = implement(contract).$context<RouterContext>();
