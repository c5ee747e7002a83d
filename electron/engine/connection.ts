import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { ConnectionState, EngineEvent, HostKeyOffer } from '../api/schemas';
import { negotiateApiVersion } from './api-version';
import { CodedError } from './coded-error';
import { answerWithin, dockerWith, engineTransport, type EngineTransport } from './engine-client';
import { resolveEndpoint, type HostFacts, type ResolvedEndpoint } from './endpoint';
import { unsupportedFeatures } from './engine-capabilities';
import { checkVersion, hostKeyOfferFor, productOf } from './engine-probe';
import { diagnoseTrouble } from './engine-trouble';
import { classifyConnectionError, errorText } from './errors';
import { realHostFacts } from './host-facts';
import { LineSplitter } from './line-splitter';
import { watchSocketRemoval } from './socket-watch';
import { trustHostKey } from './ssh-host-keys';

const PROBE_TIMEOUT_MS = 3000;
/** Short steps: a local engine that comes back should be seen at once. */
const BACKOFF_MS = [250, 500, 1000, 2000];
const SETUP_RETRY_MS = 15_000;

export class EngineOfflineError extends Error {
  constructor() {
    super('The Docker engine is not connected.');
    this.name = 'EngineOfflineError';
  }
}

interface EngineConnectionEvents {
  state: [ConnectionState];
  event: [EngineEvent];
}

function platformOf(os: string | undefined): 'linux' | 'darwin' | 'win32' | 'other' {
  const value = (os ?? process.platform).toLowerCase();
  if (value === 'linux' || value === 'darwin' || value === 'win32') return value;
  if (value === 'windows') return 'win32';
  return 'other';
}

/**
 * One live connection to the engine: discovers the endpoint, negotiates the
 * API version, keeps a single events stream open and reconnects with backoff,
 * resuming the stream from the last event seen.
 */
export class EngineConnection extends EventEmitter<EngineConnectionEvents> {
  private current: ConnectionState = { status: 'connecting', endpoint: null };
  private docker: Docker | undefined;
  private eventsStream: Readable | undefined;
  private lastEventNanos: bigint | undefined;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private connecting: Promise<void> | undefined;
  /** An engine chosen by the user; undefined: discover it like the docker CLI. */
  private override: ResolvedEndpoint | undefined;
  /** Bumped on every switch, so an attempt still under way for the old engine is dropped. */
  private generation = 0;
  /** How the current engine is reached (for ssh://, a pool of ssh processes); closed on every switch. */
  private transport: EngineTransport | undefined;
  /** The engine of the last attempt, for trusting its ssh host key. */
  private lastResolved: ResolvedEndpoint | undefined;

