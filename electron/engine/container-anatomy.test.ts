import { describe, expect, it } from 'vitest';
import { readNamespaces, type ProcView } from './container-anatomy';

const ID = 'c0ffee'.padEnd(64, '0');

function proc(files: Record<string, string>): ProcView {
  return { read: (file) => files[file], link: (file) => files[file] };
}

describe('readNamespaces', () => {
  it('reads each namespace and whether the host (pid 1) shares it', () => {
    const view = readNamespaces(
      4242,
      ID,
      proc({
        '/proc/4242/cgroup': `0::/system.slice/docker-${ID}.scope\n`,
        '/proc/4242/ns/net': 'net:[4026532001]',
        '/proc/1/ns/net': 'net:[4026531992]',
        '/proc/4242/ns/user': 'user:[4026531837]',
        '/proc/1/ns/user': 'user:[4026531837]',
      }),
    );
    expect(view.hostView).toBe('local');
    expect(view.namespaces).toEqual([
      { kind: 'net', id: 'net:[4026532001]', sharedWithHost: false },
      { kind: 'user', id: 'user:[4026531837]', sharedWithHost: true },
    ]);
    expect(view.cgroupPath).toBe(`/system.slice/docker-${ID}.scope`);
  });

  it('says "elsewhere" when the pid here is not this container (engine in a VM or remote)', () => {
    expect(readNamespaces(4242, ID, proc({ '/proc/4242/cgroup': '0::/user.slice\n' })).hostView).toBe('elsewhere');
    expect(readNamespaces(4242, ID, proc({})).hostView).toBe('elsewhere');
    expect(readNamespaces(0, ID, proc({})).namespaces).toEqual([]);
  });
});
