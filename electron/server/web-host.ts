import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RPCHandler } from '@orpc/server/ws';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { LogSink } from '../desktop/app-log';
import type { EngineConnection } from '../engine/connection';
import type { CredentialStore } from '../settings/credential-store';
import type { SettingsStore } from '../settings/settings-store';
import { logFailedCalls } from './call-log';
import { router } from './router';
import { allowedAuthorities, checkRequest, TOKEN_COOKIE, type Refusal } from './web-auth';

export interface WebHostOptions {
  engine: EngineConnection;
  /** Persisted settings; without one they live in memory for this host. */
  settings?: SettingsStore;
  /** Registry logins (in memory: the web host has no keychain); without one, one per engine connection. */
  credentials?: CredentialStore;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Binding beyond loopback exposes root-equivalent access: opt-in only. */
  allowRemote?: boolean;
  /** The app's log: refused requests and failed calls go there (the token never does). */
  log?: LogSink;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // xterm.js draws the terminal with <style> elements for its theme and cell
  // size. Inline styles cannot run code; scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Serves the built renderer and binds the router over a WebSocket, so the
 * same UI runs in a normal browser. Everything requires the per-start token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host}: the web host gives full control of the Docker engine. ` +
        'Pass --allow-remote to do it anyway.',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const log = options.log;
  log?.addSecret(token);
  const serveStatic = sirv(options.staticDir, { single: true, dev: false, etag: true });
  const rpc = new RPCHandler(router, { clientInterceptors: log ? [logFailedCalls(log)] : [] });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let authorities = new Set<string>();
  const logRefusal = (req: http.IncomingMessage, refusal: Refusal) => {
    // The URL may carry a wrong token guess: the log redacts token= values.
    const why = refusal === 'token' ? 'no valid token' : `a foreign ${refusal === 'host' ? 'Host' : 'Origin'}`;
    log?.warn(`Refused ${req.method ?? 'GET'} ${req.url ?? '/'} from ${req.socket.remoteAddress ?? '?'}: ${why} (Origin: ${req.headers.origin ?? 'none'})`);
  };

  const server = http.createServer((req, res) => {
    const refusal = checkRequest(req, token, authorities);
    if (refusal) {
      logRefusal(req, refusal);
      res.writeHead(refusal === 'token' ? 401 : 403, { 'content-type': 'text/plain' });
      res.end(refusal === 'token' ? 'Unauthorized: open the URL with its token.\n' : 'Forbidden.\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.searchParams.has('token')) {
      // Trade the token in the URL for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(303, {
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    const port = (server.address() as AddressInfo).port;
    res.setHeader('content-security-policy', contentSecurityPolicy(port));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    serveStatic(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const refusal = path === '/rpc' ? checkRequest(req, token, authorities) : 'token';
    if (refusal) {
      logRefusal(req, refusal);
      socket.end(`HTTP/1.1 ${refusal === 'token' ? '401 Unauthorized' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A frame over maxPayload (or a broken one) is an 'error' on this socket, which
      // then closes; without a listener it would be thrown and take the host down.
      ws.on('error', (error) => log?.warn(`Closed a WebSocket: ${error.message}`));
      void rpc.upgrade(ws, { context: { engine: options.engine, settings: options.settings, credentials: options.credentials } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  authorities = allowedAuthorities(host.includes(':') ? `[${host}]` : host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
