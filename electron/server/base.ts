import { implement } from '@orpc/server';
import { contract } from '../api/contract';
import type { EngineConnection } from '../engine/connection';

export interface RouterContext {
  engine: EngineConnection;
}

/** The contract's implementer; each area's router file builds on it. */
export const os = implement(contract).$context<RouterContext>();
