import { formatDecimalBytes } from '../../i18n/format';

/** "12.3 MB" / "12,3 MB": decimal units, as the docker CLI shows sizes. */
export function formatBytes(bytes: number, language: string): string {
  return formatDecimalBytes(bytes, language);
}

/** The 12 hex digits `docker images` shows. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

export interface Rate {
  bytesPerSecond: number;
  /** Seconds left at the current average speed; undefined when unknown. */
  secondsLeft: number | undefined;
}

/** Average speed so far and the time left at that speed. */
export function transferRate(bytesDone: number, bytesTotal: number, elapsedMs: number): Rate {
  const seconds = elapsedMs / 1000;
  const bytesPerSecond = seconds > 0 ? bytesDone / seconds : 0;
  const remaining = Math.max(0, bytesTotal - bytesDone);
  return { bytesPerSecond, secondsLeft: bytesPerSecond > 0 && bytesTotal > 0 ? Math.ceil(remaining / bytesPerSecond) : undefined };
}

export interface ImageRow {
  key: string;
  /** What `docker` calls it: repo:tag, or the short id when untagged. */
  reference: string;
  repository: string;
  tag: string;
  id: string;
  size: number;
  created: number;
  /** How many containers use the image; undefined until the usage has arrived. */
  containers: number | undefined;
  dangling: boolean;
  /** Cais's own helper image. */
  caisOwn?: boolean;
}

/**
 * One row per name, as `docker images` lists them; an untagged image gets one
 * row by its id. `usage` (the images in use) fills in the container counts.
 */
export function imageRows(
  images: { id: string; repoTags: string[]; repoDigests: string[]; size: number; created: number; dangling: boolean; caisOwn?: boolean }[],
  usage?: { id: string; containers: string[] }[],
): ImageRow[] {
  const counts = usage && new Map(usage.map((entry) => [entry.id, entry.containers.length]));
  const rows: ImageRow[] = [];
  for (const image of images) {
    const containers = counts && (counts.get(image.id) ?? 0);
    const base = { id: image.id, size: image.size, created: image.created, containers, dangling: image.dangling, caisOwn: image.caisOwn };
    if (image.repoTags.length === 0) {
      const digestRepo = image.repoDigests[0]?.split('@')[0];
      rows.push({ ...base, key: image.id, reference: shortId(image.id), repository: digestRepo ?? '<none>', tag: '<none>' });
      continue;
    }
    for (const name of image.repoTags) {
      const colon = name.lastIndexOf(':');
      rows.push({ ...base, key: `${image.id}/${name}`, reference: name, repository: name.slice(0, colon), tag: name.slice(colon + 1) });
    }
  }
  return rows.sort((a, b) => b.created - a.created || a.reference.localeCompare(b.reference));
}

/** Case-insensitive match on name, tag or id. */
export function matchesFilter(row: ImageRow, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return row.reference.toLowerCase().includes(needle) || row.id.replace(/^sha256:/, '').startsWith(needle) || row.repository.toLowerCase().includes(needle);
}

/** Base64 of a chunk without blowing the call stack on big arrays. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
