/**
 * Every error code the host sends the window: the one list. The window turns a code into a
 * sentence from the `errors` section of its catalogues (renderer/components/ErrorNotice.tsx);
 * electron/server/error-codes.test.ts fails when a code is thrown that is not listed here, or
 * when a listed code has no sentence in English or Brazilian Portuguese.
 */
export const ERROR_CODES = [
  // The engine and its connection.
  'ENGINE_OFFLINE',
  'ENGINE_ERROR',
  'ENGINE_UNSUPPORTED',
  'ENGINE_UNKNOWN',
  'ENGINE_UNUSABLE',
  'HOST_KEY_MISMATCH',
  'HOST_KEY_UNREADABLE',
  'SESSION_ENDED',
  // The engine's answers to one request.
  'BAD_REQUEST',
  'CONFLICT',
  'NOT_FOUND',
  'NOT_MODIFIED',
  'NOT_RUNNING',
  'BEING_REMOVED',
  'NAME_TAKEN',
  'PORT_IN_USE',
  'NO_NETWORK',
  'COMMAND_NOT_FOUND',
  'MEMORY_TOO_LOW',
  'LIMIT_NOT_REMOVABLE',
  // Images, builds and registries.
  'IMAGE_IN_USE',
  'IMAGE_NOT_FOUND',
  'TAG_NOT_FOUND',
  'INVALID_REFERENCE',
  'LOAD_FAILED',
  'CONTEXT_NOT_FOUND',
  'CONTEXT_NOT_DIRECTORY',
  'DOCKERFILE_NOT_FOUND',
  'DOCKERFILE_OUTSIDE_CONTEXT',
  'INSECURE_REGISTRY',
  'LOGIN_REFUSED',
  'UNAUTHORIZED',
  'REGISTRY_UNREACHABLE',
  'SEARCH_NO_REGISTRIES',
  // Volumes and files.
  'VOLUME_EXISTS',
  'VOLUME_IN_USE',
  'VOLUME_NOT_EMPTY',
  'NOT_A_BACKUP',
  'NOT_A_FILE',
  'BINARY_FILE',
  'DESTINATION_EXISTS',
  'DESTINATION_MISSING',
  'DESTINATION_UNWRITABLE',
  'DISK_FULL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
