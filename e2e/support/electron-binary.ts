import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/*
 * Where Electron's executable is, found the way node_modules/electron/index.js
 * finds it (path.txt names it inside dist/) but without importing that file:
 * importing it downloads the binary when it is missing and throws when that
 * fails. The same detection as scripts/start-electron.mjs; keep them in step.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

function platformExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

function findElectronBinary(): { binary: string } | { reason: string } {
  let dir: string;
  try {
    dir = path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const named = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, named || platformExecutable());
    return fs.existsSync(binary) ? { binary } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!named) {
    return {
      reason: `Electron's binary was never downloaded (${path.relative(ROOT, pathFile)} is missing; no internet access?)`,
    };
  }
  const binary = path.join(dir, 'dist', named);
  return fs.existsSync(binary) ? { binary } : { reason: `Electron's binary is missing (${path.relative(ROOT, binary)} does not exist)` };
}

/** Why Electron cannot be launched here, or undefined when its binary is on disk. Never downloads. */
export function electronBinaryUnavailable(): string | undefined {
  const found = findElectronBinary();
  return 'reason' in found ? found.reason : undefined;
}

/** The executable to hand to Playwright's `_electron.launch`, so it never imports the electron package. */
export function electronBinaryPath(): string {
  const found = findElectronBinary();
  if ('reason' in found) throw new Error(found.reason);
  return found.binary;
}
