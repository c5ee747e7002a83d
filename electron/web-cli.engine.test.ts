import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createORPCClient } from '@orpc/client';
import { RPCLink } from '@orpc/client/websocket';
import type { ContractRouterClient } from '@orpc/contract';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Contract } from './api/contract';
import { openRpcSocket } from '../e2e/support/rpc-socket';

/** The launch link `npm run web` printed, and its port. */
function launchOf(stdout: string): { url: string; port: number; token: string } {
  const [, url, port, token] = /^(http:\/\/[^\s/]+:(\d+)\/#token=(\S+))$/m.exec(stdout)!;
  return { url, port: Number(port), token };
}

/**
 * `npm run web` as a user runs it: the built out/main/web.js in its own
 * process. Lives in the engine project because that runs after the build.
 */
const WEB_JS = path.resolve(import.meta.dirname, '../out/main/web.js');
const built = fs.existsSync(WEB_JS);
if (!built) console.log(`SKIPPED web CLI tests: ${WEB_JS} is missing; run \`npx electron-vite build\` first.`);

const children: ChildProcess[] = [];
const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-web-cli-'));
  tempDirs.push(dir);
  return dir;
}
const dataDir = tempDir();
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; resolves when it exits or once it prints its address. */
function startCli(args: string[], dir = dataDir, env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WEB_JS, ...args], {
      // A socket that does not exist: these tests are about the host, not the engine.
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/cais-test.sock', CAIS_DATA_DIR: dir, ...env },
    });
    children.push(child);
    const outcome: Outcome = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      outcome.stdout += chunk.toString();
      if (/token=/.test(outcome.stdout)) resolve(outcome);
    });
    child.stderr.on('data', (chunk: Buffer) => (outcome.stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ ...outcome, code }));
  });
}

describe.skipIf(!built)('npm run web: where it listens', { timeout: 20_000 }, () => {
  it('listens on 127.0.0.1 by default, without a warning', async () => {
    const outcome = await startCli(['--port', '0']);
    expect(outcome.code).toBeNull(); // still running
    expect(outcome.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=\S{40,}$/m);
    expect(outcome.stderr).not.toMatch(/WARNING/);
  });

  it('refuses a non-loopback address without --allow-remote, exiting non-zero with a clear message', async () => {
    const outcome = await startCli(['--host', '0.0.0.0', '--port', '0']);
    expect(outcome.code).not.toBe(0);
    expect(outcome.code).not.toBeNull();
    expect(outcome.stderr).toContain('Refusing to listen on 0.0.0.0');
    expect(outcome.stderr).toContain('--allow-remote');
    expect(outcome.stdout).not.toMatch(/token=/);
  });

  it('listens on it with --allow-remote, printing a warning, and still demands the token', async () => {
    const outcome = await startCli(['--host', '0.0.0.0', '--allow-remote', '--port', '0']);
    expect(outcome.code).toBeNull();
    expect(outcome.stderr).toMatch(/WARNING: listening beyond this machine/);
    const { port } = launchOf(outcome.stdout);
    const origin = `http://127.0.0.1:${port}`;
    // A guessed launch token is refused, and /rpc without a session does not open.
    const refused = await fetch(`${origin}/session`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ launch: 'guessed-token-123456789' }) });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`, { headers: { origin } });
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true));
      socket.once('error', () => resolve(false));
    });
    socket.close();
    expect(opened).toBe(false);
  });
});

/** An RPC client on the running host, signed in with its printed launch link as the page would. */
async function connect(stdout: string): Promise<{ api: ContractRouterClient<Contract>; socket: WebSocket }> {
  const socket = await openRpcSocket(launchOf(stdout).url);
  return { api: createORPCClient(new RPCLink({ websocket: socket as never })), socket };
}

async function stopAll(): Promise<void> {
  const running = children.splice(0);
  await Promise.all(running.map((child) => new Promise((resolve) => (child.kill('SIGTERM'), child.once('exit', resolve)))));
}

describe.skipIf(!built)('npm run web: settings in CAIS_DATA_DIR', { timeout: 20_000 }, () => {
  it('survive a restart of the web host', async () => {
    const dir = tempDir();
    const first = await connect((await startCli(['--port', '0'], dir)).stdout);
    await first.api.settings.set({ theme: 'dark', language: 'pt-BR', logLines: 2500, confirmations: { stop: true } });
    first.socket.close();
    await stopAll();

    const second = await connect((await startCli(['--port', '0'], dir)).stdout);
    const { settings, recoveredFrom } = await second.api.settings.get();
    expect(settings).toMatchObject({ theme: 'dark', language: 'pt-BR', logLines: 2500, confirmations: { stop: true, kill: false } });
    expect(recoveredFrom).toBeNull();
    second.socket.close();
  });

  it('a corrupted settings file is reported (once) and replaced by defaults', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"theme": "dark",,, not json');
    const outcome = await startCli(['--port', '0'], dir);
    expect(outcome.stderr).toMatch(/settings file was damaged; it was moved to .*settings\.json\.broken-/);
    const { api, socket } = await connect(outcome.stdout);
    const first = await api.settings.get();
    expect(first.settings.theme).toBe('system');
    expect(first.recoveredFrom).toMatch(/settings\.json\.broken-/);
    expect(fs.readFileSync(first.recoveredFrom!, 'utf8')).toContain('not json'); // the damaged copy is kept
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).theme).toBe('system');
    await api.settings.acknowledgeRecovery();
    expect((await api.settings.get()).recoveredFrom).toBeNull();
    socket.close();
  });
});

/** Waits until the log folder's files together contain `text`. */
async function logContaining(logs: string, text: string): Promise<string> {
  for (let waited = 0; waited < 5000; waited += 50) {
    const all = fs.existsSync(logs) ? fs.readdirSync(logs).map((file) => fs.readFileSync(path.join(logs, file), 'utf8')).join('') : '';
    if (all.includes(text)) return all;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the log in ${logs} never contained ${JSON.stringify(text)}`);
}

