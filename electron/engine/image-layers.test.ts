import { describe, expect, it } from 'vitest';
import { pairLayers, readableInstruction, sharedLayers, type HistoryEntry } from './image-layers';

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
