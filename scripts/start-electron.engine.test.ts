import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionFor } from '../e2e/support/rpc-socket';

/*
 * `npm start` where Electron cannot be had: it runs the browser version itself.
 * Electron's binary is made impossible to get whatever this machine has: ELECTRON_OVERRIDE_DIST_PATH
 * points at an empty folder (so no binary is found and Electron's installer does not count one as
 * installed), the download goes to a closed local port (ELECTRON_MIRROR), and the download cache
 * is empty. Needs the build (out/), hence the engine project, which runs after it; the web host
 * is pointed at an engine that does not exist, as it needs none to serve its page.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const SENTENCE = /^Cais: Electron's binary could not be downloaded \(.+\), so Cais runs in your browser instead, as `npm run web` does\.$/m;

let temp: string;
let closedPort: number;
const children: ChildProcess[] = [];

beforeAll(async () => {
  expect(fs.existsSync(path.join(ROOT, 'out/main/web.js')), 'run `npx electron-vite build` first').toBe(true);
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-start-'));
  // A port nothing listens on: take a free one and let it go.
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return () => fs.rmSync(temp, { recursive: true, force: true });
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  }
});

function startWithoutElectron(extraEnv: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(temp, 'run-'));
  for (const sub of ['dist', 'cache', 'data']) fs.mkdirSync(path.join(dir, sub));
  const env: NodeJS.ProcessEnv = {};
  // Nothing of ours may point Electron's download elsewhere (npm passes .npmrc settings as npm_config_*).
  for (const [key, value] of Object.entries(process.env)) if (!/electron|^display$|^wayland_display$/i.test(key)) env[key] = value;
  Object.assign(env, {
    ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'dist'),
    ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`,
    electron_config_cache: path.join(dir, 'cache'),
    CAIS_ELECTRON_DOWNLOAD_TIMEOUT: '120',
    CAIS_DATA_DIR: path.join(dir, 'data'),
    DOCKER_HOST: `unix://${path.join(dir, 'no-engine.sock')}`,
    ...extraEnv,
  });
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start-electron.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const address = () => output.stdout.match(/^(https?:\/\/\S+)$/m)?.[1];
  return { child, output, address, dir };
}

if (process.platform !== 'linux') console.log('npm start fallback: the default-browser check is skipped: it stands in for xdg-open, which only Linux uses.');

describe('npm start where Electron cannot be had', () => {
  it('says why in one sentence, runs the browser version and prints its address, which answers; Ctrl+C stops it', async () => {
    const run = startWithoutElectron({ CAIS_NO_BROWSER: '1' });
    await vi.waitFor(() => expect(run.address(), run.output.stderr).toBeDefined(), { timeout: 150_000, interval: 200 });
    expect(run.output.stderr).toMatch(SENTENCE);
    expect(run.output.stderr).not.toMatch(/^\s+at /m);
    const address = new URL(run.address()!);
    expect(address.hostname).toBe('127.0.0.1');
    // The web host answers the address it printed (how it then lets the browser in is its own business).
    const response = await fetch(address, { redirect: 'manual' });
    expect(response.status).toBeLessThan(400);
    // …and it is Cais's web host: the printed link signs a tab in, once.
    await expect(sessionFor(address.href)).resolves.toMatchObject({ origin: address.origin });
    await expect(sessionFor(address.href)).rejects.toThrow(/refused the launch link/);

    run.child.kill('SIGINT');
    const code = await new Promise((resolve) => run.child.once('close', resolve));
    expect(code).toBe(0);
    await expect(fetch(`${address.origin}/`)).rejects.toThrow();
  }, 180_000);

  it.runIf(process.platform === 'linux')('opens the address in the default browser where there is a display (xdg-open)', async () => {
    const bin = fs.mkdtempSync(path.join(temp, 'bin-'));
    const record = path.join(bin, 'opened.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`, { mode: 0o755 });
    const run = startWithoutElectron({ DISPLAY: ':0', PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    await vi.waitFor(() => expect(run.address(), run.output.stderr).toBeDefined(), { timeout: 150_000, interval: 200 });
    await vi.waitFor(() => expect(fs.existsSync(record) && fs.readFileSync(record, 'utf8')).toBe(`${run.address()}\n`), { timeout: 10_000 });
  }, 180_000);
});
