import fc from 'fast-check';

/** Why a hostile value must be refused wherever a schema does not say it is free text. */
export type HostileKind = 'nul' | 'traversal' | undefined;

export interface HostileValue {
  label: string;
  value: unknown;
  kind?: HostileKind;
}

/** An object whose own key is literally "__proto__", as JSON.parse makes it. */
const protoKey = (inner: unknown): Record<string, unknown> => JSON.parse(`{"__proto__": ${JSON.stringify(inner)}}`);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}


/** Strings a shell, a path join or a URL would treat specially. */
export const hostileStrings: HostileValue[] = [
  { label: 'empty', value: '' },
  { label: 'spaces', value: '   ' },
  { label: '../', value: '../', kind: 'traversal' },
  { label: '../../etc/passwd', value: '../../etc/passwd', kind: 'traversal' },
  { label: 'a/../../b', value: 'a/../../b', kind: 'traversal' },
  { label: '/tmp/../etc/passwd', value: '/tmp/../etc/passwd', kind: 'traversal' },
  { label: '..', value: '..', kind: 'traversal' },
  { label: '/etc/passwd', value: '/etc/passwd' },
  { label: 'url-encoded ../', value: '%2e%2e%2f%2e%2e%2fetc' },
  { label: 'backslash ..', value: '..\\..\\windows' },
  { label: 'NUL inside', value: 'ab\0cd', kind: 'nul' },
  { label: 'NUL alone', value: '\0', kind: 'nul' },
  { label: 'newline', value: 'ab\ncd' },
  { label: 'NaN', value: 'NaN' },
  { label: 'Infinity', value: 'Infinity' },
  { label: '1e309', value: '1e309' },
  { label: '-0', value: '-0' },
  { label: '__proto__', value: '__proto__' },
  { label: 'constructor', value: 'constructor' },
  { label: 'shell', value: '$(id);`id`|id&&id' },
  { label: 'query string', value: 'abc?all=1&force=true' },
  { label: 'right-to-left mark', value: 'a\u202eb' },
  { label: 'emoji', value: '😀😀' },
  { label: '64 KB', value: 'x'.repeat(65_537) },
];

/** Values of the wrong type for almost any field. */
export const wrongTypes: HostileValue[] = [
  { label: 'null', value: null },
  { label: 'undefined', value: undefined },
  { label: 'true', value: true },
  { label: '0', value: 0 },
  { label: '-1', value: -1 },
  { label: '1.5', value: 1.5 },
  { label: 'NaN', value: Number.NaN },
  { label: 'Infinity', value: Number.POSITIVE_INFINITY },
  { label: '1e308', value: 1e308 },
  { label: '2^53+2', value: 2 ** 53 + 2 },
  { label: 'bigint', value: 10n ** 30n },
  { label: 'date', value: new Date(0) },
  { label: 'empty array', value: [] },
  { label: 'array', value: [1, 'a', null] },
  { label: 'empty object', value: {} },
  { label: '__proto__ key', value: protoKey({ polluted: 'yes' }) },
  { label: 'constructor key', value: { constructor: { prototype: { polluted: 'yes' } } } },
];

/** Big values, sent as a whole input only (each frame still fits the web host's 1 MiB limit). */
export const heavyValues: HostileValue[] = [
  { label: '1 MB string', value: 'a'.repeat(1_000_000) },
  { label: '2,000 levels deep', value: deeplyNested(2_000) },
  { label: '100,000 numbers', value: Array.from({ length: 100_000 }, (_, i) => i) },
];

/** Keys that must never be accepted next to a schema's own fields. */
export const unknownFields: HostileValue[] = [
  { label: 'extra', value: { extra: 1 } },
  { label: '__proto__', value: protoKey({ polluted: 'yes' }) },
  { label: 'constructor', value: { constructor: { prototype: { polluted: 'yes' } } } },
  { label: 'empty key', value: { '': 'x' } },
];

/** Random values, reproducible from the seed. */
export function randomValues(seed: number, count: number): HostileValue[] {
  const arbitrary = fc.oneof(
    fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withObjectString: true, maxDepth: 4 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    fc.double(),
    fc.integer(),
  );
  return fc.sample(arbitrary, { seed, numRuns: count }).map((value, i) => ({ label: `random #${i} (seed ${seed})`, value }));
}
