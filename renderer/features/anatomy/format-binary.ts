import { formatBinaryBytes } from '../../i18n/format';

/** Limits are set in binary units (64m = 64 MiB), so they read back that way, in the UI's language. */
export function formatBinary(bytes: number, language: string): string {
  return formatBinaryBytes(bytes, language);
}
