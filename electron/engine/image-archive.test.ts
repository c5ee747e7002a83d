import fs from 'node:fs';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { LoadError, loadUploads } from './image-archive';

/** The upload's file, read through a fake engine that receives it on finish. */
async function finishedBytes(id: string): Promise<Buffer> {
  let bytes = Buffer.alloc(0);
  const docker = new Docker();
  docker.loadImage = (async (file: fs.ReadStream) => {
    bytes = await fs.promises.readFile(file.path as string);
    file.destroy();
    const { Readable } = await import('node:stream');
    return Readable.from([Buffer.from('{"stream":"Loaded image: a:1\\n"}\n')]);
  }) as never;
  await loadUploads.finish(docker, id);
  return bytes;
}

describe('image load uploads', () => {
  it('appends chunks only at the offset where the file ends', async () => {
    const id = loadUploads.start(10);
    expect(await loadUploads.append(id, 0, Buffer.from('hello'))).toBe(5);
    // The same chunk again (a retried frame) is refused and changes nothing.
    await expect(loadUploads.append(id, 0, Buffer.from('hello'))).rejects.toBeInstanceOf(LoadError);
    // So is one that skips ahead.
    await expect(loadUploads.append(id, 7, Buffer.from('xyz'))).rejects.toThrow('Expected the chunk at offset 5, got 7.');
    expect(await loadUploads.append(id, 5, Buffer.from('world'))).toBe(10);
    expect((await finishedBytes(id)).toString()).toBe('helloworld');
  });

  it('refuses a second chunk sent while one is still being written', async () => {
    const id = loadUploads.start(4);
    const results = await Promise.allSettled([loadUploads.append(id, 0, Buffer.from('ab')), loadUploads.append(id, 0, Buffer.from('ab'))]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await loadUploads.append(id, 2, Buffer.from('cd'))).toBe(4);
    expect((await finishedBytes(id)).toString()).toBe('abcd');
  });
});
