import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LAUNCH_TOKEN_TTL_MS, launchTokenFromHash, RPC_PROTOCOL, SESSION_HEADER, SESSION_PATH, sessionProtocols } from '../api/web-session';
import { AppLog } from '../logging/app-log';
import { EngineConnection } from '../engine/connection';
import { contentSecurityPolicy, startWebHost, type WebHost } from './web-host';

/** "a b; c d" → { a: ['b'], c: ['d'] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy(51234);
  const parsed = directives(policy);

  it('allows nothing unsafe for scripts (inline styles only, for the terminal)', () => {
    expect(policy).toContain("script-src 'self';");
    for (const directive of policy.split(';').filter((d) => /unsafe-/.test(d))) expect(directive.trim()).toMatch(/^style-src /);
    expect(policy).not.toContain('*');
  });

  it("limits everything to 'self' by default", () => {
    expect(parsed['default-src']).toEqual(["'self'"]);
    expect(parsed['script-src']).toEqual(["'self'"]);
    expect(parsed['object-src']).toEqual(["'none'"]);
    expect(parsed['frame-ancestors']).toEqual(["'none'"]);
  });

  it('lets the page open its WebSocket on its own port only', () => {
    expect(parsed['connect-src']).toContain('ws://127.0.0.1:51234');
    expect(parsed['connect-src']).toContain('ws://localhost:51234');
    for (const source of parsed['connect-src']) {
      if (source.startsWith('ws')) expect(source).toMatch(/:51234$/);
    }
    expect(contentSecurityPolicy(8080)).not.toContain('51234');
  });
});

describe('signing in to the web host', () => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Cais</title>');
  let now = 1_000_000;
  let host: WebHost;
  // Never started: these requests are refused or signed in before any engine call.
  const engine = new EngineConnection();
  beforeAll(async () => {
    host = await startWebHost({ engine, staticDir, now: () => now });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  const signIn = (launch: string, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}${SESSION_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.origin, ...headers },
      body: JSON.stringify({ launch }),
    });
  const launchToken = () => launchTokenFromHash(new URL(host.launchUrl()).hash)!;

  /** Opens a socket and resolves with the HTTP status it was refused with, or 101 and the protocol chosen. */
  function socketStatus(protocols: string[], headers: Record<string, string> = {}, path = '/rpc'): Promise<{ status: number; protocol?: string }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, protocols, { headers: { origin: host.origin, ...headers } });
      socket.on('open', () => {
        resolve({ status: 101, protocol: socket.protocol });
        socket.close();
      });
      socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      socket.on('error', reject);
    });
  }

  it('prints a launch URL with the token in the fragment only, a new one each time', () => {
    const first = new URL(host.launchUrl());
    const second = new URL(host.launchUrl());
    expect(`${first.origin}${first.pathname}${first.search}`).toBe(`${host.origin}/`);
    expect(first.hash).toMatch(/^#token=[\w-]{40,}$/);
    expect(first.hash).not.toBe(second.hash);
  });

  it('serves the page without a session, and never sets a cookie', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Cais</title>');
  });

  it('trades a launch token once for a session, which opens /rpc; a second use is refused', async () => {
    const launch = launchToken();
    const answer = await signIn(launch);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { session } = (await answer.json()) as { session: string };
    expect(session).not.toBe(launch);
    expect((await signIn(launch)).status).toBe(401);

    // The secret goes as a subprotocol; the host answers with the plain one, never echoing the secret.
    expect(await socketStatus(sessionProtocols(session))).toEqual({ status: 101, protocol: RPC_PROTOCOL });
    const check = await fetch(`${host.origin}${SESSION_PATH}`, { headers: { [SESSION_HEADER]: session } });
    expect(check.status).toBe(204);
  });

  it('refuses /rpc without the session: no protocol, a wrong one, the launch token, a query or a cookie', async () => {
    const launch = launchToken();
    const session = ((await (await signIn(launch)).json()) as { session: string }).session;
    expect((await socketStatus([])).status).toBe(401);
    expect((await socketStatus([RPC_PROTOCOL])).status).toBe(401);
    expect((await socketStatus(sessionProtocols('x'.repeat(43)))).status).toBe(401);
    expect((await socketStatus(sessionProtocols(launch))).status).toBe(401);
    expect((await socketStatus([RPC_PROTOCOL], {}, `/rpc?token=${session}`)).status).toBe(401);
    expect((await socketStatus([RPC_PROTOCOL], { cookie: `cais_token=${session}; cais_session=${session}` })).status).toBe(401);
    expect((await socketStatus(sessionProtocols(session), {}, '/other')).status).toBe(401);
    expect((await socketStatus(sessionProtocols(session), { origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${host.origin}${SESSION_PATH}`, { headers: { [SESSION_HEADER]: launch } })).status).toBe(401);
  });

  it('refuses a sign-in from a foreign or missing Origin, or not as JSON', async () => {
    expect((await signIn(launchToken(), { origin: 'http://evil.example' })).status).toBe(403);
    const bare = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${host.origin}${SESSION_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(JSON.stringify({ launch: launchToken() }));
    });
    expect(bare).toBe(403);
    expect((await signIn(launchToken(), { 'content-type': 'text/plain' })).status).toBe(401);
  });

  it('refuses a launch token after two minutes', async () => {
    const launch = launchToken();
    now += LAUNCH_TOKEN_TTL_MS;
    expect((await signIn(launch)).status).toBe(401);
  });

  it('never redirects elsewhere: no path sends the browser to another site', async () => {
    for (const path of ['/.//evil.example/?token=abc', '/a/..//evil.example/', '//evil.example/', '/%2F%2Fevil.example/']) {
      const answer = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
        const request = http.get({ host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        });
        request.on('error', reject);
      });
      expect(answer.location, path).toBeUndefined();
      expect(answer.status, path).toBeLessThan(300);
    }
  });

  it('keeps the start line in the log through a flood of refused requests', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-flood-log-'));
    const log = new AppLog({ dir, maxBytes: 4096, maxFiles: 2 });
    log.info('Cais 0.0.0 web host starting; pid 1');
    const flooded = await startWebHost({ engine, staticDir, log });
    try {
      for (let batch = 0; batch < 10; batch += 1) {
        await Promise.all(Array.from({ length: 70 }, (_, index) => fetch(`${flooded.origin}/${'a-'.repeat(500)}${index}`, { headers: { origin: 'http://evil.example' } })));
      }
      const text = log.files().map((file) => fs.readFileSync(file, 'utf8')).join('');
      expect(text).toContain('Cais 0.0.0 web host starting; pid 1');
      // Refusals are rate-limited: 700 requests are not 700 lines, and each is cut short.
      expect(text.match(/Refused GET/g)?.length ?? 0).toBeLessThanOrEqual(20);
      expect(text).not.toContain('a-'.repeat(200));
    } finally {
      await flooded.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
