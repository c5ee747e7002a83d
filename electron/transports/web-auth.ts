import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LAUNCH_TOKEN_TTL_MS, SESSION_PROTOCOL_PREFIX } from '../api/web-session';
import type { LogSink } from '../logging/app-log';

export type Refusal = 'session' | 'launch' | 'origin' | 'host';

function sameSecret(given: string | undefined | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Names the allowed Host/Origin authorities for a host bound to a port. */
export function allowedAuthorities(bindHost: string, port: number): Set<string> {
  return new Set([`${bindHost}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * The checks every request passes, with or without a session: the Host header
 * must name this server (against DNS rebinding), and an Origin, when sent,
 * must be this server's own. `requireOrigin`: a missing Origin is refused too
 * (the sign-in POST, which a browser always sends with one).
 */
export function checkOrigin(req: IncomingMessage, authorities: Set<string>, requireOrigin = false): Refusal | undefined {
  const host = req.headers.host ?? '';
  if (!authorities.has(host)) return 'host';
  const origin = req.headers.origin;
  if (origin === undefined) return requireOrigin ? 'origin' : undefined;
  let authority: string;
  try {
    const parsed = new URL(origin);
    authority = parsed.protocol === 'http:' ? parsed.host : '';
  } catch {
    authority = '';
  }
  return authorities.has(authority) ? undefined : 'origin';
}

/** The session secret offered in Sec-WebSocket-Protocol (`cais.session.<secret>`), if any. */
export function sessionFromProtocols(header: string | string[] | undefined): string | undefined {
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed.startsWith(SESSION_PROTOCOL_PREFIX)) return trimmed.slice(SESSION_PROTOCOL_PREFIX.length);
  }
  return undefined;
}

const newSecret = () => randomBytes(32).toString('base64url');
/** Launch tokens not yet used at once: more are refused to mint until some expire. */
const MAX_LAUNCH_TOKENS = 64;
/** Sessions kept: a new one beyond this ends the oldest (that tab then asks for a new link). */
const MAX_SESSIONS = 256;

/**
 * The web host's credentials. Launch tokens are single-use and expire; each
 * one traded gives a new session secret, which is never the launch token and
 * is never put in a URL or a cookie. Every comparison is constant-time.
 */
export class WebCredentials {
  private readonly launchTokens = new Map<string, number>();
  private readonly sessions: string[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly launchTtlMs = LAUNCH_TOKEN_TTL_MS,
  ) {}

  /** A new single-use launch token, valid for launchTtlMs. */
  mintLaunchToken(): string {
    this.dropExpired();
    if (this.launchTokens.size >= MAX_LAUNCH_TOKENS) {
      // The oldest unused link stops working: links are for people, a few at a time.
      const oldest = this.launchTokens.keys().next().value;
      if (oldest !== undefined) this.launchTokens.delete(oldest);
    }
    const token = newSecret();
    this.launchTokens.set(token, this.now() + this.launchTtlMs);
    return token;
  }

  /** Trades a launch token (once) for a new session secret; undefined if it is unknown, used or expired. */
  trade(launchToken: string | undefined): string | undefined {
    this.dropExpired();
    let found: string | undefined;
    // Compare with every live token, constant-time each, so timing says nothing of which one is near.
    for (const token of this.launchTokens.keys()) {
      if (sameSecret(launchToken, token)) found = token;
    }
    if (found === undefined) return undefined;
    this.launchTokens.delete(found);
    const session = newSecret();
    this.sessions.push(session);
    if (this.sessions.length > MAX_SESSIONS) this.sessions.shift();
    return session;
  }

  hasSession(secret: string | undefined): boolean {
    let found = false;
    for (const session of this.sessions) {
      if (sameSecret(secret, session)) found = true;
    }
    return found;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, expires] of this.launchTokens) {
      if (expires <= now) this.launchTokens.delete(token);
    }
  }
}

/** Longest piece of a refused request's URL or Origin that is logged. */
export const MAX_LOGGED_URL = 200;
const cap = (text: string) => (text.length > MAX_LOGGED_URL ? `${text.slice(0, MAX_LOGGED_URL)}… (${text.length} characters)` : text);

/**
 * Logs refused requests, at most `perMinute` a minute: anyone who can reach
 * the port can send them, and they must neither stall the host nor rotate the
 * log away. What is dropped is counted and said with the next line logged.
 */
export class RefusalLog {
  private windowStart = -Infinity;
  private logged = 0;
  private dropped = 0;

  constructor(
    private readonly log: LogSink | undefined,
    private readonly now: () => number = Date.now,
    private readonly perMinute = 20,
  ) {}

  refused(req: IncomingMessage, refusal: Refusal): void {
    if (!this.log) return;
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.logged = 0;
    }
    if (this.logged >= this.perMinute) {
      this.dropped += 1;
      return;
    }
    this.logged += 1;
    const why = { session: 'no valid session', launch: 'an unknown, used or expired launch link', origin: 'a foreign Origin', host: 'a foreign Host' }[refusal];
    const more = this.dropped ? ` (${this.dropped} more refused requests before this one were not logged)` : '';
    this.dropped = 0;
    const origin = req.headers.origin === undefined ? 'none' : cap(String(req.headers.origin));
    this.log.warn(`Refused ${cap(req.method ?? 'GET')} ${cap(req.url ?? '/')} from ${req.socket?.remoteAddress ?? '?'}: ${why} (Origin: ${origin})${more}`);
  }
}
