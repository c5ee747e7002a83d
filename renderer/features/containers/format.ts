import type { PublishedPort } from '../../../electron/api/schemas';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" / "há 3 minutos" from a Unix time in seconds. */
export function relativeTime(unixSeconds: number, language: string, nowMs = Date.now()): string {
  const diff = unixSeconds - nowMs / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const index = UNITS.findIndex(([, size]) => Math.abs(diff) >= size);
  let [unit, size] = UNITS[index === -1 ? UNITS.length - 1 : index];
  let value = Math.round(diff / size);
  // Rounding can reach the next unit up: 59.6 s reads "1 minute", not "60 seconds".
  const larger = UNITS[UNITS.findIndex(([name]) => name === unit) - 1];
  if (larger && Math.abs(value) * size >= larger[1]) {
    [unit, size] = larger;
    value = Math.sign(diff) * Math.max(1, Math.round(Math.abs(diff) / size));
  }
  return format.format(value, unit);
}

/** The address a browser should open for a published port, when it is web-like. */
export function browserAddress(port: PublishedPort): string | undefined {
  if (port.publicPort === undefined || port.protocol !== 'tcp') return undefined;
  const host = !port.hostIp || port.hostIp === '0.0.0.0' || port.hostIp === '::' ? 'localhost' : port.hostIp;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port.publicPort}`;
}

/** "127.0.0.1:8080→80/tcp", as `docker ps` shows it. */
export function portLabel(port: PublishedPort): string {
  if (port.publicPort === undefined) return `${port.privatePort}/${port.protocol}`;
  const all = !port.hostIp || port.hostIp === '0.0.0.0' || port.hostIp === '::';
  const host = all ? '' : port.hostIp!.includes(':') ? `[${port.hostIp}]:` : `${port.hostIp}:`;
  return `${host}${port.publicPort}→${port.privatePort}/${port.protocol}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}
