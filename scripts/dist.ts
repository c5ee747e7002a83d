/*
 * `npm run dist`: electron-builder, with its failure to download explained in one sentence.
 *
 * electron-builder downloads Electron for each target and its packaging tools (AppImage, fpm,
 * NSIS…) the first time. Without internet access it retries for about a minute and then prints a
 * raw `RequestError` stack trace. This wrapper passes its progress lines through as they come,
 * holds back its error report, and when the failure is a download it prints one sentence that
 * says so and where to read how to package offline (docs/packaging.md), then exits non-zero.
 * Any other failure is printed in full, exactly as electron-builder wrote it.
 *
 * Arguments are passed to electron-builder: `npm run dist -- --linux AppImage`.
 * CAIS_DIST_BUILDER names another script to run instead of electron-builder's CLI (for tests).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Error codes and texts of a download that could not reach its server. */
const DOWNLOAD_FAILURE =
  /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ESOCKETTIMEDOUT|EPROTO|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)\b|getaddrinfo|RequestError|HTTPError|socket hang up|fetch failed|Response code \d{3}/;

/** A line of a stack trace, which a user never needs to see for a download failure. */
const STACK_LINE = /^\s+at\s/;

/**
 * When electron-builder's output shows that it failed to download something, the short reason
 * (e.g. "getaddrinfo ENOTFOUND github.com"); otherwise undefined.
 */
export function downloadFailure(output: string): string | undefined {
  const lines = output.split(/\r?\n/);
  // electron-builder reports its failure on a line that starts with "⨯", followed by the fields
  // "failedTask=… stackTrace=…"; the message before them is the reason.
  const report = lines.find((line) => line.trimStart().startsWith('⨯'));
  const candidates = report ? [report] : lines.filter((line) => !STACK_LINE.test(line));
  const hit = candidates.find((line) => DOWNLOAD_FAILURE.test(line));
  if (!hit) return undefined;
  const reason = hit
    .trimStart()
    .replace(/^⨯\s*/, '')
    .replace(/\s+(?:failedTask|stackTrace)=.*$/, '')
    .replace(/^(?:\w*Error:\s*)+/, '')
    .trim();
  return reason.slice(0, 200) || 'a download failed';
}

/** The one sentence printed when the installer could not be built for want of a download. */
export function offlineSentence(reason: string): string {
  return (
    `Cais: npm run dist could not download Electron or electron-builder's packaging tools (${reason}); ` +
    'without internet access, give it a pre-downloaded Electron as docs/packaging.md explains.'
  );
}

function builderCommand(): string {
  const custom = process.env.CAIS_DIST_BUILDER;
  if (custom) return path.resolve(custom);
  return createRequire(path.join(root, 'package.json')).resolve('electron-builder/cli.js');
}

function main(): void {
  const child = spawn(process.execPath, [builderCommand(), ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  let output = '';
  /** From electron-builder's error report on: held back until we know what failed. */
  let held: { stream: NodeJS.WriteStream; text: string }[] | undefined;

  function pass(from: NodeJS.ReadableStream, stream: NodeJS.WriteStream) {
    let partial = '';
    const write = (line: string) => {
      output = (output + line + '\n').slice(-64_000);
      if (!held && (line.trimStart().startsWith('⨯') || STACK_LINE.test(line))) held = [];
      if (held) held.push({ stream, text: `${line}\n` });
      else stream.write(`${line}\n`);
    };
    from.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(write);
    });
    from.on('end', () => {
      if (partial) write(partial);
      partial = '';
    });
  }
  pass(child.stdout, process.stdout);
  pass(child.stderr, process.stderr);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Cais: electron-builder could not be started: ${error.message}`);
    process.exit(1);
  });
  child.on('close', (code) => {
    const reason = code === 0 ? undefined : downloadFailure(output);
    if (reason) console.error(offlineSentence(reason));
    else for (const { stream, text } of held ?? []) stream.write(text);
    // Killed by a signal (Ctrl+C): code is null, still a failure.
    process.exit(code ?? 1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
