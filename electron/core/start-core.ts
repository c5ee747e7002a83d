import { EngineConnection } from '../engine/connection';
import type { LogSink } from '../logging/app-log';
import { connectionLogger } from '../logging/connection-log';
import type { RouterContext } from '../server/base';
import { CredentialStore, type CredentialStoreOptions } from '../settings/credential-store';
import { startWithSavedEngine } from '../settings/engine-choice';
import { SettingsStore } from '../settings/settings-store';

/** What both entry points (the desktop app and `npm run web`) serve: every store the router reads. */
export type Core = Required<RouterContext>;

export interface CoreOptions {
  /** The folder of settings.json (and, for the desktop, the sealed registry logins). */
  dataDir: string;
  log: LogSink;
  /** How registry logins are kept: sealed with the keychain on the desktop, in memory on the web host. */
  credentials: CredentialStoreOptions;
}

/**
 * The one wiring of the engine connection, settings and registry logins, shared by main.ts and
 * web.ts: settings are read (a damaged file is logged), connection changes are logged, and the
 * saved engine is connected to in the background.
 */
export function startCore({ dataDir, log, credentials }: CoreOptions): Core {
  const settings = new SettingsStore(dataDir);
  if (settings.recoveredFrom) log.warn(`The settings file was damaged; it was moved to ${settings.recoveredFrom}`);
  const engine = new EngineConnection();
  engine.on('state', connectionLogger(log));
  void startWithSavedEngine(engine, settings);
  return { engine, settings, credentials: new CredentialStore(credentials) };
}
