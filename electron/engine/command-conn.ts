import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Duplex } from 'node:stream';

/** How much of the command's stderr is kept to explain a failure. */
const STDERR_LIMIT = 16 * 1024;

/** Turns the command's failure (its stderr and exit code) into the error the connection reports. */
export type FailureOf = (stderr: string, exitCode: number | null, sawOutput: boolean) => Error | undefined;

/**
 * A Duplex with what Node's HTTP client and its Agent call on sockets, doing
 * nothing: the shape CommandConn refines, and on its own a connection that
 * never started (destroy it with the reason).
 */
export class SocketShaped extends Duplex {
  /** Read by Node's HTTP client: "connected" from the start. */
  readonly connecting = false;
  readonly remoteAddress = undefined;
  readonly remotePort = undefined;

  override _read(): void {}

  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the socket's signature, for subclasses
  setTimeout(ms: number, onTimeout?: () => void): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  address(): Record<string, never> {
    return {};
  }
}

/**
 * A command's standard input and output as one connection, like the docker
 * CLI's commandconn: Node's HTTP client reads and writes it as it would a
 * socket, so it has what the client and its Agent call on sockets (timeouts,
 * keep-alive, ref/unref, destroy). Writing ends stdin (a half-close); the
 * command ending ends the reading side; destroying it stops the command.
 * Every failure becomes an 'error' on this stream, never a throw.
 */
export class CommandConn extends SocketShaped {
  private stderr = '';
  private sawOutput = false;
  private timeoutMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private exited = false;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly failureOf: FailureOf,
  ) {
    super({ allowHalfOpen: true });
    child.stdout.on('data', (chunk: Buffer) => {
      this.sawOutput = true;
      this.touch();
      if (!this.push(chunk)) child.stdout.pause();
    });
    // The end of output is told only once the command has exited: its exit code and stderr say whether it failed.
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < STDERR_LIMIT) this.stderr += chunk.toString('utf8').slice(0, STDERR_LIMIT - this.stderr.length);
    });
    // The command may exit while we write (EPIPE): its exit explains why.
    child.stdin.on('error', () => undefined);
    child.stdout.on('error', (error) => this.destroy(error));
    child.stderr.on('error', () => undefined);
    child.on('error', (error) => {
      this.exited = true;
      this.destroy(this.failureOf(String((error as NodeJS.ErrnoException).code ?? error.message), null, false) ?? error);
    });
    child.on('close', (code) => {
      this.exited = true;
      if (this.destroyed) return;
      const failure = code === 0 ? undefined : this.failureOf(this.stderr, code, this.sawOutput);
      if (failure) {
        this.destroy(failure);
        return;
      }
      // Normal end: let the reader take what is buffered; finishing the writing side lets the stream close.
      this.push(null);
      if (!this.writableEnded) this.end();
      if (this.readableEnded) this.destroy();
      else this.once('end', () => this.destroy());
    });
  }

  /** What the command wrote on stderr so far (bounded). */
  get errorOutput(): string {
    return this.stderr;
  }

  override _read(): void {
    this.child.stdout.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.touch();
    if (this.exited || !this.child.stdin.writable) {
      callback(Object.assign(new Error('The connection command has ended'), { code: 'EPIPE' }));
      return;
    }
    this.child.stdin.write(chunk, encoding, () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (!this.exited && this.child.stdin.writable) this.child.stdin.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    if (!this.exited) {
      this.child.stdin.destroy();
      this.child.stdout.destroy();
      this.child.kill();
    }
    callback(error);
  }

  override setTimeout(ms: number, onTimeout?: () => void): this {
    this.timeoutMs = ms;
    if (onTimeout) {
      if (ms === 0) this.off('timeout', onTimeout);
      else this.once('timeout', onTimeout);
    }
    this.touch();
    return this;
  }

  override ref(): this {
    this.child.ref();
    for (const pipe of this.pipes()) pipe.ref?.();
    return this;
  }

  override unref(): this {
    this.child.unref();
    for (const pipe of this.pipes()) pipe.unref?.();
    return this;
  }

  /** The command's pipes are sockets in Node, though typed as plain streams. */
  private pipes(): { ref?: () => void; unref?: () => void }[] {
    return [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as { ref?: () => void; unref?: () => void }[];
  }

  private touch(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.timeoutMs > 0 && !this.destroyed) {
      this.timer = setTimeout(() => this.emit('timeout'), this.timeoutMs);
      this.timer.unref?.();
    }
  }
}
