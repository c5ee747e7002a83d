import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { LAUNCH_TOKEN_TTL_MS, launchTokenFromHash, sessionProtocols } from '../api/web-session';
import type { LogSink } from '../logging/app-log';
import { allowedAuthorities, checkOrigin, MAX_LOGGED_URL, RefusalLog, sessionFromProtocols, WebCredentials } from './web-auth';

const PORT = 47123;
const AUTHORITIES = allowedAuthorities('127.0.0.1', PORT);

/** Just what the checks read from a request: the URL and the headers. */
function request(url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { url, method: 'GET', headers: { host: `127.0.0.1:${PORT}`, ...headers }, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
}

describe('WebCredentials', () => {
  it('trades a launch token once, for a session secret that is not the token', () => {
    const credentials = new WebCredentials();
    const launch = credentials.mintLaunchToken();
    const session = credentials.trade(launch);
    expect(session).toBeDefined();
    expect(session).not.toBe(launch);
    expect(session!.length).toBeGreaterThanOrEqual(40);
    expect(credentials.hasSession(session)).toBe(true);
    // Used once: the same link is refused, and it never was a session itself.
    expect(credentials.trade(launch)).toBeUndefined();
    expect(credentials.hasSession(launch)).toBe(false);
  });

  it('refuses a launch token once it expired, and accepts one just before', () => {
    let now = 1_000_000;
    const credentials = new WebCredentials(() => now);
    const early = credentials.mintLaunchToken();
    const late = credentials.mintLaunchToken();
    now += LAUNCH_TOKEN_TTL_MS - 1;
    expect(credentials.trade(early)).toBeDefined();
    now += 1;
    expect(credentials.trade(late)).toBeUndefined();
  });

  it('gives each tab its own session; unknown, empty and near-miss values are refused', () => {
    const credentials = new WebCredentials();
    const a = credentials.trade(credentials.mintLaunchToken())!;
    const b = credentials.trade(credentials.mintLaunchToken())!;
    expect(a).not.toBe(b);
    expect(credentials.hasSession(a) && credentials.hasSession(b)).toBe(true);
    const nearMiss = a.slice(0, -1) + (a.endsWith('A') ? 'B' : 'A');
    for (const wrong of [nearMiss, `${a}x`, a.slice(0, 10), '', undefined]) expect(credentials.hasSession(wrong)).toBe(false);
    for (const wrong of ['', undefined, 'x'.repeat(43)]) expect(credentials.trade(wrong)).toBeUndefined();
  });
});

describe('the session on the WebSocket', () => {
  it('is read from the offered subprotocols, wherever it is in the list', () => {
    const [rpc, session] = sessionProtocols('s3cret_-value');
    expect(sessionFromProtocols(`${rpc}, ${session}`)).toBe('s3cret_-value');
    expect(sessionFromProtocols(`${session},${rpc}`)).toBe('s3cret_-value');
    expect(sessionFromProtocols(rpc)).toBeUndefined();
    expect(sessionFromProtocols(undefined)).toBeUndefined();
  });

  it('a launch token is read from a fragment only when it looks like one', () => {
    expect(launchTokenFromHash('#token=abcdefghijklmnop_-123')).toBe('abcdefghijklmnop_-123');
    expect(launchTokenFromHash('#containers')).toBeUndefined();
    expect(launchTokenFromHash('#token=short')).toBeUndefined();
    expect(launchTokenFromHash('#token=<script>alert(1)</script>xxxxxx')).toBeUndefined();
  });
});

describe('checkOrigin', () => {
  it("accepts the server's own origin under any allowed name, and no Origin at all", () => {
    expect(checkOrigin(request('/rpc', { origin: `http://127.0.0.1:${PORT}` }), AUTHORITIES)).toBeUndefined();
    expect(checkOrigin(request('/rpc', { origin: `http://localhost:${PORT}`, host: `localhost:${PORT}` }), AUTHORITIES)).toBeUndefined();
    expect(checkOrigin(request('/rpc', { origin: `http://[::1]:${PORT}`, host: `[::1]:${PORT}` }), AUTHORITIES)).toBeUndefined();
    expect(checkOrigin(request('/'), AUTHORITIES)).toBeUndefined();
  });

  it('refuses a missing Origin where one is required (the sign-in)', () => {
    expect(checkOrigin(request('/session'), AUTHORITIES, true)).toBe('origin');
  });

  it('refuses foreign origins: other sites, other ports, other schemes, null', () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${PORT + 1}`, `https://127.0.0.1:${PORT}`, 'null', 'file://', `http://localhost:${PORT}.evil.example`]) {
      expect(checkOrigin(request('/rpc', { origin }), AUTHORITIES), origin).toBe('origin');
    }
  });

  it('refuses a foreign Host (DNS rebinding)', () => {
    expect(checkOrigin(request('/', { host: `evil.example:${PORT}` }), AUTHORITIES)).toBe('host');
    expect(checkOrigin(request('/', { host: '' }), AUTHORITIES)).toBe('host');
  });
});

describe('RefusalLog', () => {
  const sink = () => {
    const lines: string[] = [];
    const log: LogSink = { info: () => undefined, warn: (line) => lines.push(line), error: () => undefined, addSecret: () => undefined };
    return { log, lines };
  };

  it('cuts a long URL to a few hundred characters', () => {
    const { log, lines } = sink();
    new RefusalLog(log).refused(request(`/${'a-'.repeat(8000)}`), 'session');
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeLessThan(MAX_LOGGED_URL + 200);
    expect(lines[0]).toContain('(16001 characters)');
  });

  it('logs at most N refusals a minute, then says how many it left out', () => {
    let now = 0;
    const { log, lines } = sink();
    const refusals = new RefusalLog(log, () => now, 20);
    for (let index = 0; index < 700; index += 1) refusals.refused(request(`/${index}`), 'session');
    expect(lines).toHaveLength(20);
    now += 60_000;
    refusals.refused(request('/later'), 'origin');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toContain('680 more refused requests');
  });
});
