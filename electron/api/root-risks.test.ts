import { describe, expect, it } from 'vitest';
import { parseDockerRun } from './docker-run-command';
import { extraCapabilities, flagRisks, hostPathRisk, leftOutRisks, normaliseHostPath, risksKey, specRisks } from './root-risks';

describe('hostPathRisk', () => {
  it.each([
    ['/', 'hostRoot'],
    ['//', 'hostRoot'],
    ['/./', 'hostRoot'],
    ['C:\\', 'hostRoot'],
    ['/etc', 'hostSystem'],
    ['/etc/', 'hostSystem'],
    ['//etc//ssh', 'hostSystem'],
    ['/usr/bin', 'hostSystem'],
    ['/boot', 'hostSystem'],
    ['/var', 'hostSystem'],
    ['/var/lib/docker', 'hostSystem'],
    ['/private/etc', 'hostSystem'],
    ['C:\\Windows\\System32', 'hostSystem'],
    ['/home', 'hostHome'],
    ['/home/ana', 'hostHome'],
    ['/home/ana/', 'hostHome'],
    ['/home/ana/.ssh', 'hostHome'],
    ['/root', 'hostHome'],
    ['/root/.docker', 'hostHome'],
    ['/Users/ana', 'hostHome'],
    ['/users/ana', 'hostHome'],
    ['C:\\Users\\ana', 'hostHome'],
    ['/var/root', 'hostHome'],
    ['/var/run/docker.sock', 'engineSocket'],
    ['/run/docker.sock', 'engineSocket'],
    ['/run/podman/podman.sock', 'engineSocket'],
    ['/run/containerd/containerd.sock', 'engineSocket'],
    ['/home/ana/.docker/run/docker.sock', 'engineSocket'],
    ['/Users/ana/.docker/run/docker.sock.raw', 'engineSocket'],
    ['/run', 'engineSocket'],
    ['/var/run', 'engineSocket'],
    ['/run/docker', 'engineSocket'],
    ['/tmp/app.sock', 'socket'],
    ['/run/dbus/system_bus_socket.sock', 'socket'],
  ])('%s is %s', (path, code) => {
    expect(hostPathRisk(path)).toBe(code);
  });

  it.each(['/home/ana/project', '/home/ana/project/.git', '/srv/data', '/tmp', '/var/log', '/Users/ana/code', '/root/app', '/opt/app', '/etcetera', '/usrlocal', 'D:\\data', '/var/lib/app', '/data/socket'])(
    '%s is a plain folder',
    (path) => {
      expect(hostPathRisk(path)).toBeUndefined();
    },
  );

  it('normalises repeated and trailing slashes, dots and Windows separators', () => {
    expect(normaliseHostPath('//etc//./ssh/')).toBe('/etc/ssh');
    expect(normaliseHostPath('C:\\Users\\Ana\\')).toBe('c:/Users/Ana');
    expect(normaliseHostPath('/')).toBe('/');
  });
});

describe('specRisks', () => {
  it('names each risky bind and the network, with the form field it comes from', () => {
    const risks = specRisks({
      mounts: [
        { type: 'volume', source: 'data', target: '/data' },
        { type: 'bind', source: '/', target: '/host' },
        { type: 'tmpfs', target: '/tmp' },
        { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' },
        { type: 'bind', source: '/srv/site', target: '/site' },
      ],
      network: 'host',
    });
    expect(risks).toEqual([
      { code: 'hostRoot', subject: '/', field: 'mounts.1.source' },
      { code: 'engineSocket', subject: '/var/run/docker.sock', field: 'mounts.3.source' },
      { code: 'networkHost', subject: 'host', field: 'network' },
    ]);
  });

  it('a volume named like a system folder is not a host folder', () => {
    expect(specRisks({ mounts: [{ type: 'volume', source: 'etc', target: '/etc' }] })).toEqual([]);
  });

  it("another container's network is a risk, a named network is not", () => {
    expect(specRisks({ mounts: [], network: 'container:db' })).toEqual([{ code: 'networkContainer', subject: 'container:db', field: 'network' }]);
    expect(specRisks({ mounts: [], network: 'backend' })).toEqual([]);
    expect(specRisks({ mounts: [], network: 'bridge' })).toEqual([]);
  });
});

describe('flagRisks', () => {
  it('names privileged mode, extra capabilities, devices, host pid and network, and risky binds', () => {
    expect(
      flagRisks({ privileged: true, capAdd: ['NET_ADMIN', 'cap_sys_admin', 'CHOWN'], devices: ['/dev/sda'], pidMode: 'host', networkMode: 'host', binds: ['/etc', '/srv'] }).map((r) => `${r.code}:${r.subject}`),
    ).toEqual(['privileged:--privileged', 'capAdd:NET_ADMIN, SYS_ADMIN', 'device:/dev/sda', 'pidHost:host', 'networkHost:host', 'hostSystem:/etc']);
  });

  it('a container with default settings has none', () => {
    expect(flagRisks({ privileged: false, capAdd: [], devices: [], pidMode: '', networkMode: 'bridge', binds: [] })).toEqual([]);
    expect(flagRisks({})).toEqual([]);
  });

  it('adding back a default capability gives nothing more', () => {
    expect(extraCapabilities(['CHOWN', 'cap_kill', 'NET_BIND_SERVICE'])).toEqual([]);
    expect(extraCapabilities(['ALL', 'all'])).toEqual(['ALL']);
  });
});

describe('a pasted docker run', () => {
  it('every root-equivalent setting of the review is named, carried or left out', () => {
    const parsed = parseDockerRun(
      'docker run -v /:/host -v /var/run/docker.sock:/var/run/docker.sock --network host --pid host --privileged --cap-add SYS_ADMIN --cap-add=NET_ADMIN --device /dev/sda:/dev/xvda busybox',
    );
    expect(specRisks(parsed.spec).map((r) => r.code)).toEqual(['hostRoot', 'engineSocket', 'networkHost']);
    expect(leftOutRisks(parsed.unsupported).map((r) => `${r.code}:${r.subject}`)).toEqual([
      'privileged:--privileged',
      'capAdd:NET_ADMIN, SYS_ADMIN',
      'device:/dev/sda',
      'pidHost:host',
    ]);
  });

  it('--privileged=false and left-out flags without risk say nothing', () => {
    const parsed = parseDockerRun('docker run --privileged=false --pid=container:db --cap-add CHOWN --hostname x -u 1000 busybox');
    expect(leftOutRisks(parsed.unsupported)).toEqual([]);
  });
});

describe('risksKey', () => {
  it('changes when a risk is added, not when the order changes', () => {
    const a = { code: 'hostRoot' as const, subject: '/' };
    const b = { code: 'networkHost' as const, subject: 'host' };
    expect(risksKey([a, b])).toBe(risksKey([b, a]));
    expect(risksKey([a])).not.toBe(risksKey([a, b]));
    expect(risksKey([])).toBe('');
  });
});
