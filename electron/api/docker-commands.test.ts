import { describe, expect, it } from 'vitest';
import { runSpecFromInspect, type InspectForSpec } from './container-spec';
import * as docker from './docker-commands';

describe('docker commands', () => {
  it('quotes what a shell would split, and shortens full ids', () => {
    expect(docker.containerLifecycle('stop', 'my app', 'b'.repeat(64))).toBe("docker stop 'my app' bbbbbbbbbbbb");
    expect(docker.containerRemove(['web'], { force: true, volumes: true })).toBe('docker rm -f -v web');
    expect(docker.containerRename('old', 'new')).toBe('docker rename old new');
    expect(docker.imageRemove(`sha256:${'c'.repeat(64)}`)).toBe('docker rmi cccccccccccc');
    expect(docker.imageTag('app:1', '127.0.0.1:5000/app:1')).toBe('docker tag app:1 127.0.0.1:5000/app:1');
    expect(docker.imagePrune(true)).toBe('docker image prune -f -a');
    expect(docker.containerUpdate('web', { cpus: null, memory: 64 * 1024 * 1024, restart: 'always' })).toBe('docker update --cpus 0 --memory 64m --restart always web');
  });

  it('says volume work as busybox commands', () => {
    expect(docker.volumeCreate({ name: 'data', driver: 'local', labels: { team: 'a b' } })).toBe("docker volume create --label 'team=a b' data");
    expect(docker.volumeRestore('data', { file: 'data.tar.gz' })).toBe('docker run --rm -v data:/data -v "$PWD":/backup:ro busybox tar xzf /backup/data.tar.gz -C /data');
    expect(docker.volumeClone('a', 'b')).toBe('docker volume create b && docker run --rm -v a:/from:ro -v b:/to busybox cp -a /from/. /to/');
    expect(docker.volumePutFile('data', '/conf/', 'app.ini')).toBe('docker run --rm -v data:/data -v "$PWD":/upload:ro busybox cp /upload/app.ini /data/conf/');
    expect(docker.volumeRun({ volume: 'data', image: 'busybox', target: '/data', readOnly: true, command: 'ls /data' })).toBe('docker run -d -v data:/data:ro busybox ls /data');
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
      'docker run -d --name web -p 127.0.0.1::80 -e MODE=dev -v data:/data --tmpfs /tmp --restart unless-stopped --memory 64m nginx:1.27',
    );
  });

  it('says the host ports as bound when asked to', () => {
    expect(runSpecFromInspect(info, image, { bound: true })!.ports).toEqual([{ containerPort: 80, hostPort: 32768, hostIp: '127.0.0.1', protocol: 'tcp' }]);
  });

  it('keeps a command that differs from the image', () => {
    const spec = runSpecFromInspect({ ...info, Config: { ...info.Config, Cmd: ['sleep', '60'] } }, image)!;
    expect(spec.command).toEqual(['sleep', '60']);
    expect(spec.entrypoint).toBeUndefined();
  });
});
