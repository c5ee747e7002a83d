import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import type { WorkProgress } from '../api/volumes-schemas';
import { CodedError, fileErrorCode } from './coded-error';
import { entryType, relativeEntryPath } from './tar-entries';
import { createHelper, HELPER_MOUNT } from './volume-helper';
import { requireVolume, volumeExists } from './volumes';

const PROGRESS_EVERY_MS = 200;
const SOURCE_MOUNT = '/source';

/** Turns a file-system failure into a sentence code, else passes it on. */
function fileError(error: unknown, where: string): unknown {
  const code = fileErrorCode(error);
  return code ? new CodedError(code, `${where}: ${(error as Error).message}`) : error;
}

/** Yields progress every 200 ms until `work` settles; cancelling the iteration calls `stop`. */
async function* followWork(work: Promise<void>, progress: () => WorkProgress): AsyncGenerator<WorkProgress> {
  let settled = false;
  const finished = work.finally(() => {
    settled = true;
  });
  finished.catch(() => undefined);
  while (!settled) {
    await Promise.race([finished.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS))]);
    if (!settled) yield progress();
  }
  await finished;
}

/** Counts the entries of a tar stream passing by, without holding it up. */
function countEntries(counter: { files: number }): PassThrough {
  const tap = new PassThrough();
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    if (relativeEntryPath(header.name, '') !== '') counter.files += 1;
    body.on('end', () => next());
    body.resume();
  });
  extract.on('error', () => undefined);
  tap.pipe(extract as unknown as NodeJS.WritableStream);
  return tap;
}

/**
 * Backs a volume up to a .tar.gz at `destination` (entries "./…", as
 * `tar czf - -C /data .` writes them). Written to a temporary file next to it
 * and renamed only once complete: a cancelled or failed backup leaves nothing.
 * With `createFolder` (the default backup folder), a missing folder is made,
 * readable by its owner only; any other missing folder is the user's to make.
 */
export async function* backupVolume(
  docker: Docker,
  input: { name: string; destination: string; overwrite: boolean; createFolder?: boolean },
): AsyncGenerator<WorkProgress> {
  await requireVolume(docker, input.name);
  const destination = path.resolve(input.destination);
  if (input.createFolder) {
    try {
      await fs.promises.mkdir(path.dirname(destination), { mode: 0o700 });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw fileError(error, path.dirname(destination));
    }
  }
  if (!input.overwrite && fs.existsSync(destination)) {
    throw new CodedError('DESTINATION_EXISTS', `${destination} already exists.`, { path: destination });
  }
  const temporary = path.join(path.dirname(destination), `.${path.basename(destination)}.cais-partial-${randomBytes(4).toString('hex')}`);
  let file: fs.WriteStream;
  try {
    await fs.promises.access(path.dirname(destination), fs.constants.W_OK);
    file = fs.createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
    await new Promise<void>((resolve, reject) => file.once('open', () => resolve()).once('error', reject));
  } catch (error) {
    throw fileError(error, destination);
  }
  const helper = await createHelper(docker, [{ volume: input.name, target: HELPER_MOUNT, readOnly: true }]).catch(async (error: unknown) => {
    file.destroy();
    await fs.promises.rm(temporary, { force: true });
    throw error;
  });
  let source: Readable | undefined;
  let complete = false;
  try {
    source = (await helper.getArchive({ path: `${HELPER_MOUNT}/.` })) as unknown as Readable;
    const counter = { files: 0 };
    let bytes = 0;
    source.on('data', (chunk: Buffer) => (bytes += chunk.length));
    const tap = countEntries(counter);
    source.pipe(tap);
    const work = pipeline(source, createGzip({ level: 6 }), file).catch((error: unknown) => {
      throw fileError(error, destination);
    });
    yield* followWork(work, () => ({ type: 'progress', files: counter.files, bytes }));
    await fs.promises.rename(temporary, destination);
    complete = true;
    yield { type: 'done', files: counter.files, bytes, path: destination };
  } finally {
    if (!complete) {
      source?.destroy();
      file.destroy();
      await fs.promises.rm(temporary, { force: true });
    }
    await helper.remove({ force: true }).catch(() => undefined);
  }
}

/**
 * Checks that a file is a gzipped (or plain) tar whose entries all stay inside
 * the volume; returns its entry count. Nothing is written.
 */
