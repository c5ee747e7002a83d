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

/**
 * Interactive shells inside containers. The output is a stream the panel
 * subscribes to; input and resizes are separate calls naming the session.
 * Closing the subscription ends the shell.
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
    const stop = () => stream.destroy();
    signal?.addEventListener('abort', stop, { once: true });
    const decoder = new TextDecoder();
    try {
      await resizeExec(exec, size).catch(() => undefined);
      yield { kind: 'ready', session };
      for await (const chunk of stream) {
        yield { kind: 'output', data: decoder.decode(chunk as Buffer, { stream: true }) };
      }
      const info = await exec.inspect();
      yield { kind: 'exit', code: info.ExitCode };
    } catch (error) {
      if (!signal?.aborted) throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      stream.destroy();
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
