import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RPCHandler } from '@orpc/server/ws';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { LogSink } from '../logging/app-log';
import type { EngineConnection } from '../engine/connection';
import type { CredentialStore } from '../settings/credential-store';
import type { SettingsStore } from '../settings/settings-store';
import { logFailedCalls } from '../logging/call-log';
import { router } from '../server/router';
import { launchUrl, RPC_PATH, RPC_PROTOCOL, SESSION_HEADER, SESSION_PATH } from '../api/web-session';
import { allowedAuthorities, checkOrigin, RefusalLog, sessionFromProtocols, WebCredentials, type Refusal } from './web-auth';

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
  /** The app's log: refused requests and failed calls go there (no launch token or session secret ever does). */
  log?: LogSink;
  /** The clock for launch-link expiry (tests). */
  now?: () => number;
}

export interface WebHost {
  /** http://127.0.0.1:PORT: no credential in it. */
  origin: string;
  port: number;
  /**
   * Mints a new launch URL (`origin/#token=…`): it signs one browser tab in,
   * once, within two minutes (LAUNCH_TOKEN_TTL_MS). Call it for every tab.
   */
  launchUrl(): string;
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

/** A sign-in body is one small JSON object. */
const MAX_SESSION_BODY = 1024;

function readBody(req: http.IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) {
        resolve(undefined);
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(undefined));
  });
}

/**
 * Serves the built renderer and binds the router over a WebSocket, so the
 * same UI runs in a normal browser. How a tab signs in: electron/api/web-session.ts.
 *
 * The static files (index.html, scripts, styles) are served without a
 * session: the launch token is in the URL's fragment, which never reaches the
 * server, so the page must load before it can trade it. They hold no secret:
 * the bundle is the same for everyone and every credential is made at run time
 * (the e2e journey checks that the served page holds neither). Everything that
 * acts (the WebSocket on /rpc) needs a session secret, sent as a subprotocol,
 * never as a cookie, so no other port of 127.0.0.1 ever receives it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.allowRemote) {
    throw new Error(
      `Refusing to listen on ${host}: the web host gives full control of the Docker engine. ` +
        'Pass --allow-remote to do it anyway.',
    );
  }
  const credentials = new WebCredentials(options.now);
  const log = options.log;
  const serveStatic = sirv(options.staticDir, { single: true, dev: false, etag: true });
  const rpc = new RPCHandler(router, { clientInterceptors: log ? [logFailedCalls(log)] : [] });
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    // The session protocol is never echoed back: the host selects the plain one.
    handleProtocols: (protocols) => (protocols.has(RPC_PROTOCOL) ? RPC_PROTOCOL : false),
  });
  let authorities = new Set<string>();
  const refusals = new RefusalLog(log);
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal) => {
    refusals.refused(req, refusal);
    const status = refusal === 'host' || refusal === 'origin' ? 403 : 401;
    res.writeHead(status, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    res.end(status === 403 ? 'Forbidden.\n' : 'Unauthorized: open a new link from the terminal where Cais runs.\n');
  };

  /** POST /session {"launch": "…"}: a launch token, once, for a new session secret. */
  const signIn = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const refusal = checkOrigin(req, authorities, true);
    if (refusal) return refuse(req, res, refusal);
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(req, res, 'launch');
    const body = await readBody(req, MAX_SESSION_BODY);
    let launch: unknown;
    try {
      launch = (JSON.parse(body ?? '') as { launch?: unknown }).launch;
    } catch {
      launch = undefined;
    }
    const session = credentials.trade(typeof launch === 'string' ? launch : undefined);
    if (!session) return refuse(req, res, 'launch');
    log?.addSecret(session);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ session }));
  };

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (path === SESSION_PATH && req.method === 'POST') {
      void signIn(req, res);
      return;
    }
    const refusal = checkOrigin(req, authorities);
    if (refusal) return refuse(req, res, refusal);
    if (path === SESSION_PATH) {
      // GET /session: does this tab's session still stand (after a restart of the host it does not)?
      const given = req.headers[SESSION_HEADER];
      if (!credentials.hasSession(typeof given === 'string' ? given : undefined)) return refuse(req, res, 'session');
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
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
    let refusal = path === RPC_PATH ? checkOrigin(req, authorities) : 'session';
    if (!refusal && !credentials.hasSession(sessionFromProtocols(req.headers['sec-websocket-protocol']))) refusal = 'session';
    if (refusal) {
      refusals.refused(req, refusal);
      socket.end(`HTTP/1.1 ${refusal === 'session' ? '401 Unauthorized' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`);
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

  const origin = `http://${shownHost}:${port}`;

  return {
    origin,
    port,
    launchUrl: () => {
      const token = credentials.mintLaunchToken();
      log?.addSecret(token);
      return launchUrl(origin, token);
    },
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
