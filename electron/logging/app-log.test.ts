import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDirsPerTest } from '../../e2e/support/temp-dirs';
import { AppLog, formatDetail, logMaxBytesFromEnv, redact } from './app-log';

const tempDir = tempDirsPerTest('cais-log-');
afterEach(() => {
  vi.restoreAllMocks();
});

const KEY = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAsecretkeymaterial', 'c2VjcmV0a2V5bWF0ZXJpYWw=', '-----END RSA PRIVATE KEY-----'].join('\n');

describe('redact', () => {
  it.each([
    ['the web host token in a URL', 'Listening on http://127.0.0.1:4000/?token=s3cr3tT0ken&lang=pt', 's3cr3tT0ken'],
    ['a password in JSON', '{"username":"ana","password":"hunter 2","serveraddress":"r.io"}', 'hunter 2'],
    ['a password in env form', 'env: MYSQL_ROOT_PASSWORD=hunter2 FOO=bar', 'hunter2'],
    ['an X-Registry-Auth header', 'X-Registry-Auth: eyJ1c2VybmFtZSI6ImFuYSJ9', 'eyJ1c2VybmFtZSI6ImFuYSJ9'],
    ['an X-Registry-Auth header as JSON', '{"headers":{"X-Registry-Auth":"eyJhIjoiYiJ9"}}', 'eyJhIjoiYiJ9'],
    ['an Authorization header', 'authorization: Bearer abc.def.ghi', 'abc.def.ghi'],
    ['a Basic Authorization header', 'Authorization: Basic YW5hOmh1bnRlcjI=', 'YW5hOmh1bnRlcjI='],
    ['a cookie', 'cookie: cais-token=zzzsecretzzz', 'zzzsecretzzz'],
    ['a TLS private key', `key loaded:\n${KEY}\nthen more`, 'secretkeymaterial'],
    ['a private key cut short', `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANsecretstart`, 'secretstart'],
    ['a password in a URL', 'DOCKER_HOST=tcp://ana:hunter2@10.0.0.2:2376', 'hunter2'],
    ['an identity token', '{"IdentityToken":"idtok-123456"}', 'idtok-123456'],
    ['docker config auth', '{"auths":{"r.io":{"auth":"YW5hOmh1bnRlcjI="}}}', 'YW5hOmh1bnRlcjI='],
  ])('removes %s', (_what, line, secret) => {
    const result = redact(line);
    expect(result).not.toContain(secret);
    expect(result).toContain('[redacted');
  });

  it.each([
    ['DB_PASS', 'env DB_PASS=hunter2 FOO=bar', 'hunter2'],
    ['SESSION_KEY', '{"SESSION_KEY": "k3y-value"}', 'k3y-value'],
    ['a *_KEY in a query', 'GET /x?stripe_key=sk_live_abc&y=1', 'sk_live_abc'],
    ['a *_PAT', 'GITHUB_PAT=ghp_abcdefghijkl', 'ghp_abcdefghijkl'],
    ['a flag with a secret name', 'docker login --password=hunter2 r.io', 'hunter2'],
    ['a bare JWT', 'failed with eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl in the body', 'eyJzdWIiOiJhbmEifQ'],
  ])('removes %s', (_what, line, secret) => {
    const result = redact(line);
    expect(result).not.toContain(secret);
    expect(result).toContain('[redacted');
  });

  it('removes a quoted value with spaces whole', () => {
    expect(redact("docker run -e 'DB_PASSWORD=with space' nginx")).toBe("docker run -e 'DB_PASSWORD=[redacted]' nginx");
    expect(redact('docker run -e "API_TOKEN=a b c" -e LANG=C nginx')).toBe('docker run -e "API_TOKEN=[redacted]" -e LANG=C nginx');
    expect(redact("-e 'GREETING=hello world'")).toBe("-e 'GREETING=hello world'");
  });

  it('takes time in proportion to the text, even for text written to be slow (64 KB against 8 KB)', () => {
    // Each piece defeated one of the old patterns: a long name run before a
    // secret word, a scheme-like run before ://, an unclosed quote, a JWT-like run.
    const piece = `a-a-a-a-a-a-a-a.b.c a://x:y password="\\ 'DB_PASS=x eyJ-eyJ-eyJabc.eyJ tcp://u:p authorization: "x `;
    const input = (size: number) => ('a-'.repeat(size / 4) + 'x:' + 'eyJ-'.repeat(size / 16) + piece.repeat(Math.ceil(size / piece.length))).slice(0, size);
    const small = input(8 * 1024);
    const large = input(64 * 1024);
    const fastest = (text: string) => {
      let best = Infinity;
      for (let round = 0; round < 7; round += 1) {
        const started = performance.now();
        redact(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    fastest(small); // warm up the regex engine
    const ratio = fastest(large) / fastest(small);
    // Linear is 8x; the old quadratic patterns made this 80x (5.6 s for the 64 KB).
    expect(ratio).toBeLessThan(16);
    expect(fastest(large)).toBeLessThan(500);
  });

  it('removes exact secrets it was given, wherever they appear', () => {
    expect(redact('bad request from a-very-secret-token-value', ['a-very-secret-token-value'])).toBe('bad request from [redacted]');
  });

  it('redacts a value once, whichever rule finds it first', () => {
    const line = 'Listening on http://127.0.0.1:5000/?token=abcdef123456\nAuthorization: abcdef123456';
    const once = redact(line, ['abcdef123456']);
    expect(once).toBe('Listening on http://127.0.0.1:5000/?token=[redacted]\nAuthorization: [redacted]');
    expect(redact(once, ['abcdef123456'])).toBe(once);
  });

  it('leaves ordinary text alone', () => {
    const line = 'Engine connected: unix:///var/run/docker.sock (Docker 27.3.1, API 1.47). The token was refused.';
    expect(redact(line)).toBe(line);
  });

  it('masks secret-named keys of logged objects', () => {
    const text = formatDetail({ user: 'ana', password: 'hunter2', nested: { Authorization: 'Bearer x', auth: 'abc' } });
    expect(text).toContain('"user":"ana"');
    expect(text).not.toMatch(/hunter2|Bearer x|abc/);
  });
});

describe('AppLog', () => {
  it('appends timestamped lines to cais.log, creating the folder', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = new AppLog({ dir, now: () => new Date('2025-01-02T03:04:05.000Z') });
    log.info('Cais 0.1.0 started');
    log.warn('Engine offline', new Error('connect ENOENT /var/run/docker.sock'));
    const text = fs.readFileSync(path.join(dir, 'cais.log'), 'utf8');
    expect(text).toMatch(/^2025-01-02T03:04:05\.000Z INFO {2}Cais 0\.1\.0 started\n/);
    expect(text).toContain('WARN  Engine offline\n    Error: connect ENOENT /var/run/docker.sock');
    // Continuation lines are indented: every entry starts with its time.
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(2025-| {4})/);
  });

  it('never lets a token or a password reach the file', () => {
    const dir = tempDir();
    const log = new AppLog({ dir });
    log.addSecret('per-start-token-0123456789');
    log.info('Listening on http://127.0.0.1:5000/?token=per-start-token-0123456789');
    log.error('Push failed', { headers: { 'X-Registry-Auth': 'eyJwYXNzd29yZCI6Imh1bnRlcjIifQ==' }, password: 'hunter2' });
    log.error('Could not read the TLS key', new Error(`bad key ${KEY}`));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain('Listening on http://127.0.0.1:5000/?token=[redacted]\n');
    expect(text).not.toMatch(/per-start-token|hunter2|eyJwYXNzd29yZCI6|secretkeymaterial/);
  });

  it('rotates past its size limit and keeps at most N files, the newest lines in cais.log', () => {
    const dir = tempDir();
    const log = new AppLog({ dir, maxBytes: 1000, maxFiles: 3 });
    log.info('Cais 0.1.0 starting');
    for (let index = 0; index < 100; index += 1) log.info(`line ${index} ${'x'.repeat(50)}`);
    expect(fs.readdirSync(dir).sort()).toEqual(['cais.1.log', 'cais.2.log', 'cais.log']);
    for (const file of log.files()) expect(fs.statSync(file).size).toBeLessThanOrEqual(1000);
    expect(fs.readFileSync(path.join(dir, 'cais.log'), 'utf8')).toContain('line 99 ');
    const oldest = fs.readFileSync(path.join(dir, 'cais.2.log'), 'utf8');
    const current = fs.readFileSync(path.join(dir, 'cais.log'), 'utf8');
    expect(Number(/line (\d+)/.exec(oldest)![1])).toBeLessThan(Number(/line (\d+)/.exec(current)![1]));
    expect(fs.readFileSync(path.join(dir, 'cais.2.log'), 'utf8')).not.toContain('line 0 '); // the oldest lines are gone
    // …but not the run's start line, which heads every file.
    for (const file of log.files()) expect(fs.readFileSync(file, 'utf8')).toMatch(/^\S+ INFO {2}Cais 0\.1\.0 starting\n/);
  });

  it('keeps the start line through a flood of later lines', () => {
    const dir = tempDir();
    const log = new AppLog({ dir, maxBytes: 2000, maxFiles: 2 });
    log.warn('Could not open something'); // not the start line: only an info line is
    log.info('Cais 9.9.9 web host starting; pid 42');
    for (let index = 0; index < 2000; index += 1) log.warn(`Refused GET /${index} from 127.0.0.1: no valid session`);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('INFO  Cais 9.9.9 web host starting; pid 42\n');
  });

  it('takes its size limit from CAIS_LOG_MAX_BYTES when that is a positive number', () => {
    expect(logMaxBytesFromEnv({ CAIS_LOG_MAX_BYTES: '2000' })).toBe(2000);
    expect(logMaxBytesFromEnv({ CAIS_LOG_MAX_BYTES: 'lots' })).toBeUndefined();
    expect(logMaxBytesFromEnv({})).toBeUndefined();
  });

  it('keeps writing after a restart, into the same file', () => {
    const dir = tempDir();
    new AppLog({ dir }).info('first run');
    new AppLog({ dir }).info('second run');
    expect(fs.readFileSync(path.join(dir, 'cais.log'), 'utf8')).toMatch(/first run\n.*second run\n$/);
  });

  it('never throws when the folder cannot be written; it says so once on stderr', () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = new AppLog({ dir: path.join(blocker, 'logs') });
    expect(() => {
      log.info('one');
      log.info('two');
    }).not.toThrow();
    expect(log.writable).toBe(false);
    expect(stderr).toHaveBeenCalledTimes(1);
  });
});
