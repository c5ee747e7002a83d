import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { startCore } from './core/start-core';
import { AppLog, logMaxBytesFromEnv } from './logging/app-log';
import { startWebHost } from './transports/web-host';
import { webDataDir } from './settings/settings-store';

/**
 * `npm run web [-- --port N] [--host H --allow-remote]`: the same UI as the
 * desktop app, served to a browser on this machine.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`cais web: --port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '../renderer');
  const dataDir = webDataDir();
  const log = new AppLog({ dir: path.join(dataDir, 'logs'), maxBytes: logMaxBytesFromEnv() });
  log.info(`Cais ${version} web host starting (Node ${process.versions.node}, ${os.type()} ${os.release()} ${process.arch}); pid ${process.pid}`);
  process.on('uncaughtException', (error) => {
    log.error('Unexpected error; the web host stops', error);
    console.error(`cais web: ${error.message} (details in ${log.file})`);
    process.exit(1);
  });
  // No keychain here: registry logins stay in this process's memory until it stops.
  const { engine, settings, credentials } = startCore({ dataDir, log, credentials: { withoutKeychain: 'web' } });
  if (settings.recoveredFrom) {
    console.warn(`cais web: the settings file was damaged; it was moved to ${settings.recoveredFrom} and defaults are in use.`);
  }
  if (values['allow-remote']) {
    console.warn('cais web: WARNING: listening beyond this machine gives anyone with the token root on it.');
  }
  let host: Awaited<ReturnType<typeof startWebHost>>;
  try {
    host = await startWebHost({ engine, settings, credentials, staticDir, port, host: values.host, allowRemote: values['allow-remote'], log });
  } catch (error) {
    log.error('The web host could not start', error);
    throw error;
  }
  log.info(`Listening on ${host.origin}`); // never a launch link: they are for the terminal only
  // A link signs one browser tab in, once, within two minutes; the tab then
  // keeps its own session (a reload keeps it). Another tab, or a link that
  // expired, takes a new one: press Enter here.
  console.log('Cais is running (Ctrl+C stops it). Open this link in a browser; it works once, within 2 minutes:');
  console.log(host.launchUrl());
  console.log('For another tab, or if the link expired, press Enter here for a new one.');
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', () => console.log(host.launchUrl()));
  const stop = () => {
    log.info('Stopping');
    input.close();
    engine.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`cais web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
