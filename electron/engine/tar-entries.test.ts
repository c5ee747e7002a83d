import { describe, expect, it } from 'vitest';
import { base64Chunks, relativeEntryPath } from './tar-entries';

describe('relativeEntryPath', () => {
  it.each([
    ['./', '', ''],
    ['./d/', '', 'd'],
    ['./d/a.txt', '', 'd/a.txt'],
    ['data/', 'data', ''],
    ['data/x/y', 'data', 'x/y'],
    ['datax/y', 'data', 'datax/y'],
  ])('%s under %j → %j', (name, prefix, expected) => {
    expect(relativeEntryPath(name, prefix)).toBe(expected);
  });
});

describe('base64Chunks', () => {
  async function* pieces(...sizes: number[]) {
    let value = 0;
    for (const size of sizes) yield Buffer.from(Array.from({ length: size }, () => value++ % 256));
  }

  it('cuts exactly at the chunk size and keeps every byte in order', async () => {
    const out: Buffer[] = [];
    for await (const chunk of base64Chunks(pieces(3, 10, 1, 7), 4)) out.push(Buffer.from(chunk, 'base64'));
    expect(out.map((buffer) => buffer.length)).toEqual([4, 4, 4, 4, 4, 1]);
    expect([...Buffer.concat(out)]).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('yields nothing for an empty stream', async () => {
    const out: string[] = [];
    for await (const chunk of base64Chunks(pieces(), 4)) out.push(chunk);
    expect(out).toEqual([]);
  });
});
