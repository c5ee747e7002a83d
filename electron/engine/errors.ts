import type { OfflineReason } from '../api/schemas';
import { SshConnectionError } from './ssh-target';

/** Node's TLS verification codes, by what the user has to fix. */
const TLS_CODES: Record<string, OfflineReason> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-ca',
  UNABLE_TO_GET_ISSUER_CERT: 'tls-ca',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-ca',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls-ca',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-ca',
  CERT_SIGNATURE_FAILURE: 'tls-ca',
  CERT_UNTRUSTED: 'tls-ca',
  CERT_HAS_EXPIRED: 'tls-expired',
  CERT_NOT_YET_VALID: 'tls-expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-name',
  ERR_OSSL_X509_KEY_VALUES_MISMATCH: 'tls-files-invalid',
  ERR_OSSL_PEM_NO_START_LINE: 'tls-files-invalid',
  ERR_OSSL_UNSUPPORTED: 'tls-files-invalid',
};

/** The server's alerts when it refuses our client certificate (or we sent none). */
const TLS_ALERT = /ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|HANDSHAKE_FAILURE|ACCESS_DENIED|DECRYPT_ERROR)/;

/** Maps a socket, TLS, ssh or HTTP failure to the reason a user can act on. */
export function classifyConnectionError(error: unknown): OfflineReason {
  // Errors that already know (ssh's, missing TLS files, an answer that is not Docker's).
  if (error instanceof SshConnectionError || error instanceof ConnectionProblem) return error.reason;
  const failure = error as { code?: string; statusCode?: number } | undefined;
  const code = failure?.code;
  if (code && TLS_CODES[code]) return TLS_CODES[code];
  if (code && TLS_ALERT.test(code)) return 'tls-client-refused';
  if (code?.startsWith('ERR_OSSL_') || code === 'ERR_SSL_NO_START_LINE') return 'tls-files-invalid';
  // Something answered in HTTP, but not as an engine does (or spoke no HTTP at all).
  if (typeof failure?.statusCode === 'number' || code?.startsWith('HPE_') || code === 'ERR_SSL_WRONG_VERSION_NUMBER') return 'not-docker';
  switch (code) {
    case 'ENOENT':
      return 'not-found';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return 'refused';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'dns';
    default:
      return 'unreachable';
  }
}

/** A failure Cais names itself: it carries its reason, for classifyConnectionError. */
export class ConnectionProblem extends Error {
  constructor(
    readonly reason: OfflineReason,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectionProblem';
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
