/**
 * The raw Engine API, without dockerode or Cais: what the benchmark parts
 * measure Cais against.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { LineSplitter } from '../../electron/engine/line-splitter';

const EVENT_TIMEOUT_MS = 10_000;
const rawAgent = new http.Agent({ keepAlive: true });

/** Where node:http reaches the engine named by DOCKER_HOST. */
export function engineTarget(): http.RequestOptions {
  const host = process.env.DOCKER_HOST ?? '';
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { host: url.hostname, port: Number(url.port) };
  }
  throw new Error('DOCKER_HOST is not set to unix:// or tcp://: run with `npm run bench`.');
}

/** One raw Engine API call over a keep-alive agent; resolves with the body text. */
export function rawRequest(method: string, apiPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ ...engineTarget(), agent: rawAgent, method, path: apiPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        (response.statusCode ?? 500) < 400 ? resolve(body) : reject(new Error(`${method} ${apiPath}: ${response.statusCode} ${body}`)),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** Closes the keep-alive connections rawRequest opened (push it onto a part's cleanups). */
export function closeRawAgent(): void {
  rawAgent.destroy();
}

/** Remembers who waits for which event, and when each one arrived. */
export class EventWatch {
  private readonly waiters = new Map<string, (at: number) => void>();

  seen(action: string, id: string): void {
    const at = performance.now();
    const key = `${action}:${id}`;
    this.waiters.get(key)?.(at);
    this.waiters.delete(key);
  }

  /** Resolves with the arrival time of the next `action` for `id`. */
  next(action: string, id: string, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: no '${action}' event for ${id.slice(0, 12)}`)), EVENT_TIMEOUT_MS);
      this.waiters.set(`${action}:${id}`, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/** Subscribes to the raw /events stream for containers; resolves once the engine answered. Destroy the request to stop. */
export function watchRawEvents(watch: EventWatch): Promise<http.ClientRequest> {
  const filters = encodeURIComponent(JSON.stringify({ type: ['container'] }));
  return new Promise((resolve, reject) => {
    const request = http.get({ ...engineTarget(), agent: false, path: `/events?filters=${filters}` }, (response) => {
      const splitter = new LineSplitter();
      response.on('data', (chunk: Buffer) => {
        for (const line of splitter.push(chunk)) {
          const event = JSON.parse(line) as { Action: string; Actor?: { ID?: string }; id?: string };
          watch.seen(event.Action, event.Actor?.ID ?? event.id ?? '');
        }
      });
      response.on('error', () => undefined); // ends when the part destroys the request
      resolve(request);
    });
    request.on('error', reject);
  });
}
