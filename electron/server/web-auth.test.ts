import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedAuthorities, checkRequest, cookieValue, TOKEN_COOKIE } from './web-auth';

const PORT = 47123;
const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkwYWI';
const AUTHORITIES = allowedAuthorities('127.0.0.1', PORT);

/** Just what checkRequest reads from a request: the URL and the headers. */
function request(url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { url, headers: { host: `127.0.0.1:${PORT}`, ...headers } } as unknown as IncomingMessage;
}

const check = (req: IncomingMessage) => checkRequest(req, TOKEN, AUTHORITIES);

describe('checkRequest: token', () => {
  it('lets the right token in the query pass', () => {
    expect(check(request(`/?token=${TOKEN}`))).toBeUndefined();
  });

  it('lets the right token in the cookie pass', () => {
    expect(check(request('/assets/app.js', { cookie: `${TOKEN_COOKIE}=${TOKEN}` }))).toBeUndefined();
    expect(check(request('/rpc', { cookie: `theme=dark; ${TOKEN_COOKIE}=${TOKEN}; other=1` }))).toBeUndefined();
  });

  it('refuses a request without a token', () => {
    expect(check(request('/'))).toBe('token');
    expect(check(request('/', { cookie: 'theme=dark' }))).toBe('token');
  });

  it('refuses a wrong token of the right length', () => {
    const wrong = TOKEN.slice(0, -1) + (TOKEN.endsWith('A') ? 'B' : 'A');
    expect(wrong).toHaveLength(TOKEN.length);
    expect(check(request(`/?token=${wrong}`))).toBe('token');
    expect(check(request('/', { cookie: `${TOKEN_COOKIE}=${wrong}` }))).toBe('token');
  });

  it('refuses a token of another length without throwing', () => {
    expect(check(request(`/?token=${TOKEN.slice(0, 10)}`))).toBe('token');
    expect(check(request(`/?token=${TOKEN}x`))).toBe('token');
    expect(check(request('/?token='))).toBe('token');
  });

  it('refuses the token under another cookie name', () => {
    expect(check(request('/', { cookie: `x${TOKEN_COOKIE}=${TOKEN}` }))).toBe('token');
  });
});

describe('checkRequest: origin', () => {
  const withToken = `/rpc?token=${TOKEN}`;

  it("accepts the server's own origin under any allowed name", () => {
    expect(check(request(withToken, { origin: `http://127.0.0.1:${PORT}` }))).toBeUndefined();
    expect(check(request(withToken, { origin: `http://localhost:${PORT}`, host: `localhost:${PORT}` }))).toBeUndefined();
    expect(check(request(withToken, { origin: `http://[::1]:${PORT}`, host: `[::1]:${PORT}` }))).toBeUndefined();
  });

  it('refuses a foreign origin even with the right token', () => {
    expect(check(request(withToken, { origin: 'http://evil.example' }))).toBe('origin');
    expect(check(request('/rpc', { origin: 'http://evil.example', cookie: `${TOKEN_COOKIE}=${TOKEN}` }))).toBe('origin');
  });

  it('refuses the same host on https or on another port', () => {
    expect(check(request(withToken, { origin: `https://127.0.0.1:${PORT}` }))).toBe('origin');
    expect(check(request(withToken, { origin: `http://127.0.0.1:${PORT + 1}` }))).toBe('origin');
    expect(check(request(withToken, { origin: 'http://127.0.0.1' }))).toBe('origin');
  });

  it('refuses an opaque or malformed origin', () => {
    expect(check(request(withToken, { origin: 'null' }))).toBe('origin');
    expect(check(request(withToken, { origin: '' }))).toBe('origin');
  });
});

describe('checkRequest: host', () => {
  it('refuses a Host header outside the allowed set (DNS rebinding)', () => {
    expect(check(request(`/?token=${TOKEN}`, { host: `rebind.evil.example:${PORT}` }))).toBe('host');
    expect(check(request(`/?token=${TOKEN}`, { host: `127.0.0.1:${PORT + 1}` }))).toBe('host');
    expect(check(request(`/?token=${TOKEN}`, { host: '127.0.0.1' }))).toBe('host');
  });

  it('refuses a request with no Host header', () => {
    const req = { url: `/?token=${TOKEN}`, headers: {} } as unknown as IncomingMessage;
    expect(check(req)).toBe('host');
  });
});

describe('allowedAuthorities', () => {
  it('names the bound host and the loopback names on that port', () => {
    expect([...allowedAuthorities('192.168.1.10', 8080)].sort()).toEqual(
      ['127.0.0.1:8080', '192.168.1.10:8080', '[::1]:8080', 'localhost:8080'].sort(),
    );
  });
});

describe('cookieValue', () => {
  it('finds a cookie among others, ignoring spaces', () => {
    expect(cookieValue('a=1; cais_token=abc;b=2', 'cais_token')).toBe('abc');
    expect(cookieValue('  cais_token=abc  ', 'cais_token')).toBe('abc');
  });

  it("keeps '=' inside the value", () => {
    expect(cookieValue('cais_token=ab=cd==', 'cais_token')).toBe('ab=cd==');
  });

  it('matches the whole name only', () => {
    expect(cookieValue('my_cais_token=abc; cais_token_old=def', 'cais_token')).toBeUndefined();
  });

  it('gives undefined for no header or no such cookie', () => {
    expect(cookieValue(undefined, 'cais_token')).toBeUndefined();
    expect(cookieValue('', 'cais_token')).toBeUndefined();
    expect(cookieValue('a=1', 'cais_token')).toBeUndefined();
  });

  it('gives an empty string for an empty value', () => {
    expect(cookieValue('cais_token=', 'cais_token')).toBe('');
  });
});
