import { destroyThrowawayEngine, dockerFor, startThrowawayEngine, throwawayEngineUnavailable, type ThrowawayEngine } from './test-engine';
import { buildTestImage, removeTestObjects } from './test-image';

export interface EngineSession {
  /** The DOCKER_HOST the tests use. */
  host: string;
  /** True when the suite started (and so may stop) this engine itself. */
  owned: boolean;
  close(): Promise<void>;
}

/**
 * DOCKER_HOST set: use that engine (Docker or Podman) and touch only what the
 * tests label. Otherwise start a throwaway engine. Either way, build the
 * test image without internet.
 */
export async function openEngineSession(): Promise<EngineSession | { unavailable: string }> {
  const external = process.env.DOCKER_HOST;
  let engine: ThrowawayEngine | undefined;
  let host: string;
  if (external) {
    host = external;
  } else {
    const unavailable = throwawayEngineUnavailable();
    if (unavailable) return { unavailable: `DOCKER_HOST is not set and ${unavailable}` };
    // CAIS_TEST_NETNS=1 keeps the engine's bridge in a namespace of its own, so
    // several suites can run side by side (ports then bind inside that namespace).
    engine = await startThrowawayEngine({ ownNetwork: process.env.CAIS_TEST_NETNS === '1' });
    host = engine.host;
  }
  const docker = dockerFor(host);
  await buildTestImage(docker);
  return {
    host,
    owned: Boolean(engine),
    close: async () => {
      await removeTestObjects(docker).catch((error: unknown) => console.warn(`cleanup: ${String(error)}`));
      if (engine) await destroyThrowawayEngine(engine);
    },
  };
}
