import type { EngineTestResult } from '../api/settings-schemas';
import { negotiateApiVersion } from './api-version';
import { unsupportedFeatures, type EngineProduct } from './engine-capabilities';
import { answerWithin, dockerWith, engineTransport } from './engine-client';
import type { ResolvedEndpoint } from './endpoint';
import { classifyConnectionError, ConnectionProblem, errorText } from './errors';
import { scanHostKey } from './ssh-host-keys';
import type { HostKeyOffer } from '../api/schemas';

const TEST_TIMEOUT_MS = 5000;

/** Docker, or Podman's Docker-compatible service (which names itself in /version). */
export function productOf(version: { Components?: { Name?: string }[]; Platform?: { Name?: string } }): EngineProduct {
  const names = [version.Platform?.Name ?? '', ...(version.Components ?? []).map((c) => c.Name ?? '')].join(' ');
  return /podman/i.test(names) ? 'Podman' : 'Docker';
}

export interface EngineVersion {
  Version: string;
  ApiVersion: string;
  Os: string;
  Components?: { Name?: string }[];
  Platform?: { Name?: string };
}

/** An answer to GET /version that is an engine's; anything else (an HTML page, a 404) is not Docker. */
export function checkVersion(answer: unknown): EngineVersion {
  const version = answer as Partial<EngineVersion> | null | undefined;
  if (!version || typeof version !== 'object' || Buffer.isBuffer(version) || typeof version.ApiVersion !== 'string' || typeof version.Version !== 'string') {
    const shown = typeof answer === 'string' ? answer : Buffer.isBuffer(answer) ? answer.toString('utf8') : JSON.stringify(answer);
    throw new ConnectionProblem('not-docker', `The answer to GET /version is not a Docker engine's: ${String(shown).slice(0, 200)}`);
  }
  negotiateApiVersion(version.ApiVersion);
  return { ...version, Os: typeof version.Os === 'string' ? version.Os : 'unknown' } as EngineVersion;
}

/** The key to offer for trust when an ssh server is unknown; undefined when it cannot be read. */
export async function hostKeyOfferFor(resolved: ResolvedEndpoint, reason: string, env: Record<string, string | undefined>): Promise<HostKeyOffer | undefined> {
  if (reason !== 'ssh-host-unknown' || !resolved.ssh) return undefined;
  const scanned = await scanHostKey(resolved.ssh, env).catch(() => undefined);
  return scanned && { knownAs: scanned.knownAs, type: scanned.type, fingerprint: scanned.fingerprint };
}

/** "Test" in Settings: GET /version on an engine, without switching to it. */
export async function probeEngine(resolved: ResolvedEndpoint, env: Record<string, string | undefined> = {}): Promise<EngineTestResult> {
  let close = () => undefined as void;
  try {
    const transport = engineTransport(resolved, env);
    close = transport.close;
    const firstAnswerMs = transport.firstAnswerMs(TEST_TIMEOUT_MS);
    const docker = await dockerWith(transport, { timeout: firstAnswerMs });
    const version = checkVersion(await answerWithin(docker.version(), firstAnswerMs));
    const product = productOf(version);
    return {
      ok: true,
      engineVersion: version.Version,
      apiVersion: negotiateApiVersion(version.ApiVersion),
      os: version.Os,
      product,
      unsupported: unsupportedFeatures(product, version.Version),
    };
  } catch (error) {
    const reason = classifyConnectionError(error);
    const hostKey = await hostKeyOfferFor(resolved, reason, env);
    return { ok: false, reason, detail: errorText(error), ...(hostKey ? { hostKey } : {}) };
  } finally {
    close();
  }
}
