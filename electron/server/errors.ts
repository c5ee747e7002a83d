import { ORPCError } from '@orpc/server';
import { CodedError } from '../engine/coded-error';
import { EngineOfflineError } from '../engine/connection';
import { TerminalSessionGoneError } from '../engine/container-exec';

/**
 * Turns an engine failure into an RPC error whose code the renderer turns
 * into a sentence, keeping the engine's own text as the message.
 */
export function toRpcError(error: unknown): ORPCError<string, unknown> {
  if (error instanceof ORPCError) return error;
  if (error instanceof EngineOfflineError) {
    return new ORPCError('ENGINE_OFFLINE', { status: 503, message: error.message });
  }
  if (error instanceof TerminalSessionGoneError) {
    return new ORPCError('SESSION_ENDED', { status: 410, message: error.message });
  }
  if (error instanceof CodedError) {
    return new ORPCError(error.code, { status: error.status, message: error.message, data: error.data });
  }
  const statusCode = (error as { statusCode?: number }).statusCode;
  const engineText =
    (error as { json?: { message?: string } }).json?.message ??
    (error instanceof Error ? error.message : String(error));
  const specific = specificEngineError(engineText);
  // An RPC error needs a 4xx/5xx status; the engine says 304 for "already in that state".
  if (specific) return new ORPCError(specific, { status: statusCode && statusCode >= 400 ? statusCode : 409, message: engineText });
  switch (statusCode) {
    case 304:
      return new ORPCError('NOT_MODIFIED', { status: 409, message: engineText });
    case 404:
      return new ORPCError('NOT_FOUND', { status: 404, message: engineText });
    case 409:
      return new ORPCError('CONFLICT', { status: 409, message: engineText });
    default:
      return new ORPCError('ENGINE_ERROR', { status: 500, message: engineText });
  }
}

/** Engine refusals common enough to deserve their own sentence. */
export function specificEngineError(engineText: string): string | undefined {
  if (/port is already allocated|address already in use/i.test(engineText)) return 'PORT_IN_USE';
  if (/No such image/i.test(engineText)) return 'IMAGE_NOT_FOUND';
  if (/is already in use by container/i.test(engineText)) return 'NAME_TAKEN';
  if (/Minimum memory limit/i.test(engineText)) return 'MEMORY_TOO_LOW';
  if (/is not running/i.test(engineText)) return 'NOT_RUNNING';
  // Another window (or a terminal) is removing it: "marked for removal", "removal … already in progress".
  if (/marked for removal|removal of container .* is already in progress/i.test(engineText)) return 'BEING_REMOVED';
  if (/executable file not found|no such file or directory/i.test(engineText)) return 'COMMAND_NOT_FOUND';
  return undefined;
}

export async function engineCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toRpcError(error);
  }
}
