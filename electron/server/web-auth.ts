import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'cais_token';

export type Refusal = 'token' | 'origin' | 'host';

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Names the allowed Host/Origin authorities for a host bound to a port. */
export function allowedAuthorities(bindHost: string, port: number): Set<string> {
  return new Set([`${bindHost}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * Decides whether a request may pass: the token (query or cookie) must match,
 * the Host header must name this server (against DNS rebinding), and an
 * Origin, when sent, must be this server's own.
 */
export function checkRequest(req: IncomingMessage, token: string, authorities: Set<string>): Refusal | undefined {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const host = req.headers.host ?? '';
  if (!authorities.has(host)) return 'host';
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let authority: string;
    try {
      const parsed = new URL(origin);
      authority = parsed.protocol === 'http:' ? parsed.host : '';
    } catch {
      authority = '';
    }
    if (!authorities.has(authority)) return 'origin';
  }
  const given = url.searchParams.get('token') || cookieValue(req.headers.cookie, TOKEN_COOKIE);
  if (!sameSecret(given, token)) return 'token';
  return undefined;
}
