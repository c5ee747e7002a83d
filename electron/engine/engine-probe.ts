import { loadDockerode } from './dockerode-loader';
import type { EngineTestResult } from '../api/settings-schemas';
import { negotiateApiVersion } from './api-version';
import { unsupportedFeatures, type EngineProduct } from './engine-capabilities';
import { withSshAgent, type ResolvedEndpoint } from './endpoint';
import { classifyConnectionError, errorText } from './errors';

const TEST_TIMEOUT_MS = 5000;

/** Docker, or Podman's Docker-compatible service (which names itself in /version). */
export function productOf(version: { Components?: { Name?: string }[]; Platform?: { Name?: string } }): EngineProduct {
  const names = [version.Platform?.Name ?? '', ...(version.Components ?? []).map((c) => c.Name ?? '')].join(' ');
  return /podman/i.test(names) ? 'Podman' : 'Docker';
}

/** "Test" in Settings: GET /version on an engine, without switching to it. */
export async function probeEngine(resolved: ResolvedEndpoint, env: Record<string, string | undefined> = {}): Promise<EngineTestResult> {
  try {
    const Docker = await loadDockerode();
    const docker = new Docker({ ...withSshAgent(resolved.options, env), timeout: TEST_TIMEOUT_MS });
    const version = await docker.version();
    const product = productOf(version as never);
    return {
      ok: true,
      engineVersion: version.Version,
      apiVersion: negotiateApiVersion(version.ApiVersion),
      os: version.Os,
      product,
      unsupported: unsupportedFeatures(product, version.Version),
    };
  } catch (error) {
    return { ok: false, reason: classifyConnectionError(error), detail: errorText(error) };
  }
}
