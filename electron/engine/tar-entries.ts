import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { VolumeEntry } from '../api/volumes-schemas';

/** "./a/b/" or "data/a/b" → "a/b" relative to the archive root ("" for the root itself). */
export function relativeEntryPath(name: string, rootPrefix: string): string {
  let path = name.replace(/^\.\//, '').replace(/\/+$/, '');
  if (path === '.') path = '';
  if (rootPrefix) {
    if (path === rootPrefix) return '';
    if (path.startsWith(`${rootPrefix}/`)) path = path.slice(rootPrefix.length + 1);
  }
  return path;
}

export function entryType(type: tar.Header['type'] | string | undefined | null): VolumeEntry['type'] {
  if (type === 'file' || type === 'contiguous-file' || type === 'link') return 'file';
  if (type === 'directory') return 'directory';
  if (type === 'symlink') return 'symlink';
  return 'other';
}

/** Reads a tar stream entry by entry; `onEntry` may consume the body, else it is drained. */
export async function walkTar(
  source: Readable,
  onEntry: (header: tar.Header, body: AsyncIterable<Buffer>) => Promise<void> | void,
): Promise<void> {
  const extract = tar.extract();
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract as unknown as NodeJS.WritableStream);
  for await (const entry of extract) {
    await onEntry(entry.header, entry as AsyncIterable<Buffer>);
    entry.resume();
  }
}

/** Splits a byte stream into base64 chunks of at most `size` bytes each. */
export async function* base64Chunks(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let chunk = piece;
    while (length + chunk.length >= size) {
      const take = size - length;
      pending.push(chunk.subarray(0, take));
      yield Buffer.concat(pending).toString('base64');
      chunk = chunk.subarray(take);
      pending = [];
      length = 0;
    }
    if (chunk.length > 0) {
      pending.push(chunk);
      length += chunk.length;
    }
  }
  if (length > 0) yield Buffer.concat(pending).toString('base64');
}
