import type { EngineConnection } from '../engine/connection';
import { discoverEngines, type FoundEngine } from '../engine/engine-discovery';
import type { SettingsStore } from './settings-store';

export function listEngines(engine: EngineConnection, settings: SettingsStore): FoundEngine[] {
  return discoverEngines(engine.facts, settings.settings.engines);
}

/**
 * Connects to the engine saved in settings, or discovers one as the docker
 * CLI would when none is saved or the saved one is gone (a deleted context):
 * then the window shows the engine discovery found.
 */
export function startWithSavedEngine(engine: EngineConnection, settings: SettingsStore): Promise<void> {
  const saved = settings.settings.engine;
  const found = saved ? listEngines(engine, settings).find((candidate) => candidate.entry.id === saved) : undefined;
  if (found?.resolved) return engine.useEndpoint(found.resolved);
  return engine.start();
}
