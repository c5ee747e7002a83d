import { formatFileSize } from '../../i18n/format';

/** "1.5 MB" in the user's language (decimal units, as file managers show). */
export function formatBytes(bytes: number, language: string): string {
  return formatFileSize(bytes, language);
}

/** 0o4755 → "rwsr-xr-x", as `ls -l` shows it (with a type letter in front). */
export function formatMode(mode: number, type: 'file' | 'directory' | 'symlink' | 'other'): string {
  const letter = type === 'directory' ? 'd' : type === 'symlink' ? 'l' : type === 'other' ? '?' : '-';
  const triplet = (bits: number, special: boolean, specialChar: string) => {
    const r = bits & 4 ? 'r' : '-';
    const w = bits & 2 ? 'w' : '-';
    const x = bits & 1 ? (special ? specialChar : 'x') : special ? specialChar.toUpperCase() : '-';
    return r + w + x;
  };
  return (
    letter +
    triplet((mode >> 6) & 7, Boolean(mode & 0o4000), 's') +
    triplet((mode >> 3) & 7, Boolean(mode & 0o2000), 's') +
    triplet(mode & 7, Boolean(mode & 0o1000), 't')
  );
}

/** The parent folder of a volume path ("" is the root). */
export function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index === -1 ? '' : path.slice(0, index);
}

/** A default backup file name: NAME-2026-11-23-1054.tar.gz */
export function backupFileName(volume: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${volume}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.tar.gz`;
}

/** "a=b\nc=d" → { a: 'b', c: 'd' }; returns the bad line when one has no "=". */
export function parseLabels(text: string): { labels: Record<string, string> } | { badLine: string } {
  const labels: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const index = line.indexOf('=');
    const key = line.slice(0, index).trim();
    if (index <= 0 || !key || /\s/.test(key)) return { badLine: line };
    labels[key] = line.slice(index + 1).trim();
  }
  return { labels };
}
