import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, hashedName, knownHostsName, knownHostsPath, parseScan, parseSshConfig } from './ssh-host-keys';

const ED = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

describe('known_hosts as ssh writes it', () => {
  it('reads what ssh -G resolves (config aliases, port, files, hashing, proxies)', () => {
    const resolved = parseSshConfig('hostname 10.0.0.5\nport 2222\nuserknownhostsfile /home/ana/.ssh/known_hosts /home/ana/.ssh/known_hosts2\nhashknownhosts yes\nhostkeyalgorithms ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512\nproxyjump bastion\n');
    expect(resolved).toMatchObject({ hostname: '10.0.0.5', port: 2222, hashKnownHosts: true, proxied: true, knownHostsFiles: ['/home/ana/.ssh/known_hosts', '/home/ana/.ssh/known_hosts2'] });
    expect(knownHostsName(resolved)).toBe('[10.0.0.5]:2222');
    expect(knownHostsName({ ...resolved, port: 22 })).toBe('10.0.0.5');
    expect(knownHostsName({ ...resolved, hostKeyAlias: 'prod' })).toBe('prod');
  });

  it("fingerprints a key as ssh-keygen -l does, and orders scanned keys by ssh's preference", () => {
    expect(fingerprintOf(ED)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const keys = parseScan(`# 127.0.0.1:22 SSH-2.0-OpenSSH\n[h]:2 ssh-rsa AAAAB3NzaC1yc2E=\n[h]:2 ssh-ed25519 ${ED}\n`, ['ssh-ed25519', 'rsa-sha2-512']);
    expect(keys.map((key) => key.type)).toEqual(['ssh-ed25519', 'ssh-rsa']);
  });

  it('hashes a name as HashKnownHosts does', () => {
    const salt = Buffer.alloc(20, 7);
    const hashed = hashedName('[127.0.0.1]:2222', salt);
    expect(hashed).toBe(`|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[127.0.0.1]:2222').digest('base64')}`);
  });

  it("writes under the home the ssh processes get (HOME), which is the account's home except when set apart", () => {
    expect(knownHostsPath('~/.ssh/known_hosts', '/home/ana', '/home/ana')).toBe('/home/ana/.ssh/known_hosts');
    expect(knownHostsPath('/home/ana/.ssh/known_hosts', '/home/ana', '/home/ana')).toBe('/home/ana/.ssh/known_hosts');
    expect(knownHostsPath('/root/.ssh/known_hosts', '/sandbox/home', '/root')).toBe('/sandbox/home/.ssh/known_hosts');
    expect(knownHostsPath('/etc/ssh/team_known_hosts', '/sandbox/home', '/root')).toBe('/etc/ssh/team_known_hosts');
  });
});
