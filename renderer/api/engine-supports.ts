import type { EngineFeature } from '../../electron/api/schemas';
import { useConnectionState } from './engine-state';

/** The features the engine in use lacks (engine-capabilities.ts); none until it is known. */
export function useEngineGaps(): EngineFeature[] {
  const state = useConnectionState();
  return state?.status === 'connected' ? state.unsupported : [];
}

/**
 * Whether the engine in use supports `feature`, for disabling what it lacks
 * with an explanation instead of letting the engine's error through.
 */
export function useEngineSupports(feature: EngineFeature): boolean {
  return !useEngineGaps().includes(feature);
}
