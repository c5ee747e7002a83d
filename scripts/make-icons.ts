import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Renders assets/icon.svg into every size the installers need and packs the
 * Windows .ico and macOS .icns (both hold PNGs, which Windows Vista+ and
 * macOS 10.7+ read). Needs `rsvg-convert` (Debian: librsvg2-bin). The results
 * are committed, so building an installer never needs this script.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SVG = path.join(ROOT, 'assets/icon.svg');
const OUT = path.join(ROOT, 'assets/icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** ICO entries: Windows picks among these for taskbar, Explorer and the installer. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS PNG entry types (Apple's codes) and their pixel size. */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
];

const pngPath = (size: number) => path.join(OUT, 'png', `${size}x${size}.png`);

export function packIco(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

export function packIcns(pngs: { type: string; data: Buffer }[]): Buffer {
  const chunks = pngs.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

function main(): void {
  fs.mkdirSync(path.join(OUT, 'png'), { recursive: true });
  for (const size of PNG_SIZES) {
    execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', pngPath(size), SVG]);
  }
  const read = (size: number) => fs.readFileSync(pngPath(size));
  fs.writeFileSync(path.join(OUT, 'icon.ico'), packIco(ICO_SIZES.map((size) => ({ size, data: read(size) }))));
  fs.writeFileSync(path.join(OUT, 'icon.icns'), packIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: read(size) }))));
  fs.copyFileSync(pngPath(512), path.join(OUT, 'icon.png'));
  console.log(`Icons written to ${path.relative(ROOT, OUT)}/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) main();
