import { describe, expect, it } from 'vitest';
import { hostSettingsFromInspect, type InspectForSpec } from './container-spec';
import { flagRisks } from './root-risks';

const base: InspectForSpec = { Name: '/app', Config: { Image: 'busybox' }, HostConfig: {} };

describe('hostSettingsFromInspect', () => {
  it('reads privileged mode, capabilities, devices, pid and network modes, --tmpfs and binds', () => {
    const settings = hostSettingsFromInspect({
      ...base,
      HostConfig: {
        Privileged: true,
        CapAdd: ['CAP_SYS_ADMIN', 'NET_ADMIN'],
        Devices: [
          { PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' },
          { PathOnHost: '/dev/sda', PathInContainer: '/dev/xvda', CgroupPermissions: 'r' },
        ],
        PidMode: 'host',
        NetworkMode: 'host',
        Tmpfs: { '/run': 'size=64m', '/cache': 'ro' },
      },
      Mounts: [
        { Type: 'bind', Source: '/etc', Destination: '/host-etc', RW: false },
        { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: true },
      ],
    });
    expect(settings).toEqual({
      privileged: true,
      capAdd: ['CAP_SYS_ADMIN', 'NET_ADMIN'],
      devices: ['/dev/fuse', '/dev/sda:/dev/xvda:r'],
      pidMode: 'host',
      networkMode: 'host',
      tmpfs: [
        { target: '/run', options: 'size=64m', readOnly: false },
        { target: '/cache', options: 'ro', readOnly: true },
      ],
      binds: ['/etc'],
    });
    expect(flagRisks(settings).map((risk) => `${risk.code}:${risk.subject}`)).toEqual([
      'privileged:--privileged',
      'capAdd:NET_ADMIN, SYS_ADMIN',
      'device:/dev/fuse',
      'device:/dev/sda',
      'pidHost:host',
      'networkHost:host',
      'hostSystem:/etc',
    ]);
  });

  it('a plain container: nothing set, the default network not named', () => {
    for (const NetworkMode of ['default', 'bridge', undefined]) {
      const settings = hostSettingsFromInspect({ ...base, HostConfig: { NetworkMode, Privileged: false, CapAdd: null, Devices: null, PidMode: '', Tmpfs: null } });
      expect(settings).toEqual({ privileged: false, capAdd: [], devices: [], pidMode: undefined, networkMode: undefined, tmpfs: [], binds: [] });
      expect(flagRisks(settings)).toEqual([]);
    }
  });
});
