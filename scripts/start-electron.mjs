#!/usr/bin/env node
/*
 * `npm start`: runs Electron on the built app (out/, made by electron-vite).
 *
 * We do not `import 'electron'`: its index.js downloads the binary the first
 * time and throws a stack trace when it cannot (offline machines, blocked
 * networks). Instead we look for the binary the way that index.js does
 * (path.txt names it inside dist/), try the download ourselves only when it is
 * missing, bound it in time, and explain what to do when it fails.
 *
 * e2e/support/electron-binary.ts repeats the detection below for the
 * Playwright spec; keep the two in step.
 *
 * Environment:
 *   ELECTRON_SKIP_BINARY_DOWNLOAD=1     never try to download (Electron's own switch)
 *   CAIS_ELECTRON_DOWNLOAD_TIMEOUT=300  give up the download after this many seconds
 *   ELECTRON_MIRROR, ELECTRON_OVERRIDE_DIST_PATH, electron_config_cache: as in Electron's docs
 * Extra arguments are passed to Electron: `npm start -- --no-sandbox`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DOWNLOAD_TIMEOUT_S = 300;

/** Prints a short explanation (no stack trace) and exits non-zero. */
function fail(lines) {
  console.error(['', ...lines.map((line, i) => (i === 0 ? `Cais: ${line}` : `  ${line}`))].join('\n'));
  process.exit(1);
}

/** node_modules/electron, found without running its index.js. */
function electronPackageDir() {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The executable's path inside dist/ on this platform, as Electron's install.js writes it to path.txt. */
function platformExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** `{ binary }` when Electron's executable is on disk, else `{ reason }`. Never downloads. */
function findElectronBinary(dir) {
  const pathFile = path.join(dir, 'path.txt');
  const named = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, named || platformExecutable());
    return fs.existsSync(binary)
      ? { binary }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!named) return { reason: `Electron's binary was never downloaded (${path.relative(root, pathFile)} is missing)` };
  const binary = path.join(dir, 'dist', named);
  return fs.existsSync(binary)
    ? { binary }
    : { reason: `Electron's binary is missing (${path.relative(root, binary)} does not exist)` };
}

function downloadTimeoutMs() {
  const seconds = Number(process.env.CAIS_ELECTRON_DOWNLOAD_TIMEOUT);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_DOWNLOAD_TIMEOUT_S) * 1000;
}

/**
 * Runs Electron's own install.js (what its index.js would do), with its output
 * captured so a failure becomes one line instead of a stack trace.
 * Resolves to undefined on success, or to the reason it failed.
 */
function downloadElectron(dir) {
  const timeout = downloadTimeoutMs();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout,
      killSignal: 'SIGKILL',
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // Ctrl-C during the download stops it and us, quietly.
    const stop = (signal) => {
      child.kill('SIGKILL');
      process.exit(128 + os.constants.signals[signal]);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (code === 0) return resolve(undefined);
      if (signal) return resolve(`no download after ${timeout / 1000} s (CAIS_ELECTRON_DOWNLOAD_TIMEOUT)`);
      // The first line of the stack trace is the error itself, e.g. "TypeError: fetch failed".
      const first = output
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line && !line.startsWith('at '));
      resolve(first ? first.replace(/^\w*Error: /, '') : `the installer exited with code ${code}`);
    });
  });
}

async function electronBinaryOrExit() {
  const dir = electronPackageDir();
  if (!dir) fail(['Electron is not installed. Run `npm install` first.', '`npm run web` runs the same UI in a browser.']);

  let found = findElectronBinary(dir);
  if (found.binary) return found.binary;

  const skipped = Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD);
  let why = found.reason;
  if (!skipped) {
    console.error(`Cais: ${found.reason}; downloading it now, one time (up to ${downloadTimeoutMs() / 1000} s)…`);
    const failure = await downloadElectron(dir);
    found = findElectronBinary(dir);
    if (found.binary) return found.binary;
    why = failure ?? found.reason;
  }
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  fail([
    skipped
      ? `${why}, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.`
      : `Electron's binary could not be downloaded (no internet access?): ${why}.`,
    '`npm run web` runs the same UI in a browser instead.',
    `To get Electron ${version}: run \`npx install-electron\` with internet access,`,
    'or set ELECTRON_MIRROR to a mirror you can reach and run `npm start` again.',
  ]);
}

function run(binary) {
  if (!fs.existsSync(path.join(root, 'out/main/main.js'))) {
    fail(['the app is not built (out/main/main.js is missing). Run `npm run build` first.']);
  }
  const env = { ...process.env };
  // Set by some terminals (VS Code's); it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit', windowsHide: false });

  let closed = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!closed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    closed = true;
    fail([`Electron could not start: ${error.message}`, '`npm run web` runs the same UI in a browser.']);
  });
  child.on('close', (code, signal) => {
    closed = true;
    if (code !== null) process.exit(code);
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  });
}

run(await electronBinaryOrExit());