describe.skipIf(!built)('npm run web: its log file', { timeout: 30_000 }, () => {
  it('is written to logs/cais.log in the data folder: start, engine, refusals, failed calls; never the token or a password', async () => {
    const dir = tempDir();
    const logs = path.join(dir, 'logs');
    const outcome = await startCli(['--port', '0'], dir);
    const { port, token } = launchOf(outcome.stdout);
    const origin = `http://127.0.0.1:${port}`;
    const refused = await fetch(`${origin}/session?token=wrong-guess-123456&password=hunter2`, {
      method: 'POST',
      headers: { authorization: 'Bearer hunter3-bearer', origin, 'content-type': 'application/json' },
      body: JSON.stringify({ launch: 'wrong-guess-123456789' }),
    });
    expect(refused.status).toBe(401);
    const { api, socket } = await connect(outcome.stdout);
    await expect(api.containers.list({ all: true })).rejects.toThrow();
    socket.close();

    const text = await logContaining(logs, 'Call containers.list failed');
    expect(text).toMatch(/^\S+Z INFO {2}Cais \S+ web host starting \(Node /);
    expect(text).toContain(`Listening on http://127.0.0.1:${port}\n`); // never the launch link
    expect(text).toContain('Engine offline: unix:///nonexistent/cais-test.sock: not-found');
    expect(text).toContain(`Refused POST /session?token=[redacted]&password=[redacted] from 127.0.0.1: an unknown, used or expired launch link (Origin: ${origin})\n`);
    expect(text).toMatch(/WARN {2}Call containers\.list failed: ENGINE_OFFLINE/);
    for (const secret of [token, 'wrong-guess', 'hunter2', 'hunter3']) expect(text).not.toContain(secret);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(logs, 'cais.log')).mode & 0o077).toBe(0); // readable by its owner only
  });

  it('rotates past its size limit, keeps five files at most, and each begins with the start line', async () => {
    const dir = tempDir();
    const logs = path.join(dir, 'logs');
    const outcome = await startCli(['--port', '0'], dir, { CAIS_LOG_MAX_BYTES: '2000' });
    const { token } = launchOf(outcome.stdout);
    const { api, socket } = await connect(outcome.stdout);
    // Each failed call (the engine is offline) logs a line: enough of them to rotate many times.
    for (let call = 0; call < 150; call += 1) await api.containers.list({ all: true }).catch(() => undefined);
    socket.close();
    await logContaining(logs, 'Call containers.list failed');
    const files = fs.readdirSync(logs).sort();
    expect(files).toEqual(['cais.1.log', 'cais.2.log', 'cais.3.log', 'cais.4.log', 'cais.log']);
    for (const file of files) {
      const text = fs.readFileSync(path.join(logs, file), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2000);
      expect(text).not.toContain(token);
      // Whoever reads any one file still learns which version wrote it.
      expect(text.split('\n')[0]).toMatch(/web host starting/);
    }
    expect(fs.readFileSync(path.join(logs, 'cais.log'), 'utf8')).toContain('Call containers.list failed');
  });
});