export async function inspectBackup(file: string): Promise<{ files: number; size: number }> {
  let size: number;
  let head: Buffer;
  try {
    size = (await fs.promises.stat(file)).size;
    const handle = await fs.promises.open(file, 'r');
    head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    await handle.close();
  } catch (error) {
    throw new CodedError('NOT_A_BACKUP', `${file}: ${(error as Error).message}`);
  }
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  let files = 0;
  let entries = 0;
  const extract = tar.extract();
  extract.on('entry', (header, body, next) => {
    entries += 1;
    const name = header.name.replace(/^\.\//, '');
    if (header.name.startsWith('/') || name.split('/').includes('..')) {
      next(new Error(`unsafe path in archive: ${header.name}`));
      return;
    }
    if (relativeEntryPath(header.name, '') !== '' && entryType(header.type) !== 'other') files += 1;
    body.on('end', () => next());
    body.resume();
  });
  try {
    const input = fs.createReadStream(file);
    const sink = extract as unknown as NodeJS.WritableStream;
    if (gzipped) await pipeline(input, createGunzip(), sink);
    else await pipeline(input, sink);
  } catch (error) {
    throw new CodedError('NOT_A_BACKUP', `${path.basename(file)} is not a volume backup (.tar.gz): ${(error as Error).message}`);
  }
  if (entries === 0) throw new CodedError('NOT_A_BACKUP', `${path.basename(file)} holds no files.`);
  return { files, size };
}

/** True when the volume holds no file at all. */
export async function volumeIsEmpty(helper: Docker.Container, at: string): Promise<boolean> {
  const source = (await helper.getArchive({ path: `${at}/.` })) as unknown as Readable;
  const extract = tar.extract();
  source.pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) {
      entry.resume();
      if (relativeEntryPath(entry.header.name, '') !== '') return false;
    }
    return true;
  } finally {
    source.destroy();
  }
}

/**
 * Restores a backup file into a volume: a new one is created (and removed
 * again on failure), an existing one must be empty unless `allowNonEmpty`.
 * The file is checked completely before anything is written.
 */
export async function* restoreVolume(
  docker: Docker,
  input: { name: string; file: string; allowNonEmpty: boolean },
): AsyncGenerator<WorkProgress> {
  const { files, size } = await inspectBackup(input.file);
  const existed = await volumeExists(docker, input.name);
  if (!existed) await docker.createVolume({ Name: input.name });
  let helper: Docker.Container | undefined;
  let complete = false;
  let reader: fs.ReadStream | undefined;
  try {
    helper = await createHelper(docker, [{ volume: input.name, target: HELPER_MOUNT }]);
    if (existed && !input.allowNonEmpty && !(await volumeIsEmpty(helper, HELPER_MOUNT))) {
      throw new CodedError('VOLUME_NOT_EMPTY', `Volume ${input.name} already holds files.`, { name: input.name });
    }
    let bytes = 0;
    reader = fs.createReadStream(input.file, { highWaterMark: 256 * 1024 });
    reader.on('data', (chunk) => (bytes += chunk.length));
    // The engine takes gzip, bzip2, xz or a plain tar as it is.
    const work = helper.putArchive(reader as unknown as NodeJS.ReadableStream, { path: HELPER_MOUNT } as never).then(() => undefined);
    yield* followWork(work, () => ({ type: 'progress', files: 0, bytes, totalBytes: size }));
    complete = true;
    yield { type: 'done', files, bytes: size, volume: input.name };
  } finally {
    reader?.destroy();
    await helper?.remove({ force: true }).catch(() => undefined);
    if (!complete && !existed) await docker.getVolume(input.name).remove().catch(() => undefined);
  }
}

/** Copies every file of one volume into a new one, owners, modes and links included. */
export async function* cloneVolume(docker: Docker, input: { source: string; target: string }): AsyncGenerator<WorkProgress> {
  await requireVolume(docker, input.source);
  if (await volumeExists(docker, input.target)) {
    throw new CodedError('VOLUME_EXISTS', `A volume named ${input.target} already exists.`, { name: input.target });
  }
  const labels = (await docker.getVolume(input.source).inspect()).Labels ?? {};
  await docker.createVolume({ Name: input.target, Labels: labels });
  let helper: Docker.Container | undefined;
  let source: Readable | undefined;
  let complete = false;
  try {
    helper = await createHelper(docker, [
      { volume: input.source, target: SOURCE_MOUNT, readOnly: true },
      { volume: input.target, target: HELPER_MOUNT },
    ]);
    source = (await helper.getArchive({ path: `${SOURCE_MOUNT}/.` })) as unknown as Readable;
    const counter = { files: 0 };
    let bytes = 0;
    source.on('data', (chunk: Buffer) => (bytes += chunk.length));
    const body = new PassThrough();
    source.pipe(countEntries(counter));
    source.pipe(body);
    const work = helper.putArchive(body as unknown as NodeJS.ReadableStream, { path: HELPER_MOUNT } as never).then(() => undefined);
    yield* followWork(work, () => ({ type: 'progress', files: counter.files, bytes }));
    complete = true;
    yield { type: 'done', files: counter.files, bytes, volume: input.target };
  } finally {
    source?.destroy();
    await helper?.remove({ force: true }).catch(() => undefined);
    if (!complete) await docker.getVolume(input.target).remove().catch(() => undefined);
  }
}
