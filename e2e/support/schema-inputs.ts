import type { HostileKind, HostileValue } from './hostile-values';

/** The parts of a zod 4 schema's definition this walk reads. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  values?: unknown[];
}
export interface Schema {
  _zod: { def: Def };
  safeParse(value: unknown): { success: boolean };
}

const defOf = (schema: Schema): Def => schema._zod.def;

/** Values that fit many fields: names, ids, paths, addresses, sizes. */
const SAMPLE_STRINGS = [
  'ab',
  'cais-fuzz',
  'nginx:1.27',
  'a/b.txt',
  '/tmp/cais-fuzz',
  '0123456789abcdef0123456789abcdef',
  '123e4567-e89b-42d3-a456-426614174000',
  '127.0.0.1',
  'localhost:5000',
  'custom:fuzz',
  'unix:///var/run/docker.sock',
  'KEY',
  '/bin/sh',
  'aGVsbG8=',
];
const SAMPLE_NUMBERS = [1, 2, 10, 100, 1024, 8 * 1024 * 1024, 0.5, 0];

function candidates(schema: Schema): unknown[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return SAMPLE_STRINGS;
    case 'number':
      return SAMPLE_NUMBERS;
    case 'boolean':
      return [true, false];
    case 'enum':
      return Object.values(def.entries ?? {});
    case 'literal':
      return def.values ?? [];
    case 'optional':
    case 'default':
      return [...candidates(def.innerType!), undefined];
    case 'nullable':
      return [...candidates(def.innerType!), null];
    case 'array': {
      // One item first, so its fields get mutated too.
      const item = validSample(def.element!);
      return item === undefined ? [[]] : [[item], []];
    }
    case 'union':
      return (def.options ?? []).flatMap(candidates);
    case 'record':
      return [{}];
    case 'object':
      return [objectSample(def.shape ?? {})];
    default:
      return [undefined];
  }
}

function objectSample(shape: Record<string, Schema>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const sample = validSample(field);
    if (sample !== undefined) value[key] = sample;
  }
  return value;
}

/** A value the schema accepts, found among common candidates; undefined when none fits. */
export function validSample(schema: Schema): unknown {
  return candidates(schema).find((candidate) => schema.safeParse(candidate).success);
}

/** A hostile input for a whole call: where the hostile value sits, and what it is. */
export interface Mutation {
  where: string;
  label: string;
  value: unknown;
  /** Set when the hostile value must be refused wherever it sits (see HostileKind). */
  kind?: HostileKind | 'unknown-field';
}

/** The object schema inside optional/default/nullable wrappers, if any. */
function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return objectShape(def.innerType!);
  return undefined;
}

/** A union's options inside wrappers, if the schema is one. */
function unionOptions(schema: Schema): Schema[] | undefined {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return unionOptions(def.innerType!);
  return def.type === 'union' ? def.options : undefined;
}

export interface HostileSets {
  /** Put in place of each field. */
  fieldValues: HostileValue[];
  /** Added next to each object's own fields. */
  extraFields: HostileValue[];
}

/**
 * Every way of putting a hostile value where a valid one would be: in place
 * of each field of `base` (recursively into nested objects, arrays and union
 * options) and as unknown fields beside them.
 */
export function mutations(schema: Schema, base: unknown, sets: HostileSets, where = 'input'): Mutation[] {
  const options = unionOptions(schema);
  if (options) {
    // Each option in turn, from `base` when it is that option's, else from a sample of it.
    return options.flatMap((option) => mutations(option, option.safeParse(base).success ? base : validSample(option), sets, where));
  }
  const def = defOf(schema);
  if (def.type === 'array' && Array.isArray(base) && base.length > 0) {
    return mutations(def.element!, base[0], sets, `${where}[0]`).map((m) => ({ ...m, value: [m.value, ...base.slice(1)] }));
  }
  const shape = objectShape(schema);
  if (!shape || typeof base !== 'object' || base === null) return [];
  const record = base as Record<string, unknown>;
  const found: Mutation[] = sets.extraFields.map((extra) => ({
    where,
    label: `unknown field ${extra.label}`,
    // Spreading defines own keys, so a literal "__proto__" key stays an own property.
    value: { ...record, ...(extra.value as object) },
    kind: 'unknown-field' as const,
  }));
  for (const [key, field] of Object.entries(shape)) {
    for (const hostile of sets.fieldValues) {
      found.push({ where: `${where}.${key}`, label: hostile.label, value: { ...record, [key]: hostile.value }, kind: hostile.kind });
    }
    const inner = record[key] ?? validSample(field);
    for (const nested of mutations(field, inner, sets, `${where}.${key}`)) {
      found.push({ ...nested, value: { ...record, [key]: nested.value } });
    }
  }
  return found;
}
