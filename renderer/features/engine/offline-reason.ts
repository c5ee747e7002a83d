import type { Endpoint, OfflineReason } from '../../../electron/api/schemas';

/** Reasons whose words depend on what was being reached: a local socket, a tcp:// engine, an ssh server. */
const BY_TRANSPORT = new Set<OfflineReason>(['refused', 'timeout', 'unreachable']);

/**
 * The catalogue key of the sentence for why an engine cannot be reached. A refused
 * local socket means an engine stopping or starting; a refused ssh:// address means
 * that no ssh server listens there, which is a different thing to check.
 */
export function offlineReasonKey(reason: OfflineReason, kind: Endpoint['kind'] | undefined): string {
  if (BY_TRANSPORT.has(reason) && (kind === 'ssh' || kind === 'tcp')) return `offline.reason.${kind}-${reason}`;
  return `offline.reason.${reason}`;
}
