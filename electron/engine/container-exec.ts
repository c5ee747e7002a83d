import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';

export type TerminalEvent =
  | { kind: 'ready'; session: string }
  | { kind: 'output'; data: string }
  | { kind: 'exit'; code: number | null };

interface Session {
  exec: Docker.Exec;
  stream: Duplex;
}

/**
 * Resizes an exec's TTY. Podman answers 201 Created where Docker answers
 * 200, which dockerode reports as an error: both mean it is done.
 */
async function resizeExec(exec: Docker.Exec, size: { cols: number; rows: number }): Promise<void> {
  try {
    await exec.resize({ h: size.rows, w: size.cols });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 201) throw error;
  }
}

/** How long a hang-up waits for the shell at most, at each step. */
const HANG_UP_STEP_MS = 1500;
/** Output that pauses this long means the shell is waiting for a key again. */
const QUIET_MS = 250;
const HANG_UP_ATTEMPTS = 3;

/** Resolves once the stream's output has paused for QUIET_MS (after `ms` at most, or at its close). */
function quiet(stream: Duplex, ms = HANG_UP_STEP_MS): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(pause);
      clearTimeout(limit);
      stream.off('data', restart).off('close', done);
      resolve();
    };
    const restart = () => {
      clearTimeout(pause);
      pause = setTimeout(done, QUIET_MS);
    };
    let pause = setTimeout(done, QUIET_MS);
    const limit = setTimeout(done, ms);
    stream.on('data', restart).on('close', done);
  });
}

/** Resolves at the stream's first output or close, or after `ms`. */
function firstOutput(stream: Duplex, ms = HANG_UP_STEP_MS): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(limit);
      stream.off('data', done).off('close', done);
      resolve();
    };
    const limit = setTimeout(done, ms);
    stream.on('data', done).on('close', done);
  });
}

/**
 * Docker has no call to end an exec, and closing its connection leaves the
 * shell running in the container for good. So closing the panel hangs up
 * the way a user would: once the shell has shown its prompt, Ctrl-C ends
 * what runs in the foreground and, once the shell is quiet again, Ctrl-D
 * ends the shell. A key sent while the shell switches its TTY back to line
 * editing is lost, hence the waits, and the retries until the engine says
 * the shell has ended. A program that ignores both keys, like an editor,
 * keeps running.
 */
async function hangUp(stream: Duplex, exec: Docker.Exec, shellPrinted: boolean): Promise<void> {
  stream.on('error', () => undefined); // the connection may break meanwhile: nobody is left to tell
  const shellRunning = () => exec.inspect().then((info) => info.Running, () => false);
  if (!shellPrinted) await firstOutput(stream);
  await quiet(stream);
  for (let attempt = 0; attempt < HANG_UP_ATTEMPTS && !stream.destroyed; attempt += 1) {
    stream.write('\x03');
    await firstOutput(stream);
    await quiet(stream);
    if (stream.destroyed) break;
    stream.write('\x04');
    await firstOutput(stream, QUIET_MS);
    if (!(await shellRunning())) break;
  }
  stream.destroy();
}

/**
 * Interactive shells inside containers. The output is a stream the panel
 * subscribes to; input and resizes are separate calls naming the session.
 * Closing the subscription ends the shell (see hangUp).
 */
export class TerminalSessions {
  private readonly sessions = new Map<string, Session>();

  async *open(docker: Docker, id: string, shell: string, size: { cols: number; rows: number }, signal?: AbortSignal): AsyncGenerator<TerminalEvent> {
    const exec = await docker.getContainer(id).exec({
      Cmd: [shell],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Env: ['TERM=xterm-256color'],
    });
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as Duplex;
    const session = randomUUID();
    this.sessions.set(session, { exec, stream });
    let printed = false;
    let shellEnded = false;
    let hungUp = false;
    const close = () => {
      if (hungUp || stream.destroyed) return;
      hungUp = true;
      void hangUp(stream, exec, printed || stream.readableLength > 0);
    };
    signal?.addEventListener('abort', close, { once: true });
    const decoder = new TextDecoder();
    try {
      await resizeExec(exec, size).catch(() => undefined);
      yield { kind: 'ready', session };
      // Leaving the loop must not destroy the stream: hangUp still writes to it.
      for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
        printed = true;
        yield { kind: 'output', data: decoder.decode(chunk as Buffer, { stream: true }) };
      }
      shellEnded = true;
      const info = await exec.inspect();
      yield { kind: 'exit', code: info.ExitCode };
    } catch (error) {
      if (!signal?.aborted) throw error;
    } finally {
      signal?.removeEventListener('abort', close);
      if (shellEnded) stream.destroy();
      else close();
      this.sessions.delete(session);
    }
  }

  write(session: string, data: string): void {
    this.get(session).stream.write(data);
  }

  async resize(session: string, size: { cols: number; rows: number }): Promise<void> {
    await resizeExec(this.get(session).exec, size);
  }

  private get(session: string): Session {
    const found = this.sessions.get(session);
    if (!found) throw new TerminalSessionGoneError();
    return found;
  }
}

export class TerminalSessionGoneError extends Error {
  constructor() {
    super('That terminal session has ended.');
    this.name = 'TerminalSessionGoneError';
  }
}
