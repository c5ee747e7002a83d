import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { FrameDecoder, type StreamName } from './frame-decoder';
import { LineSplitter } from './line-splitter';

export interface LogLine {
  stream: StreamName;
  text: string;
}

export interface LogOptions {
  tail: number | 'all';
  timestamps: boolean;
  follow: boolean;
}

/** Cuts one engine chunk into whole lines, per stream, for TTY or multiplexed output. */
export class LogLineReader {
  private readonly decoder: FrameDecoder | undefined;
  private readonly splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };

  constructor(tty: boolean) {
    this.decoder = tty ? undefined : new FrameDecoder();
  }

  push(chunk: Buffer): LogLine[] {
    const frames = this.decoder ? this.decoder.push(chunk) : [{ stream: 'stdout' as const, payload: chunk }];
    const lines: LogLine[] = [];
    for (const frame of frames) {
      for (const text of this.splitters[frame.stream].push(frame.payload)) lines.push({ stream: frame.stream, text });
    }
    return lines;
  }
}

/**
 * Streams a container's log as batches of lines until the caller aborts (the
 * panel closed) or, when not following, the log ends.
 */
export async function* streamLogs(docker: Docker, id: string, options: LogOptions, signal?: AbortSignal): AsyncGenerator<LogLine[]> {
  const container = docker.getContainer(id);
  const info = await container.inspect();
  const reader = new LogLineReader(info.Config.Tty);
  // The engine takes tail=all; the typings admit only numbers.
  const tail = (options.tail === 'all' ? 'all' : options.tail) as number;
  const request = { stdout: true, stderr: true, timestamps: options.timestamps, tail };
  if (!options.follow) {
    const buffer = (await container.logs({ ...request, follow: false })) as unknown as Buffer;
    yield reader.push(Buffer.concat([buffer, Buffer.from('\n')]));
    return;
  }
  const stream = (await container.logs({ ...request, follow: true })) as unknown as Readable;
  const stop = () => stream.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of stream) {
      const lines = reader.push(chunk as Buffer);
      if (lines.length) yield lines;
    }
  } catch (error) {
    if (!signal?.aborted) throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    stream.destroy();
  }
}
