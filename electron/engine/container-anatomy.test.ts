import { describe, expect, it } from 'vitest';
import { containerAnatomy as containerAnatomySchema } from '../api/anatomy-contract';
import { anatomyOf, readNamespaces, type Inspect, type ProcView } from './container-anatomy';

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

describe('anatomyOf: every engine answer fits the output schema', () => {
  const info: Inspect = {
    Id: ID,
    Name: '/fresh',
    Image: 'sha256:abc',
    Config: { Hostname: 'c0ffee', Image: 'busybox' },
    State: { Running: true, Pid: 42 },
    HostConfig: { NetworkMode: 'bridge' },
    Mounts: [],
    NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1', MacAddress: '02:42:ac:11:00:02' } }, Ports: { '80/tcp': null } },
  };
  const seen = { hostView: 'elsewhere' as const, namespaces: [] };

  it.each([
    ['an empty body (dockerode hands back a Buffer)', Buffer.alloc(0)],
    ['null (Podman)', null],
    ['an empty text', ''],
    ['a JSON text dockerode did not parse', Buffer.from('[]')],
  ])('reads "no file changed" from %s', (_, changes) => {
    const anatomy = containerAnatomySchema.parse(anatomyOf(info, { history: [{ CreatedBy: '/bin/sh', Size: 10 }], changes, stats: undefined, version: { Os: 'linux' } }, seen));
    expect(anatomy.storage.changes).toEqual([]);
    expect(anatomy.storage.changesTruncated).toBe(false);
    expect(anatomy.storage.layers).toEqual([{ createdBy: '/bin/sh', size: 10 }]);
  });

  it('reads changes sent as an unparsed JSON body', () => {
    const changes = Buffer.from(JSON.stringify([{ Path: '/tmp', Kind: 0 }, { Path: '/tmp/x', Kind: 1 }]));
    const anatomy = containerAnatomySchema.parse(anatomyOf(info, { history: [], changes, stats: undefined, version: undefined }, seen));
    expect(anatomy.storage.changes).toEqual([
      { path: '/tmp', kind: 'changed' },
      { path: '/tmp/x', kind: 'added' },
    ]);
  });

  it('survives fields an engine leaves out or sends as null', () => {
    const sparse = { Id: ID, Image: 'x', State: {}, HostConfig: null, Mounts: null, NetworkSettings: { Networks: null, Ports: null } } as unknown as Inspect;
    const anatomy = containerAnatomySchema.parse(anatomyOf(sparse, { history: null, changes: undefined, stats: {}, version: {} }, seen));
    expect(anatomy).toMatchObject({ name: '', running: false, mounts: [], storage: { layers: [], changes: [] }, network: { networks: [], ports: [] }, engineOs: '' });
  });
});