  constructor(readonly facts: HostFacts = realHostFacts()) {
    super();
    this.setMaxListeners(0);
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** The API client pinned to the negotiated version; throws when offline. */
  client(): Docker {
    if (!this.docker || this.current.status !== 'connected') throw new EngineOfflineError();
    return this.docker;
  }

  start(): Promise<void> {
    return this.connectNow();
  }

  /** Connects at once, skipping whatever is left of the backoff wait. */
  connectNow(): Promise<void> {
    if (this.closed) return Promise.resolve();
    clearTimeout(this.retryTimer);
    if (this.connecting) return this.connecting;
    const attempt: Promise<void> = this.connect().finally(() => {
      // A switch may have started a newer attempt meanwhile: leave that one be.
      if (this.connecting === attempt) this.connecting = undefined;
    });
    this.connecting = attempt;
    return attempt;
  }

  /**
   * Switches to another engine at run time (undefined: back to discovery).
   * Closes the events stream of the old one, forgets its event cursor and
   * connects to the new one at once; state events tell the renderer.
   */
  useEndpoint(override: ResolvedEndpoint | undefined): Promise<void> {
    this.override = override;
    this.generation += 1;
    clearTimeout(this.retryTimer);
    this.dropEvents();
    this.dropTransport();
    this.docker = undefined;
    this.lastEventNanos = undefined;
    this.attempt = 0;
    this.connecting = undefined;
    if (this.closed) return Promise.resolve();
    this.setState({ status: 'connecting', endpoint: override?.endpoint ?? null });
    return this.connectNow();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.dropEvents();
    this.dropTransport();
    this.docker = undefined;
    this.removeAllListeners();
  }

  /**
   * Trusts the ssh host key of the engine in use, which the user was shown
   * (only if the server still shows that key), then connects at once.
   */
  async trustHostKey(fingerprint: string): Promise<void> {
    const ssh = this.lastResolved?.ssh;
    if (!ssh) throw new CodedError('HOST_KEY_UNREADABLE', 'The engine in use is not reached over ssh.', { host: '' });
    await trustHostKey(ssh, this.facts.env, this.facts.env.HOME || this.facts.home, fingerprint);
    this.attempt = 0;
    await this.connectNow();
  }

  private dropTransport(): void {
    const transport = this.transport;
    this.transport = undefined;
    transport?.close();
  }

  private setState(state: ConnectionState): void {
    this.current = state;
    this.emit('state', state);
  }

  private async connect(): Promise<void> {
    const generation = this.generation;
    let resolved: ResolvedEndpoint;
    try {
      resolved = this.override ?? resolveEndpoint(this.facts);
    } catch (error) {
      this.fail(null, error);
      return;
    }
    this.lastResolved = resolved;
    if (this.current.status !== 'offline') this.setState({ status: 'connecting', endpoint: resolved.endpoint });
    let transport: EngineTransport | undefined;
    try {
      // A new transport per attempt; the one before stays for the streams still reading through it.
      transport = engineTransport(resolved, this.facts.env);
      const firstAnswerMs = transport.firstAnswerMs(PROBE_TIMEOUT_MS);
      const probe = await dockerWith(transport, { timeout: firstAnswerMs });
      const version = checkVersion(await answerWithin(probe.version(), firstAnswerMs));
      const apiVersion = negotiateApiVersion(version.ApiVersion);
      const docker = await dockerWith(transport, { version: `v${apiVersion}` });
      await answerWithin(this.openEvents(docker, generation), firstAnswerMs);
      if (this.closed || generation !== this.generation) {
        transport.close();
        return;
      }
      this.docker = docker;
      this.transport = transport;
      this.attempt = 0;
      const product = productOf(version);
      this.setState({
        status: 'connected',
        endpoint: resolved.endpoint,
        engineVersion: version.Version,
        apiVersion,
        os: version.Os,
        product,
        unsupported: unsupportedFeatures(product, version.Version),
        platform: platformOf(this.facts.platform),
      });
    } catch (error) {
      transport?.close();
      if (generation !== this.generation) return;
      const hostKey = await hostKeyOfferFor(resolved, classifyConnectionError(error), this.facts.env);
      if (generation === this.generation) this.fail(resolved.endpoint, error, hostKey);
    }
  }

  private fail(endpoint: ResolvedEndpoint['endpoint'] | null, error: unknown, hostKey?: HostKeyOffer): void {
    if (this.closed) return;
    this.docker = undefined;
    this.dropEvents();
    const reason = classifyConnectionError(error);
    const trouble = diagnoseTrouble(reason, endpoint, this.facts);
    // What the user must set up (a key, a certificate) does not fix itself: ask less often.
    const delay = trouble === 'remote-setup' ? SETUP_RETRY_MS : BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.setState({
      status: 'offline',
      endpoint,
      reason,
      trouble,
      detail: errorText(error),
      platform: platformOf(this.facts.platform),
      nextRetryMs: delay,
      ...(hostKey ? { hostKey } : {}),
    });
    this.retryTimer = setTimeout(() => void this.connectNow(), delay);
  }

  private async openEvents(docker: Docker, generation: number): Promise<void> {
    this.dropEvents();
    const since = this.lastEventNanos === undefined ? undefined : nanosToSince(this.lastEventNanos);
    // The engine takes fractional seconds; the typings only admit a number.
    const options = since ? { since: since as unknown as number } : {};
    const stream = (await docker.getEvents(options)) as unknown as Readable;
    if (generation !== this.generation || this.closed) {
      stream.destroy(); // the user switched engines while this one was answering
      return;
    }
    this.dropEvents();
    this.eventsStream = stream;
    // A stopping engine drops its socket at once but may hold this stream open for seconds: end it then.
    const socketPath = (docker.modem as { socketPath?: string } | undefined)?.socketPath;
    if (socketPath) stream.once('close', watchSocketRemoval(socketPath, () => stream.destroy()));
    const splitter = new LineSplitter();
    stream.on('data', (chunk: Buffer) => {
      for (const line of splitter.push(chunk)) this.handleEventLine(line);
    });
    const lost = () => {
      if (this.eventsStream !== stream || this.closed) return;
      this.eventsStream = undefined;
      this.docker = undefined;
      this.setState({ status: 'connecting', endpoint: this.current.endpoint });
      this.attempt = 0;
      void this.connectNow();
    };
    stream.on('end', lost);
    stream.on('close', lost);
    stream.on('error', lost);
  }

  private dropEvents(): void {
    const stream = this.eventsStream;
    this.eventsStream = undefined;
    stream?.destroy();
  }

  private handleEventLine(line: string): void {
    let raw: { Type?: string; Action?: string; Actor?: { ID?: string }; id?: string; timeNano?: number; time?: number };
    try {
      raw = JSON.parse(line);
    } catch {
      return;
    }
    const nanos = eventNanos(line, raw);
    if (this.lastEventNanos === undefined || nanos > this.lastEventNanos) this.lastEventNanos = nanos;
    this.emit('event', {
      type: raw.Type ?? 'unknown',
      action: raw.Action ?? 'unknown',
      id: raw.Actor?.ID ?? raw.id ?? '',
      time: Number(nanos / 1_000_000n),
    });
  }
}

/**
 * An event's time in nanoseconds, exactly. `timeNano` (about 1.7e18) is far
 * above 2^53, so JSON.parse has already rounded it (by up to 256 ns): it is
 * read from the line's own digits instead. A `"timeNano":` followed by digits
 * can only be the event's own key (a label of that name has a string value).
 */
export function eventNanos(line: string, raw: { timeNano?: number; time?: number }): bigint {
  const digits = /"timeNano"\s*:\s*(\d+)/.exec(line)?.[1];
  if (digits) return BigInt(digits);
  if (typeof raw.timeNano === 'number' && Number.isFinite(raw.timeNano)) return BigInt(Math.trunc(raw.timeNano));
  return BigInt(Math.trunc(typeof raw.time === 'number' && Number.isFinite(raw.time) ? raw.time : 0)) * 1_000_000_000n;
}

/** `since` takes seconds with a fractional part; start just after the last event. */
export function nanosToSince(nanos: bigint): string {
  const next = nanos + 1n;
  const seconds = next / 1_000_000_000n;
  const fraction = (next % 1_000_000_000n).toString().padStart(9, '0');
  return `${seconds}.${fraction}`;
}
