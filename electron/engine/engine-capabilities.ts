import type { ConnectionState, EngineFeature } from '../api/schemas';
import { CodedError } from './coded-error';

export type EngineProduct = 'Docker' | 'Podman';

/**
 * What Podman's Docker-compatible service lacks, measured against Debian's
 * Podman 4.3.1 by podman-compat.engine.test.ts (which fails when this table
 * and the real service disagree). `until`: the first release that has it.
 */
export const PODMAN_GAPS: Record<EngineFeature, { until?: string; evidence: string }> = {
  // No compat route before 5.1 (containers/podman#22322): the answer is a bare 404 "Not Found".
  containerUpdate: { until: '5.1.0', evidence: 'POST /containers/{id}/update answers 404 Not Found' },
  // Builds use no separate cache: /system/df has no BuildCache and /build/prune is absent.
  buildCache: { evidence: 'GET /system/df has no BuildCache; POST /build/prune answers 404' },
  // Its /system/df says LayersSize 0, so the images' disk usage would read 0 B.
  imageDiskUsage: { evidence: 'GET /system/df answers LayersSize 0 while images take space' },
  // containers/image trusts plain HTTP only for registries marked insecure in registries.conf.
  plainHttpLoopbackRegistry: { evidence: 'pull and push of 127.0.0.1:PORT/… fail: "server gave HTTP response to HTTPS client"' },
  // Reading a volume through the archive API, every file comes back owned by 0:0 (writing keeps owners):
  // a backup or a clone would lose them, so both are refused rather than done wrong.
  volumeArchiveOwners: { evidence: 'GET /containers/{id}/archive reports a file of 1000:1000 as 0/0' },
};

/** Compares dotted versions numerically ("4.10.0" > "4.9.2"); missing parts count as 0. */
function versionAtLeast(version: string, wanted: string): boolean {
  const parts = (text: string) => text.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(version), parts(wanted)];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** The features an engine lacks, from its product and version (GET /version). Docker lacks none. */
export function unsupportedFeatures(product: EngineProduct, version: string): EngineFeature[] {
  if (product !== 'Podman') return [];
  return (Object.entries(PODMAN_GAPS) as [EngineFeature, { until?: string }][])
    .filter(([, gap]) => !gap.until || !versionAtLeast(version, gap.until))
    .map(([feature]) => feature);
}

/** Refuses, with a sentence code, a call the connected engine is known not to support. */
export function requireFeature(state: ConnectionState, feature: EngineFeature): void {
  if (state.status === 'connected' && state.unsupported.includes(feature)) {
    throw new CodedError('ENGINE_UNSUPPORTED', `${state.product} ${state.engineVersion} does not support ${feature} through its Docker API.`, { feature, product: state.product }, 501);
  }
}
