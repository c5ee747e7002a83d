import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodedError } from './coded-error';

interface Upload {
  file: string;
  size: number;
  received: number;
  touched: number;
}

const IDLE_MS = 30 * 60_000;
export const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;

/**
 * Files sent from the window in chunks (a browser cannot hand us a path),
 * kept in a private temporary folder until a call uses them.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private dir: string | undefined;

  private folder(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cais-uploads-'));
    return this.dir;
  }

  begin(size: number): string {
    this.expire();
    if (size < 0 || size > MAX_UPLOAD_BYTES) throw new CodedError('BAD_REQUEST', `An upload of ${size} bytes is not accepted.`, undefined, 400);
    const id = randomBytes(16).toString('hex');
    const file = path.join(this.folder(), id);
    fs.writeFileSync(file, '', { mode: 0o600 });
    this.uploads.set(id, { file, size, received: 0, touched: Date.now() });
    return id;
  }

  async append(id: string, offset: number, data: Buffer): Promise<number> {
    const upload = this.get(id);
    if (offset !== upload.received) throw new CodedError('BAD_REQUEST', `Expected offset ${upload.received}, got ${offset}.`, undefined, 400);
    if (upload.received + data.length > upload.size) throw new CodedError('BAD_REQUEST', 'More bytes than announced.', undefined, 400);
    try {
      await fs.promises.appendFile(upload.file, data);
    } catch (error) {
      this.release(id);
      if ((error as { code?: string }).code === 'ENOSPC') throw new CodedError('DISK_FULL', (error as Error).message);
      throw error;
    }
    upload.received += data.length;
    upload.touched = Date.now();
    return upload.received;
  }

  /** The complete file of an upload; the caller releases it when done. */
  complete(id: string): { file: string; size: number } {
    const upload = this.get(id);
    if (upload.received !== upload.size) throw new CodedError('BAD_REQUEST', `The upload is incomplete (${upload.received} of ${upload.size} bytes).`, undefined, 400);
    return { file: upload.file, size: upload.size };
  }

  release(id: string): void {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (upload) fs.rmSync(upload.file, { force: true });
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw new CodedError('NOT_FOUND', 'That upload is no longer known.', undefined, 404);
    return upload;
  }

  private expire(): void {
    for (const [id, upload] of this.uploads) if (Date.now() - upload.touched > IDLE_MS) this.release(id);
  }
}

export const uploads = new UploadStore();
