import { formatBinaryBytes } from '../../i18n/format';
import type { PublishedPort } from '../../../electron/api/schemas';

export { relativeTime } from '../../i18n/format';

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

/** 1536 → "1.5 KiB" / "1,5 KiB": live figures in binary units, one decimal. */
export function formatBytes(bytes: number, language: string): string {
  return formatBinaryBytes(bytes, language, { fixed: true });
}
