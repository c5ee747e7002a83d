import type { ErrorCode } from '../api/error-codes';

/**
 * A failure Cais itself decides (not the engine's): its code becomes the RPC
 * error code the renderer turns into a sentence; `data` carries what the
 * sentence names (for example the containers that use a volume).
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly data?: Record<string, unknown>,
    readonly status = 409,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/** Maps a file-system failure on a destination to a code the user can act on. */
export function fileErrorCode(error: unknown): ErrorCode | undefined {
  switch ((error as { code?: string } | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'DISK_FULL';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'DESTINATION_MISSING';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'EISDIR':
      return 'DESTINATION_UNWRITABLE';
    default:
      return undefined;
  }
}
