import { createGzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import type { ScanEvent, TransferChunk, VolumeEntry } from '../api/volumes-schemas';
import { CodedError } from './coded-error';
import { base64Chunks, entryType, relativeEntryPath, walkTar } from './tar-entries';
import { createHelper, HELPER_MOUNT, withHelper } from './volume-helper';
import { requireVolume } from './volumes';

export const SCAN_ENTRY_LIMIT = 100_000;
const ENTRIES_PER_EVENT = 1000;
const PROGRESS_EVERY_MS = 200;
export const DOWNLOAD_CHUNK_BYTES = 512 * 1024;
export const TEXT_VIEW_LIMIT = 1024 * 1024;

function inVolume(path: string): string {
  return path ? `${HELPER_MOUNT}/${path}` : HELPER_MOUNT;
}

export async function getArchive(helper: Docker.Container, path: string): Promise<Readable> {
  return (await helper.getArchive({ path })) as unknown as Readable;
}

/**
 * Walks the whole volume through the archive API of a never-started helper:
 * the file tree with sizes, modes and owners, and the total size. Progress as
 * it goes; stopping the iteration (cancel) closes the engine stream at once.
 */
export async function* scanVolume(docker: Docker, name: string, options: { entries: boolean }): AsyncGenerator<ScanEvent> {
  await requireVolume(docker, name);
  const helper = await createHelper(docker, [{ volume: name, target: HELPER_MOUNT, readOnly: true }]);
  let source: Readable | undefined;
  try {
    source = await getArchive(helper, `${HELPER_MOUNT}/.`);
    const extract = tar.extract();
    const stream = source;
    stream.on('error', (error) => extract.destroy(error));
    stream.pipe(extract as unknown as NodeJS.WritableStream);
    let files = 0;
    let bytes = 0;
    let kept = 0;
    let batch: VolumeEntry[] = [];
    let lastProgress = Date.now();
    for await (const entry of extract) {
      const header = entry.header;
      entry.resume();
      const path = relativeEntryPath(header.name, '');
      if (path === '') continue;
      const type = entryType(header.type);
      files += 1;
      bytes += type === 'file' ? (header.size ?? 0) : 0;
      if (options.entries && kept < SCAN_ENTRY_LIMIT) {
        kept += 1;
        batch.push({
          path,
          type,
          size: header.size ?? 0,
          mode: (header.mode ?? 0) & 0o7777,
          uid: header.uid ?? 0,
          gid: header.gid ?? 0,
          mtime: header.mtime ? header.mtime.getTime() : 0,
          ...(type === 'symlink' ? { linkTarget: header.linkname ?? '' } : {}),
        });
        if (batch.length >= ENTRIES_PER_EVENT) {
          yield { type: 'entries', entries: batch };
          batch = [];
        }
      }
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        yield { type: 'progress', files, bytes };
      }
    }
    if (batch.length > 0) yield { type: 'entries', entries: batch };
    yield { type: 'done', files, bytes, truncated: options.entries && files > kept };
  } finally {
    source?.destroy();
    await helper.remove({ force: true }).catch(() => undefined);
  }
}

/** The start of a file as text (up to 1 MiB); refuses binary content. */
export async function readTextFile(docker: Docker, name: string, path: string): Promise<{ text: string; truncated: boolean; size: number }> {
  await requireVolume(docker, name);
  return withHelper(
    docker,
    name,
    async (helper) => {
      let result: { text: string; truncated: boolean; size: number } | undefined;
      const source = await getArchive(helper, inVolume(path));
      await walkTar(source, async (header, body) => {
        if (result) return;
        if (entryType(header.type) !== 'file') throw new CodedError('NOT_A_FILE', `${path} is not a regular file.`);
        const chunks: Buffer[] = [];
        let length = 0;
        for await (const chunk of body) {
          if (length < TEXT_VIEW_LIMIT) chunks.push(chunk);
          length += chunk.length;
        }
        const content = Buffer.concat(chunks).subarray(0, TEXT_VIEW_LIMIT);
        if (content.includes(0)) throw new CodedError('BINARY_FILE', `${path} is not a text file.`);
        result = { text: content.toString('utf8'), truncated: (header.size ?? length) > TEXT_VIEW_LIMIT, size: header.size ?? length };
      });
      if (!result) throw new CodedError('NOT_A_FILE', `${path} is not a regular file.`);
      return result;
    },
    { readOnly: true },
  );
}

