import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { parseDockerIgnore } from './dockerignore';

export type BuildInputProblem = 'CONTEXT_NOT_FOUND' | 'CONTEXT_NOT_DIRECTORY' | 'DOCKERFILE_NOT_FOUND' | 'DOCKERFILE_OUTSIDE_CONTEXT';

export class BuildInputError extends Error {
  constructor(
    readonly problem: BuildInputProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BuildInputError';
  }
}

export interface CheckedBuildInput {
  contextDir: string;
  /** Slash-separated, relative to the context. */
  dockerfile: string;
  dockerfileText: string;
}

/** The folder exists and is a folder; the Dockerfile is a file inside it. */
export async function checkBuildInput(context: string, dockerfile: string): Promise<CheckedBuildInput> {
  const contextDir = path.resolve(context);
  const stat = await fs.promises.stat(contextDir).catch(() => undefined);
  if (!stat) throw new BuildInputError('CONTEXT_NOT_FOUND', `${contextDir}: no such folder`);
  if (!stat.isDirectory()) throw new BuildInputError('CONTEXT_NOT_DIRECTORY', `${contextDir} is not a folder`);
  const dockerfilePath = path.resolve(contextDir, dockerfile);
  const relative = path.relative(contextDir, dockerfilePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new BuildInputError('DOCKERFILE_OUTSIDE_CONTEXT', `${dockerfile} is outside ${contextDir}`);
  }
  const fileStat = await fs.promises.stat(dockerfilePath).catch(() => undefined);
  if (!fileStat?.isFile()) throw new BuildInputError('DOCKERFILE_NOT_FOUND', `${dockerfilePath}: no such file`);
  return {
    contextDir,
    dockerfile: relative.split(path.sep).join('/'),
    dockerfileText: await fs.promises.readFile(dockerfilePath, 'utf8'),
  };
}

interface ContextEntry {
  name: string;
  absolute: string;
  kind: 'file' | 'directory' | 'symlink';
}

export interface PackedContext {
  stream: Readable;
  files: number;
  bytes: number;
  ignored: number;
}

/** Lists what goes into the context: .dockerignore honoured, the Dockerfile and .dockerignore always sent. */
export async function contextEntries(contextDir: string, dockerfile: string): Promise<{ entries: ContextEntry[]; ignored: number }> {
  const ignoreText = await fs.promises.readFile(path.join(contextDir, '.dockerignore'), 'utf8').catch(() => '');
  const rules = parseDockerIgnore(ignoreText);
  const alwaysSent = new Set([dockerfile, '.dockerignore']);
  const entries: ContextEntry[] = [];
  let ignored = 0;
  const walk = async (dir: string, prefix: string) => {
    const items = await fs.promises.readdir(dir, { withFileTypes: true });
    items.sort((a, b) => a.name.localeCompare(b.name));
    for (const item of items) {
      const name = prefix ? `${prefix}/${item.name}` : item.name;
      const absolute = path.join(dir, item.name);
      const excluded = rules.ignores(name) && !alwaysSent.has(name);
      if (item.isDirectory()) {
        // An ignored folder is skipped whole unless a `!` line may bring something back.
        if (excluded && !rules.hasExclusions) {
          ignored += 1;
          continue;
        }
        if (!excluded) entries.push({ name, absolute, kind: 'directory' });
        await walk(absolute, name);
      } else if (excluded) {
        ignored += 1;
      } else if (item.isSymbolicLink()) {
        entries.push({ name, absolute, kind: 'symlink' });
      } else if (item.isFile()) {
        entries.push({ name, absolute, kind: 'file' });
      }
    }
  };
  await walk(contextDir, '');
  return { entries, ignored };
}

/** Tars the context on the fly; the engine reads it as the body of POST /build. */
export async function packContext(contextDir: string, dockerfile: string): Promise<PackedContext> {
  const { entries, ignored } = await contextEntries(contextDir, dockerfile);
  const stats = await Promise.all(entries.map((entry) => fs.promises.lstat(entry.absolute)));
  const pack = tar.pack();
  let bytes = 0;
  let files = 0;
  entries.forEach((entry, i) => {
    if (entry.kind === 'file') {
      bytes += stats[i].size;
      files += 1;
    }
  });
  void (async () => {
    try {
      for (const [i, entry] of entries.entries()) {
        const stat = stats[i];
        const header = { name: entry.name, mode: stat.mode & 0o7777, mtime: stat.mtime };
        if (entry.kind === 'directory') pack.entry({ ...header, type: 'directory' });
        else if (entry.kind === 'symlink') pack.entry({ ...header, type: 'symlink', linkname: await fs.promises.readlink(entry.absolute) });
        else {
          await new Promise<void>((resolve, reject) => {
            const sink = pack.entry({ ...header, size: stat.size }, (error) => (error ? reject(error) : resolve()));
            fs.createReadStream(entry.absolute).on('error', reject).pipe(sink);
          });
        }
      }
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
    }
  })();
  return { stream: pack as unknown as Readable, files, bytes, ignored };
}
