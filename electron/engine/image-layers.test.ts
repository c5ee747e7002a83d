import { describe, expect, it } from 'vitest';
import { mapLimited, pairLayers, readableInstruction, sharedLayers, type HistoryEntry } from './image-layers';

const entry = (CreatedBy: string, Size: number): HistoryEntry => ({ Id: '<missing>', Created: 0, CreatedBy, Size });

describe('pairLayers', () => {
  it('pairs entries with a size to the layers, bottom first', () => {
    const history = [
      entry('/bin/sh -c #(nop) ADD file:abc in /', 100),
      entry('/bin/sh -c #(nop)  CMD ["sh"]', 0),
      entry('/bin/sh -c echo hi > /x', 20),
    ];
    expect(pairLayers(history, ['l0', 'l1'])).toEqual([0, undefined, 1]);
  });

  it('counts an empty RUN layer when metadata-only instructions are told apart', () => {
    const history = [entry('/bin/sh -c #(nop) COPY dir:abc in /', 100), entry('/bin/sh -c touch /nothing', 0), entry('/bin/sh -c #(nop)  ENV A=1', 0)];
    expect(pairLayers(history, ['l0', 'l1'])).toEqual([0, 1, undefined]);
  });

  it('pairs nothing rather than something wrong', () => {
    expect(pairLayers([entry('x', 1)], ['a', 'b', 'c'])).toEqual([undefined]);
  });
});

describe('sharedLayers', () => {
  it('shares a layer only when the stack below it is the same', () => {
    const shared = sharedLayers(
      ['a', 'b', 'c'],
      [
        { name: 'base', layers: ['a'] },
        { name: 'sibling', layers: ['a', 'b', 'x'] },
        { name: 'stranger', layers: ['z', 'b', 'c'] },
      ],
    );
    expect(shared).toEqual([['base', 'sibling'], ['sibling'], []]);
  });
});

describe('readableInstruction', () => {
  it.each([
    ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD ["sh"]'],
    ['/bin/sh -c #(nop) COPY dir:1 in / ', 'COPY dir:1 in /'],
    ['/bin/sh -c echo hi', 'RUN echo hi'],
    ['COPY rootfs/ / # buildkit', 'COPY rootfs/ / # buildkit'],
  ])('%s → %s', (input, output) => {
    expect(readableInstruction(input)).toBe(output);
  });
});

describe('mapLimited', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 4, 2, 3, 0, 6, 7, 8, 9], 3, async (delay) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return delay * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60, 70, 80, 90]);
    expect(most).toBe(3);
  });

  it('copes with no items', async () => {
    expect(await mapLimited([], 8, async () => 1)).toEqual([]);
  });
});
