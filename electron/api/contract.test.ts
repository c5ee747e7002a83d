import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { containerRef } from './schemas';

const startInput = contract.containers.start['~orpc'].inputSchema;
const stopInput = contract.containers.stop['~orpc'].inputSchema;
const listInput = contract.containers.list['~orpc'].inputSchema;
const retryInput = contract.engine.retry['~orpc'].inputSchema;

/** Validates through Standard Schema, the interface oRPC itself calls. */
async function accepts(schema: typeof startInput | typeof listInput | typeof retryInput, value: unknown) {
  if (!schema) throw new Error('procedure has no input schema');
  const result = await schema['~standard'].validate(value);
  return !result.issues;
}

const HEX_ID = 'f3a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80';

describe('container id/name input (start and stop)', () => {
  it.each([
    ['a full 64-hex id', HEX_ID],
    ['a short id', HEX_ID.slice(0, 12)],
    ['a compose-style name', 'my_app-1.web'],
    ['a one-character name', 'a'],
  ])('accepts %s', async (_label, id) => {
    expect(await accepts(startInput, { id })).toBe(true);
    expect(await accepts(stopInput, { id })).toBe(true);
  });

  it('rejects wrong types', async () => {
    for (const value of [{ id: 42 }, { id: null }, { id: ['abc'] }, { id: { toString: 'abc' } }, 'abc', null, undefined, {}]) {
      expect(await accepts(startInput, value), JSON.stringify(value)).toBe(false);
    }
  });

  it('rejects unknown fields', async () => {
    expect(await accepts(startInput, { id: 'abc', extra: 1 })).toBe(false);
    expect(await accepts(stopInput, { id: 'abc', force: true })).toBe(false);
  });

  it('rejects an empty id and huge strings', async () => {
    expect(await accepts(startInput, { id: '' })).toBe(false);
    expect(await accepts(startInput, { id: 'a'.repeat(10_000) })).toBe(false);
    expect(await accepts(startInput, { id: 'a'.repeat(129) })).toBe(false);
    expect(await accepts(startInput, { id: 'a'.repeat(128) })).toBe(true);
  });

  it.each([
    'my app',
    ' abc',
    'abc\n',
    '../etc/passwd',
    '/abc',
    'a/b',
    'a\\b',
    'abc;rm -rf /',
    'abc&&id',
    'abc|id',
    '$(id)',
    '`id`',
    'abc?all=1',
    'abc#x',
    '-abc',
    '.abc',
    '_abc',
    'ação',
  ])('rejects the id %j', async (id) => {
    expect(await accepts(startInput, { id })).toBe(false);
    expect(containerRef.safeParse(id).success).toBe(false);
  });
});

describe('other inputs', () => {
  it('containers.list takes exactly { all: boolean }', async () => {
    expect(await accepts(listInput, { all: true })).toBe(true);
    expect(await accepts(listInput, { all: false })).toBe(true);
    expect(await accepts(listInput, { all: 'true' })).toBe(false);
    expect(await accepts(listInput, {})).toBe(false);
    expect(await accepts(listInput, { all: true, filters: '{}' })).toBe(false);
  });

  it('engine.retry takes nothing or an empty object', async () => {
    expect(await accepts(retryInput, undefined)).toBe(true);
    expect(await accepts(retryInput, {})).toBe(true);
    expect(await accepts(retryInput, { now: true })).toBe(false);
    expect(await accepts(retryInput, 'now')).toBe(false);
  });
});
