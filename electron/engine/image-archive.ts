import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { LineSplitter } from './line-splitter';

/** `docker save REF`: the engine's tar stream. */
export async function saveImage(docker: Docker, reference: string): Promise<Readable> {
  return (await docker.getImage(reference).get()) as unknown as Readable;
}

export class LoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

/** `docker load < FILE`: returns what the engine loaded ("name:tag" or an image id). */
export async function loadImage(docker: Docker, file: string): Promise<string[]> {
  const stream = (await docker.loadImage(fs.createReadStream(file), { quiet: true })) as unknown as Readable;
  const splitter = new LineSplitter();
  const loaded: string[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const line of splitter.push(chunk)) {
      let parsed: { stream?: string; error?: string; errorDetail?: { message?: string } };
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (parsed.error || parsed.errorDetail) throw new LoadError(parsed.errorDetail?.message ?? parsed.error ?? 'load failed');
      const match = /Loaded image(?: ID)?: (\S+)/.exec(parsed.stream ?? '');
      if (match) loaded.push(match[1]);
    }
  }
  return loaded;
}

interface Upload {
  dir: string;
  file: string;
  size: number;
  received: number;
  /** A chunk is being written: another one now would race it. */
  writing: boolean;
  timer: NodeJS.Timeout;
}

const IDLE_MS = 10 * 60_000;
const uploads = new Map<string, Upload>();

function drop(id: string): void {
  const upload = uploads.get(id);
  if (!upload) return;
  uploads.delete(id);
  clearTimeout(upload.timer);
  fs.rmSync(upload.dir, { recursive: true, force: true });
}

/**
 * A tar sent in chunks (each one WebSocket frame) into a private temp
 * folder, then handed to the engine. Forgotten uploads go after 10 minutes.
 */
export const loadUploads = {
  start(size: number): string {
    const id = randomBytes(16).toString('hex');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-load-'));
    uploads.set(id, { dir, file: path.join(dir, 'image.tar'), size, received: 0, writing: false, timer: setTimeout(() => drop(id), IDLE_MS) });
    return id;
  },
  /**
   * Appends the chunk that starts at `offset`, which must be where the file
   * ends now (as volume uploads check it): a repeated, skipped or concurrent
   * chunk is refused instead of silently corrupting the archive.
   */
  async append(id: string, offset: number, data: Buffer): Promise<number> {
    const upload = uploads.get(id);
    if (!upload) throw new LoadError('No such upload (it may have expired).');
    if (upload.writing || offset !== upload.received) throw new LoadError(`Expected the chunk at offset ${upload.received}, got ${offset}.`);
    if (upload.received + data.length > upload.size) {
      drop(id);
      throw new LoadError('The upload is larger than announced.');
    }
    upload.writing = true;
    try {
      await fs.promises.appendFile(upload.file, data);
    } finally {
      upload.writing = false;
    }
    upload.received += data.length;
    upload.timer.refresh();
    return upload.received;
  },
  async finish(docker: Docker, id: string): Promise<string[]> {
    const upload = uploads.get(id);
    if (!upload) throw new LoadError('No such upload (it may have expired).');
    try {
      if (upload.received !== upload.size) throw new LoadError(`Only ${upload.received} of ${upload.size} bytes arrived.`);
      return await loadImage(docker, upload.file);
    } finally {
      drop(id);
    }
  },
  cancel: drop,
};
