import { describe, expect, it } from 'vitest';
import { definedValues, engineList, engineText } from './engine-answer';

describe('engine answers, normalised', () => {
  it('reads a list from every shape an engine sends', () => {
    expect(engineList([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(engineList(Buffer.alloc(0))).toEqual([]);
    expect(engineList(null)).toEqual([]);
    expect(engineList(undefined)).toEqual([]);
    expect(engineList('')).toEqual([]);
    expect(engineList('  \n')).toEqual([]);
    expect(engineList(Buffer.from('[{"Path":"/x","Kind":1}]'))).toEqual([{ Path: '/x', Kind: 1 }]);
    expect(engineList('{"message":"odd"}')).toEqual([]);
    expect(engineList('not json')).toEqual([]);
    expect(engineList({ Path: '/x' })).toEqual([]);
  });

  it('reads a text body', () => {
    expect(engineText(Buffer.from('hi'))).toBe('hi');
    expect(engineText('hi')).toBe('hi');
    expect(engineText(null)).toBe('');
    expect(engineText(undefined)).toBe('');
  });

  it('keeps only values of the kinds a lesson step carries', () => {
    expect(definedValues({ exitCode: 0, oomKilled: false, state: 'exited', gone: undefined, none: null })).toEqual({ exitCode: 0, oomKilled: false, state: 'exited' });
  });
});