/** The engine's stat of a path (X-Docker-Container-Path-Stat): is it a folder? */
export async function statPath(helper: Docker.Container, path: string): Promise<{ isDirectory: boolean; size: number }> {
  const response = (await helper.infoArchive({ path })) as unknown as { headers: Record<string, string>; resume?: () => void };
  response.resume?.();
  const raw = response.headers['x-docker-container-path-stat'];
  const stat = JSON.parse(Buffer.from(raw ?? 'e30=', 'base64').toString('utf8')) as { mode?: number; size?: number };
  // Go's os.ModeDir is the top bit of a uint32.
  return { isDirectory: Math.floor((stat.mode ?? 0) / 2 ** 31) % 2 === 1, size: stat.size ?? 0 };
}

/**
 * A file's bytes, or a folder as .tar.gz, as base64 chunks small enough for
 * either transport. The helper goes away when the iteration ends or is cancelled.
 */
export async function* downloadPath(docker: Docker, name: string, path: string): AsyncGenerator<TransferChunk> {
  await requireVolume(docker, name);
  const helper = await createHelper(docker, [{ volume: name, target: HELPER_MOUNT, readOnly: true }]);
  let source: Readable | undefined;
  try {
    const { isDirectory } = path ? await statPath(helper, inVolume(path)) : { isDirectory: true };
    const base = path.split('/').pop() || name;
    source = await getArchive(helper, path ? inVolume(path) : `${HELPER_MOUNT}/.`);
    let bytes = 0;
    let body: AsyncIterable<Buffer>;
    if (isDirectory) {
      // A folder: the engine's own tar, gzipped on the way.
      yield { type: 'start', fileName: `${base}.tar.gz`, mime: 'application/gzip' };
      const gzip = createGzip();
      source.on('error', (error) => gzip.destroy(error));
      body = source.pipe(gzip);
    } else {
      yield { type: 'start', fileName: base, mime: 'application/octet-stream' };
      body = fileBody(source);
    }
    for await (const chunk of base64Chunks(body, DOWNLOAD_CHUNK_BYTES)) {
      bytes += Buffer.byteLength(chunk, 'base64');
      yield { type: 'chunk', data: chunk };
    }
    yield { type: 'done', bytes };
  } finally {
    source?.destroy();
    await helper.remove({ force: true }).catch(() => undefined);
  }
}

/** The body of the single file in a tar stream. */
async function* fileBody(source: Readable): AsyncGenerator<Buffer> {
  const extract = tar.extract();
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    if (entryType(entry.header.type) === 'file') {
      for await (const chunk of entry as AsyncIterable<Buffer>) yield chunk;
      return;
    }
    entry.resume();
  }
}

/** Writes one file (from a local temp file) into a folder of the volume. */
export async function uploadFile(
  docker: Docker,
  name: string,
  dir: string,
  fileName: string,
  content: Readable,
  size: number,
): Promise<void> {
  await requireVolume(docker, name);
  await withHelper(docker, name, async (helper) => {
    const pack = tar.pack();
    const done = new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name: fileName, size, mode: 0o644, mtime: new Date() }, (error) => (error ? reject(error) : resolve()));
      content.on('error', reject);
      content.pipe(entry as unknown as NodeJS.WritableStream);
    });
    const put = helper.putArchive(pack as unknown as NodeJS.ReadableStream, { path: inVolume(dir), noOverwriteDirNonDir: true } as never);
    await done;
    pack.finalize();
    await put;
  });
}
