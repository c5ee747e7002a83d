#!/usr/bin/env node
/*
 * `npm start`: runs Electron on the built app (out/, made by electron-vite).
 * Where Electron cannot be had (its binary cannot be downloaded, or was never, or there is no
 * display to show a window on), it runs the browser version instead, as `npm run web` does:
 * one sentence says why, the web host prints its address, and the default browser opens it.
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
 *   CAIS_NO_BROWSER=1                   in the browser version, print the address but open no browser
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

/** `{ binary }` when Electron can run, else `{ why }` (a clause saying why not). */
async function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return { why: 'Electron is not installed (run `npm install` for the desktop window)' };

  let found = findElectronBinary(dir);
  if (found.binary) return { binary: found.binary };

  const skipped = Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD);
  let why = found.reason;
  if (!skipped) {
    console.error(`Cais: ${found.reason}; downloading it now, one time (up to ${downloadTimeoutMs() / 1000} s)…`);
    const failure = await downloadElectron(dir);
    found = findElectronBinary(dir);
    if (found.binary) return { binary: found.binary };
    why = failure ?? found.reason;
  }
  return {
    why: skipped
      ? `Electron's binary is not here and ELECTRON_SKIP_BINARY_DOWNLOAD is set`
      : `Electron's binary could not be downloaded (${why})`,
  };
}

/**
 * Opens the address in the default browser where there is one; any failure is ignored (the
 * address is printed anyway). On Linux only with a display: without one, xdg-open could start a
 * text browser in this terminal.
 */
function openBrowser(url) {
  if (process.env.CAIS_NO_BROWSER) return;
  let command;
  let args;
  let verbatim = false;
  if (process.platform === 'darwin') [command, args] = ['open', [url]];
  else if (process.platform === 'win32') [command, args, verbatim] = ['cmd', ['/d', '/s', '/c', `start "" "${url}"`], true];
  else if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) [command, args] = ['xdg-open', [url]];
  else return;
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the address is on screen.
  }
}

/**
 * The browser version in place of the desktop window: `node out/main/web.js`, its output passed
 * through, its address opened in the default browser. Ctrl+C stops it as it stops `npm run web`.
 */
function runWeb(why) {
  const entry = path.join(root, 'out/main/web.js');
  if (!fs.existsSync(entry)) {
    fail([`${why}, and the browser version is not built either (out/main/web.js is missing). Run \`npm run build\` first.`]);
  }
  console.error(`Cais: ${why}, so Cais runs in your browser instead, as \`npm run web\` does.`);
  const child = spawn(process.execPath, [entry], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  let opened = false;
  let partial = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const address = line.trim();
      if (!opened && /^https?:\/\/\S+$/.test(address)) {
        opened = true;
        openBrowser(address);
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail([`the browser version could not start: ${error.message}`]));
  child.on('close', (code, signal) => {
    if (code !== null) process.exit(code);
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  });
}

/** Why Electron cannot show a window here although its binary is on disk, or undefined. */
function noDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return 'there is no display to show a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)';
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

const electron = await electronBinary();
const why = electron.why ?? noDisplay();
if (why) runWeb(why);
else run(electron.binary);
