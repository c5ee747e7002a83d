import fs from 'node:fs';
import path from 'node:path';
import { isSecretName } from '../api/secret-names';

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

/*
 * Redaction runs over text that a stranger may have written (a refused
 * request's URL, an engine or registry error), so every pattern is linear:
 * each starts only where a name, scheme or quote starts (a lookbehind), every
 * quantifier is bounded, and no lazy prefix scans a long run from every
 * position (the old `[\w.-]*?password` did, and 16 KB took half a second).
 */
/** A name (env, JSON key, query parameter, flag), whole: not inside a longer run. */
const NAME = String.raw`(?<![\w.-])([\w.-]{1,128})(?![\w.-])`;
const HEADER = String.raw`(?:proxy-)?authorization|x-registry-auth|x-registry-config|set-cookie|cookie`;
const SEPARATOR = String.raw`(["']?\s{0,8}[:=]\s{0,8})`;
const MAX_VALUE = 4096;

/** Patterns whose match is replaced by a fixed text. */
const PATTERNS: [RegExp, string][] = [
  // TLS and SSH private keys, whole (or to the end if cut short).
  [/-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g, '[redacted private key]'],
  // Headers (raw or as JSON keys): everything up to the end of the line or the closing quote.
  [new RegExp(String.raw`(?<![\w-])(${HEADER})${SEPARATOR}"(?:[^"\\\r\n]|\\.){0,${MAX_VALUE}}"?`, 'gi'), `$1$2"${REDACTED}"`],
  [new RegExp(String.raw`(?<![\w-])(${HEADER})${SEPARATOR}(?!["'\s]|\[redacted)[^\r\n"]{1,${MAX_VALUE}}`, 'gi'), `$1$2${REDACTED}`],
  // A bare JWT (header.payload.signature), wherever it is.
  [/(?<![\w-])eyJ[\w-]{4,4096}\.eyJ[\w-]{4,8192}\.[\w-]{0,4096}/g, REDACTED],
  // user:password@ in URLs (tcp://, ssh://, http://).
  [/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/@:]{1,256}):[^\s/@]{1,256}@/gi, `$1:${REDACTED}@`],
];

/** `'DB_PASSWORD=with space'`, `"TOKEN=a b"`: a shell-quoted assignment, value up to its closing quote. */
const QUOTED_ASSIGNMENT = new RegExp(String.raw`(?<![\w.-])(["'])([\w.-]{1,128})=((?:(?!\1)[^\r\n]){1,${MAX_VALUE}})\1`, 'g');
/** name=value, "name": "value", ?name=value, NAME: 'value': found name first, the value taken only after a secret's name. */
const NAME_AND_SEPARATOR = new RegExp(`${NAME}${SEPARATOR}`, 'g');
const VALUE = new RegExp(
  String.raw`"(?:[^"\\\r\n]|\\.){0,${MAX_VALUE}}"?|'[^'\r\n]{0,${MAX_VALUE}}'?|(?!\[redacted)[^\s"'&,;}\]]{1,${MAX_VALUE}}`,
  'y',
);

/** Replaces the values of secret-named names. A name that is not a secret's is stepped over, so its value is still searched. */
function redactNamedValues(text: string): string {
  let result = '';
  let copied = 0;
  NAME_AND_SEPARATOR.lastIndex = 0;
  for (let found = NAME_AND_SEPARATOR.exec(text); found; found = NAME_AND_SEPARATOR.exec(text)) {
    const valueStart = NAME_AND_SEPARATOR.lastIndex;
    if (!isSecretName(found[1])) {
      NAME_AND_SEPARATOR.lastIndex = found.index + found[1].length;
      continue;
    }
    VALUE.lastIndex = valueStart;
    const value = VALUE.exec(text);
    if (!value) continue;
    const quote = value[0][0] === '"' || value[0][0] === "'" ? value[0][0] : '';
    result += `${text.slice(copied, valueStart)}${quote}${REDACTED}${quote}`;
    copied = VALUE.lastIndex;
    NAME_AND_SEPARATOR.lastIndex = copied;
  }
  return result + text.slice(copied);
}

/** CAIS_LOG_MAX_BYTES: the rotation size, for tests and for machines short of disk; undefined: the default. */
export function logMaxBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = Number(env.CAIS_LOG_MAX_BYTES);
  return env.CAIS_LOG_MAX_BYTES && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Removes secrets from text that is about to be logged. `secrets` are exact values (at least 6 characters). */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  result = result.replace(QUOTED_ASSIGNMENT, (match, quote: string, name: string) => (isSecretName(name) ? `${quote}${name}=${REDACTED}${quote}` : match));
  return redactNamedValues(result);
}

const SECRET_KEY_NAME = new RegExp(String.raw`^(?:${HEADER})$`, 'i');

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
    return JSON.stringify(detail, (key, value: unknown) => (key && (isSecretName(key) || SECRET_KEY_NAME.test(key)) ? REDACTED : value)) ?? String(detail);
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
  /** The run's first info line ("Cais … starting"): every file after a rotation begins with it again. */
  private startLine: string | undefined;

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
    if (this.startLine === undefined && level === 'info') this.startLine = line;
    this.options.echo?.(line.trimEnd());
    if (this.failed) return;
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      const size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) {
        this.rotate();
        // However much is written later (a flood of refused requests), the start line stays in the log.
        if (this.startLine && this.startLine !== line) fs.appendFileSync(this.file, this.startLine, { mode: 0o600 });
      }
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
