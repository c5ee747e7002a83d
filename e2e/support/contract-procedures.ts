import { StandardRPCJsonSerializer, StandardRPCSerializer } from '@orpc/client/standard';
import type { Schema } from './schema-inputs';

export interface ContractProcedure {
  /** e.g. ['containers', 'start'] */
  path: string[];
  input: Schema | undefined;
}

/** Every procedure of an oRPC contract, found by walking it (procedures carry '~orpc'). */
export function contractProcedures(node: object, path: string[] = []): ContractProcedure[] {
  if ('~orpc' in node) {
    const input = (node as { '~orpc': { inputSchema?: unknown } })['~orpc'].inputSchema;
    return [{ path, input: input as Schema | undefined }];
  }
  return Object.entries(node).flatMap(([key, child]) => (typeof child === 'object' && child ? contractProcedures(child, [...path, key]) : []));
}

const serializer = new StandardRPCSerializer(new StandardRPCJsonSerializer());

/** The input as the server receives it after the RPC encoding (undefined, NaN, bigint and dates survive; functions do not). */
export function overTheWire(value: unknown): unknown {
  return serializer.deserialize(JSON.parse(JSON.stringify(serializer.serialize(value))));
}
