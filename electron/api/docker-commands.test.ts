import { describe, expect, it } from 'vitest';
import { runSpecFromInspect, type InspectForSpec } from './container-spec';
import * as docker from './docker-commands';
import { hostAccessOf } from './host-access';

describe('docker commands', () => {
  it('quotes what a shell would split, and shortens full ids', () => {
    expect(docker.containerLifecycle('stop', 'my app', 'b'.repeat(64))).toBe("docker stop 'my app' bbbbbbbbbbbb");
    expect(docker.containerRemove(['web'], { force: true, volumes: true })).toBe('docker rm -f -v web');
    expect(docker.containerRename('old', 'new')).toBe('docker rename old new');
    expect(docker.imageRemove(`sha256:${'c'.repeat(64)}`)).toBe('docker rmi cccccccccccc');
    expect(docker.imageTag('app:1', '127.0.0.1:5000/app:1')).toBe('docker tag app:1 127.0.0.1:5000/app:1');
    expect(docker.imagePrune(true)).toBe('docker image prune -f -a');
  });

  it('says docker update with the swap limit the button sets with the memory limit', () => {
    const change = { cpus: 0.5, memory: 256 * 1024 * 1024, restart: 'always' } as const;
    expect(docker.containerUpdate('web', change)).toBe('docker update --cpus 0.5 --memory 256m --memory-swap 512m --restart always web');
    expect(docker.limitUpdateBody(change)).toEqual({ NanoCpus: 500_000_000, Memory: 256 * 1024 * 1024, MemorySwap: 512 * 1024 * 1024, RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } });
    // Sizes said exactly, never rounded to a MiB the button did not send.
    expect(docker.containerUpdate('web', { memory: 6 * 1024 * 1024 + 512 * 1024 })).toBe('docker update --memory 6656k --memory-swap 13m web');
    // No limit asked: nothing said, nothing sent (the engine ignores a zero).
    expect(docker.containerUpdate('web', { cpus: null, memory: null, restart: 'no' })).toBe('docker update --restart no web');
    expect(docker.limitUpdateBody({ cpus: null, memory: null })).toEqual({});
  });

  it('says volume work as busybox commands', () => {
    expect(docker.volumeCreate({ name: 'data', driver: 'local', labels: { team: 'a b' } })).toBe("docker volume create --label 'team=a b' data");
    expect(docker.volumeRestore('data', { file: 'data.tar.gz' })).toBe('docker run --rm -v data:/data -v "$PWD":/backup:ro busybox tar xzf /backup/data.tar.gz -C /data');
    expect(docker.volumeClone('a', 'b')).toBe('docker volume create b && docker run --rm -v a:/from:ro -v b:/to busybox cp -a /from/. /to/');
    expect(docker.volumePutFile('data', '/conf/', 'app.ini')).toBe('docker run --rm -v data:/data -v "$PWD":/upload:ro busybox cp /upload/app.ini /data/conf/');
    expect(docker.volumeRun({ volume: 'data', image: 'busybox', target: '/data', readOnly: true, command: 'ls /data' })).toBe('docker run -d --mount type=volume,source=data,target=/data,readonly busybox ls /data');
  });

  it('splits host paths of either kind', () => {
    expect(docker.splitHostPath('/home/ana/x.tar.gz')).toEqual({ dir: '/home/ana', file: 'x.tar.gz' });
    expect(docker.splitHostPath('/x.tar.gz')).toEqual({ dir: '/', file: 'x.tar.gz' });
    expect(docker.splitHostPath('C:\\Users\\ana\\x.tar.gz')).toEqual({ dir: 'C:\\Users\\ana', file: 'x.tar.gz' });
  });

  it('lists exactly what a prune removes', () => {
    expect(docker.pruneItems('volumes', ['a', 'b'])).toBe('docker volume rm a b');
    expect(docker.pruneItems('buildCache', ['x1'])).toBe('docker builder prune -f --filter id=x1');
  });
});

describe('runSpecFromInspect', () => {
  const info: InspectForSpec = {
    Name: '/web',
    Config: { Image: 'nginx:1.27', Env: ['PATH=/usr/bin', 'MODE=dev'], Cmd: ['nginx', '-g', 'daemon off;'], Entrypoint: ['/docker-entrypoint.sh'], Labels: {}, Tty: false },
    HostConfig: {
      PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      RestartPolicy: { Name: 'unless-stopped' },
      Memory: 64 * 1024 * 1024,
      NetworkMode: 'bridge',
      Mounts: [{ Type: 'tmpfs', Target: '/tmp', ReadOnly: false }],
    },
    Mounts: [{ Type: 'volume', Name: 'data', Destination: '/data', RW: true }],
    NetworkSettings: { Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '32768' }] } },
  };
  const image = { env: ['PATH=/usr/bin'], command: ['nginx', '-g', 'daemon off;'], entrypoint: ['/docker-entrypoint.sh'] };

  it('says what was asked, minus what the image gives anyway', () => {
    expect(docker.containerRun(runSpecFromInspect(info, image)!)).toBe(
      'docker run -d --name web -p 127.0.0.1::80 -e MODE=dev -v data:/data --mount type=tmpfs,target=/tmp --restart unless-stopped --memory 64m nginx:1.27',
    );
  });

  it('says the host ports as bound when asked to', () => {
    expect(runSpecFromInspect(info, image, { bound: true })!.ports).toEqual([{ containerPort: 80, hostPort: 32768, hostIp: '127.0.0.1', protocol: 'tcp' }]);
  });

  it('says the privileged mode, capabilities and devices a recreate keeps', () => {
    const risky: InspectForSpec = {
      ...info,
      HostConfig: { ...info.HostConfig, Privileged: true, CapAdd: ['SYS_ADMIN'], CapDrop: null, Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' }], PidMode: 'host', NetworkMode: 'host' },
    };
    const access = hostAccessOf(risky.HostConfig);
    expect(access).toEqual({
      privileged: true,
      capAdd: ['SYS_ADMIN'],
      capDrop: [],
      devices: [{ pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse', cgroupPermissions: 'rwm' }],
      pidMode: 'host',
      networkMode: 'host',
    });
    const commands = docker.recreateCommands({ name: 'web', spec: runSpecFromInspect(risky, image)!, access, wasRunning: true });
    expect(commands.split('\n')[0]).toContain('--network host --privileged --cap-add SYS_ADMIN --device /dev/fuse --pid host nginx:1.27');
    expect(commands).toMatch(/^docker create --name web-cais-new /);
  });

  it('keeps a command that differs from the image', () => {
    const spec = runSpecFromInspect({ ...info, Config: { ...info.Config, Cmd: ['sleep', '60'] } }, image)!;
    expect(spec.command).toEqual(['sleep', '60']);
    expect(spec.entrypoint).toBeUndefined();
  });
});
