import fs from 'node:fs';
import path from 'node:path';

/**
 * Cais's own log file, for troubleshooting: append-only lines in the app's
 * logs folder, rotated by size (cais.log, cais.1.log … the oldest dropped),
 * every line passed through `redact` first so no secret reaches the disk.
 * Pure Node: the Electron main process and the web host both use it.
 */

export type LogLevel = 'info' | 'warn' | 'error';

/** What the rest of the app needs of a log (the server takes this, not the file). */
export interface LogSink {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** A value that must never be written, e.g. the web host's per-start token. */
  addSecret(secret: string): void;
}

export interface AppLogOptions {
  /** The logs folder; created when missing. */
  dir: string;
  fileName?: string;
  /** Rotate once the file would grow past this many bytes. */
  maxBytes?: number;
  /** Files kept in all, the current one included. */
  maxFiles?: number;
  now?: () => Date;
  /** Also prints each line (to stderr while developing). */
  echo?: (line: string) => void;
}

export const LOG_FILE = 'cais.log';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_FILES = 5;
/** One entry never takes more than this (a huge error body is cut). */
const MAX_ENTRY_CHARS = 16 * 1024;
const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear: JSON, headers, query strings, env. */
const SECRET_KEY = String.raw`[\w.-]*?(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|passphrase|credentials?|auth)`;
const HEADER = String.raw`(?:proxy-)?authorization|x-registry-auth|x-registry-config|set-cookie|cookie`;
const SEPARATOR = String.raw`["']?\s*[:=]\s*`;
/** An unquoted value that is not already redacted. */
const UNQUOTED = String.raw`(?!["'\s]|\[redacted)`;

const PATTERNS: [RegExp, string][] = [
  // TLS and SSH private keys, whole (or to the end if cut short).
  [/-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g, '[redacted private key]'],
  // Headers (raw or as JSON keys): everything up to the end of the line or the closing quote.
  [new RegExp(String.raw`\b(${HEADER})(${SEPARATOR})(")(?:[^"\\]|\\.)*"`, 'gi'), `$1$2$3${REDACTED}"`],
  [new RegExp(String.raw`\b(${HEADER})(${SEPARATOR})${UNQUOTED}[^\r\n"]+`, 'gi'), `$1$2${REDACTED}`],
  // password=…, "token": "…", ?token=…, DOCKER_PASSWORD=…, "auth": "…"
  [new RegExp(String.raw`\b(${SECRET_KEY})(${SEPARATOR})(")(?:[^"\\]|\\.)*"`, 'gi'), `$1$2$3${REDACTED}"`],
  [new RegExp(String.raw`\b(${SECRET_KEY})(${SEPARATOR})(')(?:[^'\\]|\\.)*'`, 'gi'), `$1$2$3${REDACTED}'`],
  [new RegExp(String.raw`\b(${SECRET_KEY})(${SEPARATOR})${UNQUOTED}[^\s"'&,;}\]]+`, 'gi'), `$1$2${REDACTED}`],
  // user:password@ in URLs (tcp://, ssh://, http://).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/@:]+):[^\s/@]+@/gi, `$1:${REDACTED}@`],
];

/** CAIS_LOG_MAX_BYTES: the rotation size, for tests and for machines short of disk; undefined: the default. */
export function logMaxBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = Number(env.CAIS_LOG_MAX_BYTES);
  return env.CAIS_LOG_MAX_BYTES && Number.isFinite(value) && value > 0 ? value : undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes secrets from text that is about to be logged. `secrets` are exact values (at least 6 characters). */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 6) result = result.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

const SECRET_KEY_NAME = new RegExp(String.raw`^(?:${SECRET_KEY}|${HEADER})$`, 'i');

/** An error as its stack (message included) and code; anything else as JSON with secret-named keys masked. */
export function formatDetail(detail: unknown): string {
  if (detail instanceof Error) {
    const code = (detail as { code?: unknown }).code;
    const head = detail.stack ?? `${detail.name}: ${detail.message}`;
    const cause = detail.cause === undefined ? '' : `\ncaused by: ${formatDetail(detail.cause)}`;
    return `${head}${typeof code === 'string' || typeof code === 'number' ? ` [${code}]` : ''}${cause}`;
  }
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail, (key, value: unknown) => (key && SECRET_KEY_NAME.test(key) ? REDACTED : value)) ?? String(detail);
  } catch {
    return String(detail);
  }
}

export class AppLog implements LogSink {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly secrets = new Set<string>();
  private failed = false;

  constructor(private readonly options: AppLogOptions) {
    this.file = path.join(options.dir, options.fileName ?? LOG_FILE);
    this.maxBytes = Math.max(256, options.maxBytes ?? DEFAULT_MAX_BYTES);
    this.maxFiles = Math.max(1, Math.floor(options.maxFiles ?? DEFAULT_MAX_FILES));
  }

  /** False once a write failed (a read-only or full disk): the log then goes to stderr only. */
  get writable(): boolean {
    return !this.failed;
  }

  addSecret(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  info(message: string, detail?: unknown): void {
    this.write('info', message, detail);
  }

  warn(message: string, detail?: unknown): void {
    this.write('warn', message, detail);
  }

  error(message: string, detail?: unknown): void {
    this.write('error', message, detail);
  }

  /** The files that exist, newest first. */
  files(): string[] {
    return Array.from({ length: this.maxFiles }, (_, index) => this.rotated(index)).filter((file) => fs.existsSync(file));
  }

  private rotated(index: number): string {
    if (index === 0) return this.file;
    const { dir, name, ext } = path.parse(this.file);
    return path.join(dir, `${name}.${index}${ext}`);
  }

  private format(level: LogLevel, message: string, detail: unknown): string {
    const time = (this.options.now?.() ?? new Date()).toISOString();
    let text = detail === undefined ? message : `${message}\n${formatDetail(detail)}`;
    if (text.length > MAX_ENTRY_CHARS) text = `${text.slice(0, MAX_ENTRY_CHARS)}… (cut)`;
    // Continuation lines are indented, so every entry starts with its time.
    const [first, ...rest] = redact(text, this.secrets).split(/\r?\n/);
    return [`${time} ${level.toUpperCase().padEnd(5)} ${first}`, ...rest.map((line) => `    ${line}`)].join('\n') + '\n';
  }

  private write(level: LogLevel, message: string, detail: unknown): void {
    const line = this.format(level, message, detail);
    this.options.echo?.(line.trimEnd());
    if (this.failed) return;
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      const size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      fs.appendFileSync(this.file, line, { mode: 0o600 });
    } catch (error) {
      // Logging must never take the app down; say it once, where someone may see it.
      this.failed = true;
      process.stderr.write(`Cais: cannot write the log file ${this.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  /** cais.log → cais.1.log → cais.2.log …; the oldest beyond maxFiles is deleted. */
  private rotate(): void {
    fs.rmSync(this.rotated(this.maxFiles - 1), { force: true });
    for (let index = this.maxFiles - 2; index >= 0; index -= 1) {
      const from = this.rotated(index);
      if (fs.existsSync(from)) fs.renameSync(from, this.rotated(index + 1));
    }
  }
}
