import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { withoutPodmanAdditions } from './podman-additions';

type Info = Pick<Docker.ContainerInspectInfo, 'Config' | 'HostConfig'>;

function inspect(env: string[], tmpfs?: Record<string, string>): Info {
  return { Config: { Env: env, Hostname: 'd11631a7ad3d' } as Docker.ContainerInspectInfo['Config'], HostConfig: (tmpfs ? { Tmpfs: tmpfs } : {}) as Docker.HostConfig };
}

describe('withoutPodmanAdditions', () => {
  it("drops Podman's own environment and default tmpfs options, keeping what the user set", () => {
    // As Podman 4.3 reports a container created with -e GREETING=oi --tmpfs /cache:size=64m.
    const podman = inspect(['TERM=xterm', 'container=podman', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=d11631a7ad3d', 'GREETING=oi'], {
      '/cache': 'size=64m,rw,rprivate,nosuid,nodev,tmpcopyup',
    });
    const clean = withoutPodmanAdditions(podman);
    expect(clean.Config.Env).toEqual(['GREETING=oi']);
    expect(clean.HostConfig.Tmpfs).toEqual({ '/cache': 'size=64m' });
  });

  it('keeps a PATH the user or the image set to something else', () => {
    expect(withoutPodmanAdditions(inspect(['container=podman', 'PATH=/opt/bin:/bin'])).Config.Env).toEqual(['PATH=/opt/bin:/bin']);
  });

  it("leaves Docker's inspect untouched, TERM and tmpfs options included", () => {
    const docker = inspect(['TERM=xterm', 'GREETING=oi'], { '/cache': 'rw,size=64m' });
    expect(withoutPodmanAdditions(docker)).toBe(docker);
  });
});
