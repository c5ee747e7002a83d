import { execFile } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostKeyOffer } from '../api/schemas';
import { CodedError } from './coded-error';
import { sshBaseOptions, SshConnectionError, type SshTarget } from './ssh-target';
import { SSH_PROGRAM, type SshEnv } from './ssh-transport';

/** What `ssh -G` says it would do for a target, after ~/.ssh/config. */
export interface SshResolved {
  hostname: string;
  port: number;
  hostKeyAlias?: string;
  knownHostsFiles: string[];
  hashKnownHosts: boolean;
  /** Host key algorithms in ssh's order of preference. */
  hostKeyAlgorithms: string[];
  /** Reached through another host (ProxyJump/ProxyCommand): ssh-keyscan cannot see its key. */
  proxied: boolean;
}

/** Parses the output of `ssh -G`. */
export function parseSshConfig(text: string): SshResolved {
  const values = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!match) continue;
    const key = match[1].toLowerCase();
    values.set(key, [...(values.get(key) ?? []), match[2]]);
  }
  const one = (key: string) => values.get(key)?.[0];
  const proxy = (key: string) => {
    const value = one(key);
    return Boolean(value && value !== 'none');
  };
  return {
    hostname: one('hostname') ?? '',
    port: Number(one('port') ?? 22),
    hostKeyAlias: one('hostkeyalias') && one('hostkeyalias') !== 'none' ? one('hostkeyalias') : undefined,
    knownHostsFiles: (one('userknownhostsfile') ?? '~/.ssh/known_hosts').split(/\s+/).filter(Boolean),
    hashKnownHosts: one('hashknownhosts') === 'yes',
    hostKeyAlgorithms: (one('hostkeyalgorithms') ?? '').split(',').filter(Boolean),
    proxied: proxy('proxyjump') || proxy('proxycommand'),
  };
}

/** The name a host's key is filed under in known_hosts, as ssh writes it. */
export function knownHostsName(resolved: SshResolved): string {
  if (resolved.hostKeyAlias) return resolved.hostKeyAlias;
  return resolved.port === 22 ? resolved.hostname : `[${resolved.hostname}]:${resolved.port}`;
}

/** SHA256:… of a key's base64 blob, as `ssh-keygen -l` prints it. */
export function fingerprintOf(keyBase64: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** A name hashed as ssh does with HashKnownHosts: |1|salt|HMAC-SHA1(salt, name). */
export function hashedName(name: string, salt: Buffer = randomBytes(20)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

export interface ScannedKey {
  type: string;
  key: string;
  fingerprint: string;
}

/** Keys from ssh-keyscan's output ("host type base64" lines), best first in ssh's order. */
export function parseScan(text: string, preferred: string[] = []): ScannedKey[] {
  const keys: ScannedKey[] = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 3 || parts[0].startsWith('#') || !/^[A-Za-z0-9+/]+=*$/.test(parts[2])) continue;
    keys.push({ type: parts[1], key: parts[2], fingerprint: fingerprintOf(parts[2]) });
  }
  const rank = (type: string) => {
    const names = type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type];
    const found = names.map((name) => preferred.indexOf(name)).filter((index) => index >= 0);
    return found.length ? Math.min(...found) : preferred.length + 1;
  };
  return keys.sort((a, b) => rank(a.type) - rank(b.type));
}

function run(program: string, args: string[], env: SshEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { env: env as NodeJS.ProcessEnv, timeout: timeoutMs, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new SshConnectionError('ssh-missing', `${program} is not on PATH.`));
        else reject(new Error(`${program}: ${String(stderr).trim() || error.message}`));
        return;
      }
      resolve(String(stdout));
    });
  });
}

/** What ssh would do for this target, from its own config parser (`ssh -G`). */
export async function resolveSsh(target: SshTarget, env: SshEnv): Promise<SshResolved> {
  return parseSshConfig(await run(SSH_PROGRAM, ['-G', ...sshBaseOptions(target), '--', target.host], env, 10_000));
}

/** The key an unknown host shows, read with ssh-keyscan; undefined when it cannot be read (a proxied host). */
export async function scanHostKey(target: SshTarget, env: SshEnv): Promise<(HostKeyOffer & { key: string; resolved: SshResolved }) | undefined> {
  const resolved = await resolveSsh(target, env);
  if (resolved.proxied || !resolved.hostname) return undefined;
  const output = await run('ssh-keyscan', ['-T', '5', '-p', String(resolved.port), '--', resolved.hostname], env, 15_000).catch(() => '');
  const best = parseScan(output, resolved.hostKeyAlgorithms)[0];
  if (!best) return undefined;
  return { knownAs: knownHostsName(resolved), type: best.type, fingerprint: best.fingerprint, key: best.key, resolved };
}

/**
 * ssh reads ~ from the account's home; Cais follows HOME, which is the same
 * place except where HOME is set apart on purpose (a sandbox, the tests).
 */
export function knownHostsPath(file: string, home: string, accountHome: string = os.userInfo().homedir): string {
  if (file.startsWith('~/')) return path.join(home, file.slice(2));
  if (accountHome && home !== accountHome && file.startsWith(`${accountHome}${path.sep}`)) return path.join(home, path.relative(accountHome, file));
  return file;
}

/**
 * Adds the key the user saw to the first known_hosts file ssh reads
 * (hashed when ssh hashes), after checking the server still shows that key.
 */
export async function trustHostKey(target: SshTarget, env: SshEnv, home: string, fingerprint: string): Promise<void> {
  const scanned = await scanHostKey(target, env);
  if (!scanned) throw new CodedError('HOST_KEY_UNREADABLE', `Could not read the host key of ${target.host}.`, { host: target.host });
  if (scanned.fingerprint !== fingerprint) {
    throw new CodedError('HOST_KEY_MISMATCH', `${target.host} now shows the key ${scanned.fingerprint}, not ${fingerprint}.`, {
      host: target.host,
      fingerprint: scanned.fingerprint,
    });
  }
  const file = knownHostsPath(scanned.resolved.knownHostsFiles[0] ?? '~/.ssh/known_hosts', home);
  const name = scanned.resolved.hashKnownHosts ? hashedName(scanned.knownAs) : scanned.knownAs;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let existing = '';
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    // a first known_hosts file
  }
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  fs.appendFileSync(file, `${separator}${name} ${scanned.type} ${scanned.key}\n`, { mode: 0o600 });
}
