import { describe, expect, it } from 'vitest';
import { runSpec, type RunSpec } from './run-schema';
import { buildDockerRun, parseDockerRun, parseMemory, parsePort } from './docker-run-command';
import { splitShellWords } from './shell-words';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A spec with every list empty, so each test names only what it is about. */
function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { image: 'nginx', env: [], ports: [], mounts: [], restart: 'no', labels: [], tty: false, ...overrides };
}

const FULL: RunSpec = {
  image: 'registry.example.com:5000/team/api:2.1',
  name: 'api',
  tty: true,
  ports: [
    { containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' },
    { containerPort: 443, hostPort: 8443, hostIp: '::1', protocol: 'tcp' },
    { containerPort: 53, hostPort: 5353, hostIp: '127.0.0.1', protocol: 'udp' },
    { containerPort: 9090, hostIp: '0.0.0.0', protocol: 'tcp' },
  ],
  env: [
    { key: 'GREETING', value: 'hello world' },
    { key: 'DSN', value: 'host=db;user=app' },
  ],
  mounts: [
    { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false },
    { type: 'bind', source: '/home/me/config', target: '/etc/app', readOnly: true },
    { type: 'tmpfs', target: '/tmp', readOnly: false },
  ],
  restart: 'unless-stopped',
  cpus: 1.5,
  memory: 2 * GiB,
  network: 'backend',
  labels: [
    { key: 'com.example.team', value: 'platform' },
    { key: 'note', value: 'a b' },
  ],
  entrypoint: ['/docker-entrypoint.sh'],
  command: ['sh', '-c', 'echo $HOME && sleep 1'],
};

/** Specs that must survive buildDockerRun → parseDockerRun unchanged. */
const ROUND_TRIPS: [string, RunSpec][] = [
  ['the minimal spec', spec()],
  ['the full spec', FULL],
  ['a tty alone', spec({ tty: true })],
  [
    'every kind of port',
    spec({
      ports: [
        { containerPort: 80, hostIp: '0.0.0.0', protocol: 'tcp' },
        { containerPort: 80, hostPort: 80, hostIp: '0.0.0.0', protocol: 'tcp' },
        { containerPort: 53, hostPort: 53, hostIp: '0.0.0.0', protocol: 'udp' },
        { containerPort: 53, hostIp: '::', protocol: 'udp' },
        { containerPort: 443, hostPort: 8443, hostIp: '2001:db8::1', protocol: 'tcp' },
        { containerPort: 65535, hostPort: 1, hostIp: '192.168.1.20', protocol: 'tcp' },
      ],
    }),
  ],
  [
    'awkward env values',
    spec({
      env: [
        { key: 'EMPTY', value: '' },
        { key: 'QUOTES', value: `it's "quoted"` },
        { key: 'DOLLAR', value: '$HOME ${PATH} $(id) `id`' },
        { key: 'EQUALS', value: 'a=b=c' },
        { key: 'MULTILINE', value: 'line1\nline2' },
        { key: 'UNICODE', value: 'olá 世界 🐳' },
        { key: 'BACKSLASH', value: 'C:\\path\\' },
      ],
    }),
  ],
  [
    'every kind of mount',
    spec({
      mounts: [
        { type: 'volume', source: 'pg-data_1.0', target: '/var/lib/postgresql/data', readOnly: false },
        { type: 'volume', source: 'ro-vol', target: '/ro', readOnly: true },
        { type: 'bind', source: '/srv/my site', target: '/usr/share/nginx/html', readOnly: true },
        { type: 'bind', source: '/home/me/src', target: '/src', readOnly: false },
        { type: 'tmpfs', target: '/run', readOnly: false },
        { type: 'tmpfs', target: '/scratch', readOnly: true },
      ],
    }),
  ],
  [
    'a Windows folder bind',
    spec({ mounts: [{ type: 'bind', source: 'C:\\Users\\me\\site', target: '/site', readOnly: true }] }),
  ],
  [
    'paths with a colon in them',
    spec({
      mounts: [
        { type: 'bind', source: '/mnt/a:b', target: '/data', readOnly: false },
        { type: 'volume', source: 'v', target: '/x:y', readOnly: true },
        { type: 'tmpfs', target: '/t:1', readOnly: false },
        { type: 'bind', source: '/a,b:c', target: '/d', readOnly: false },
        { type: 'bind', source: '/q"uote:x', target: '/e', readOnly: false },
      ],
    }),
  ],
  ...(['always', 'unless-stopped', 'on-failure'] as const).map((restart): [string, RunSpec] => [`restart ${restart}`, spec({ restart })]),
  ['memory in GiB', spec({ memory: 4 * GiB })],
  ['memory in MiB', spec({ memory: 512 * MiB })],
  ['fractional GiB of memory', spec({ memory: 1.5 * GiB })],
  ['memory in KiB', spec({ memory: 6 * MiB + 1024 })],
  ['memory in bytes', spec({ memory: 6 * MiB + 1 })],
  ['fractional cpus', spec({ cpus: 0.25 })],
  ['many cpus', spec({ cpus: 64 })],
  ['a network', spec({ network: 'my-net' })],
  [
    'awkward labels',
    spec({
      labels: [
        { key: 'empty', value: '' },
        { key: 'traefik.http.routers.web.rule', value: 'Host(`example.com`) && PathPrefix(`/api`)' },
        { key: 'with space', value: 'x=y' },
      ],
    }),
  ],
  ['a one-word entrypoint', spec({ entrypoint: ['/bin/bash'] })],
  ['an entrypoint reset to nothing', spec({ entrypoint: [''] })],
  ['a one-word entrypoint with a command', spec({ entrypoint: ['python'], command: ['-m', 'http.server', '8000'] })],
  ['a command with awkward words', spec({ command: ['sh', '-c', `echo "it's" > /tmp/x; cat /tmp/x`, '', '--', '-x'] })],
  ['an image by digest', spec({ image: `alpine@sha256:${'a'.repeat(64)}` })],
];

describe('buildDockerRun', () => {
  it('writes only docker run -d and the image for the minimal spec', () => {
    expect(buildDockerRun(spec())).toBe('docker run -d nginx');
  });

  it('writes every part of a full spec, quoting where needed', () => {
    expect(buildDockerRun(FULL)).toBe(
      [
        'docker run -d --name api -it',
        '-p 0.0.0.0:8080:80',
        "-p '[::1]:8443:443'",
        '-p 127.0.0.1:5353:53/udp',
        '-p 0.0.0.0::9090',
        "-e 'GREETING=hello world'",
        "-e 'DSN=host=db;user=app'",
        '-v data:/var/lib/data',
        '--mount type=bind,source=/home/me/config,target=/etc/app,readonly',
        '--mount type=tmpfs,target=/tmp',
        '--restart unless-stopped',
        '--cpus 1.5',
        '--memory 2g',
        '--network backend',
        '--label com.example.team=platform',
        "--label 'note=a b'",
        '--entrypoint /docker-entrypoint.sh',
        'registry.example.com:5000/team/api:2.1',
        "sh -c 'echo $HOME && sleep 1'",
      ].join(' '),
    );
  });

  it('leaves the restart flag out for "no"', () => {
    expect(buildDockerRun(spec({ restart: 'no' }))).not.toContain('--restart');
  });

  it.each([
    [2 * GiB, '2g'],
    [1.5 * GiB, '1536m'],
    [512 * MiB, '512m'],
    [6 * MiB + 100 * 1024, '6244k'],
    [6 * MiB + 1, '6291457'],
  ])('writes %i bytes of memory as %s', (memory, flag) => {
    expect(buildDockerRun(spec({ memory }))).toBe(`docker run -d --memory ${flag} nginx`);
  });

  it('writes an IPv6 host address in brackets and quotes it for the shell', () => {
    const line = buildDockerRun(spec({ ports: [{ containerPort: 53, hostIp: '::', protocol: 'udp' }] }));
    expect(line).toBe("docker run -d -p '[::]::53/udp' nginx");
  });

  it('writes an engine-picked host port as an empty host port', () => {
    expect(buildDockerRun(spec({ ports: [{ containerPort: 80, hostIp: '127.0.0.1', protocol: 'tcp' }] }))).toBe('docker run -d -p 127.0.0.1::80 nginx');
  });

  it('writes a read-only tmpfs as --mount, as Cais mounts it (--tmpfs would add noexec)', () => {
    expect(buildDockerRun(spec({ mounts: [{ type: 'tmpfs', target: '/cache', readOnly: true }] }))).toBe('docker run -d --mount type=tmpfs,target=/cache,readonly nginx');
  });

  it('writes a host folder as --mount, which refuses a missing folder as Cais does (-v would create it)', () => {
    expect(buildDockerRun(spec({ mounts: [{ type: 'bind', source: '/srv/site', target: '/site', readOnly: false }] }))).toBe(
      'docker run -d --mount type=bind,source=/srv/site,target=/site nginx',
    );
  });

  it('writes CPUs at the engine precision, which docker accepts', () => {
    expect(buildDockerRun(spec({ cpus: 1 / 3 }))).toBe('docker run -d --cpus 0.333333333 nginx');
  });

  it('says privileged mode, capabilities, devices and the host pid namespace when given', () => {
    const access = {
      privileged: true,
      capAdd: ['NET_ADMIN', 'SYS_TIME'],
      capDrop: ['MKNOD'],
      devices: [
        { pathOnHost: '/dev/fuse', pathInContainer: '/dev/fuse', cgroupPermissions: 'rwm' },
        { pathOnHost: '/dev/sda', pathInContainer: '/dev/disk0', cgroupPermissions: 'r' },
      ],
      pidMode: 'host',
      networkMode: 'host',
    };
    expect(buildDockerRun(spec({ network: 'host' }), access)).toBe(
      'docker run -d --network host --privileged --cap-add NET_ADMIN --cap-add SYS_TIME --cap-drop MKNOD --device /dev/fuse --device /dev/sda:/dev/disk0:r --pid host nginx',
    );
    expect(buildDockerRun(spec(), { privileged: false, capAdd: [], capDrop: [], devices: [], pidMode: '', networkMode: 'bridge' })).toBe('docker run -d nginx');
  });

  it('falls back to --mount when a path has a colon -v cannot carry', () => {
    expect(buildDockerRun(spec({ mounts: [{ type: 'bind', source: '/mnt/a:b', target: '/data', readOnly: true }] }))).toBe(
      'docker run -d --mount type=bind,source=/mnt/a:b,target=/data,readonly nginx',
    );
  });

  it('writes a Windows folder as --mount too', () => {
    expect(buildDockerRun(spec({ mounts: [{ type: 'bind', source: 'C:\\site', target: '/site', readOnly: false }] }))).toBe(
      "docker run -d --mount 'type=bind,source=C:\\site,target=/site' nginx",
    );
  });

  it('puts the rest of a multi-word entrypoint after the image, before the command', () => {
    const line = buildDockerRun(spec({ entrypoint: ['/bin/sh', '-c'], command: ['echo hi'] }));
    expect(line).toBe("docker run -d --entrypoint /bin/sh nginx -c 'echo hi'");
  });

  it('writes an empty entrypoint as --entrypoint \'\', which resets the image entrypoint', () => {
    expect(buildDockerRun(spec({ entrypoint: [] }))).toBe("docker run -d --entrypoint '' nginx");
    expect(buildDockerRun(spec({ entrypoint: [''] }))).toBe("docker run -d --entrypoint '' nginx");
  });

  it('always produces a line splitShellWords can read', () => {
    for (const [, value] of ROUND_TRIPS) expect(() => splitShellWords(buildDockerRun(value))).not.toThrow();
  });
});

describe('parseDockerRun(buildDockerRun(spec)) round trip', () => {
  it.each(ROUND_TRIPS)('gives back %s', (_label, value) => {
    expect(runSpec.safeParse(value).success).toBe(true);
    const parsed = parseDockerRun(buildDockerRun(value));
    expect(parsed.spec).toEqual(value);
    expect(parsed.unsupported).toEqual([]);
  });

  describe('known limits, where the command cannot say what the spec says', () => {
    it('a multi-word entrypoint comes back as a one-word entrypoint with the rest in front of the command', () => {
      // docker run --entrypoint takes a single word, so nothing in the command line marks where the
      // entrypoint ends. The container still runs the same argv.
      const original = spec({ entrypoint: ['/bin/sh', '-c'], command: ['echo hi'] });
      const back = parseDockerRun(buildDockerRun(original)).spec;
      expect(back).not.toEqual(original);
      expect(back.entrypoint).toEqual(['/bin/sh']);
      expect(back.command).toEqual(['-c', 'echo hi']);
      expect([...(back.entrypoint ?? []), ...(back.command ?? [])]).toEqual([...(original.entrypoint ?? []), ...(original.command ?? [])]);
    });

    it("an empty entrypoint comes back as [''], which the engine also reads as no entrypoint", () => {
      expect(parseDockerRun(buildDockerRun(spec({ entrypoint: [] }))).spec.entrypoint).toEqual(['']);
    });

    it('an empty command comes back as no command (the image default either way)', () => {
      expect(parseDockerRun(buildDockerRun(spec({ command: [] }))).spec.command).toBeUndefined();
    });

    it('a label key containing = splits at its first =, as docker itself would', () => {
      const back = parseDockerRun(buildDockerRun(spec({ labels: [{ key: 'a=b', value: 'c' }] }))).spec;
      expect(back.labels).toEqual([{ key: 'a', value: 'b=c' }]);
    });
  });
});

describe('parseDockerRun', () => {
  it('reads a typical pasted command', () => {
    const parsed = parseDockerRun('docker run -d --name web -p 8080:80 -e A=1 -v data:/var/lib/data:ro --restart unless-stopped nginx:1.27');
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec).toEqual({
      image: 'nginx:1.27',
      name: 'web',
      env: [{ key: 'A', value: '1' }],
      ports: [{ containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' }],
      mounts: [{ type: 'volume', source: 'data', target: '/var/lib/data', readOnly: true }],
      restart: 'unless-stopped',
      labels: [],
      tty: false,
    });
  });

  it('publishes -p 8080:80 on every address (0.0.0.0), as docker does', () => {
    expect(parseDockerRun('docker run -p 8080:80 nginx').spec.ports).toEqual([{ containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' }]);
  });

  it('accepts docker container run', () => {
    const parsed = parseDockerRun('docker container run -it --name shell ubuntu:24.04 bash -l');
    expect(parsed.spec).toEqual(spec({ image: 'ubuntu:24.04', name: 'shell', tty: true, command: ['bash', '-l'] }));
    expect(parsed.unsupported).toEqual([]);
  });

  it('accepts a line without the docker prefix', () => {
    expect(parseDockerRun('run nginx').spec.image).toBe('nginx');
    expect(parseDockerRun('container run nginx').spec.image).toBe('nginx');
  });

  it('accepts surrounding whitespace and line continuations', () => {
    const parsed = parseDockerRun(`
      docker run -d \\
        --name db \\
        -e POSTGRES_PASSWORD=secret \\
        -v pgdata:/var/lib/postgresql/data \\
        postgres:16
    `);
    expect(parsed.spec).toEqual(
      spec({
        image: 'postgres:16',
        name: 'db',
        env: [{ key: 'POSTGRES_PASSWORD', value: 'secret' }],
        mounts: [{ type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', readOnly: false }],
      }),
    );
  });

  it('accepts the --flag=value form', () => {
    const parsed = parseDockerRun('docker run --name=web --publish=8080:80 --env=A=1=2 --network=host --restart=always --label=a=b --memory=1g --cpus=2 --entrypoint=/bin/sh nginx');
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec).toEqual(
      spec({
        name: 'web',
        ports: [{ containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' }],
        env: [{ key: 'A', value: '1=2' }],
        network: 'host',
        restart: 'always',
        labels: [{ key: 'a', value: 'b' }],
        memory: GiB,
        cpus: 2,
        entrypoint: ['/bin/sh'],
      }),
    );
  });

  it('accepts long aliases and short forms', () => {
    const parsed = parseDockerRun('docker run --detach --interactive --tty --net n1 --volume /a:/b -l x=y --env K=V --publish 80 nginx');
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec).toEqual(
      spec({
        tty: true,
        network: 'n1',
        mounts: [{ type: 'bind', source: '/a', target: '/b', readOnly: false }],
        labels: [{ key: 'x', value: 'y' }],
        env: [{ key: 'K', value: 'V' }],
        ports: [{ containerPort: 80, hostIp: '0.0.0.0', protocol: 'tcp' }],
      }),
    );
  });

  it.each(['-it', '-ti', '-t', '-dit', '-itd', '-td', '-d -t'])('reads %s as a tty', (flags) => {
    const parsed = parseDockerRun(`docker run ${flags} ubuntu`);
    expect(parsed.spec.tty).toBe(true);
    expect(parsed.unsupported).toEqual([]);
  });

  it('reads -i and -d alone as no tty', () => {
    expect(parseDockerRun('docker run -d -i ubuntu').spec.tty).toBe(false);
    expect(parseDockerRun('docker run -di ubuntu').spec.tty).toBe(false);
  });

  it('reads --tty=false as no tty', () => {
    expect(parseDockerRun('docker run --tty=false ubuntu').spec.tty).toBe(false);
  });

  it('reads a value attached to a short flag (-p8080:80, -eA=1, -p=80)', () => {
    const parsed = parseDockerRun('docker run -p8080:80 -eA=1 -p=81 -itp 82:82 nginx');
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec.ports.map((p) => [p.hostPort, p.containerPort])).toEqual([
      [8080, 80],
      [undefined, 81],
      [82, 82],
    ]);
    expect(parsed.spec.env).toEqual([{ key: 'A', value: '1' }]);
    expect(parsed.spec.tty).toBe(true);
  });

  it('reads -p 127.0.0.1::80 as localhost with an engine-picked port', () => {
    expect(parseDockerRun('docker run -p 127.0.0.1::80 nginx').spec.ports).toEqual([{ containerPort: 80, hostIp: '127.0.0.1', protocol: 'tcp' }]);
  });

  it('reads an IPv6 host address and udp', () => {
    expect(parseDockerRun('docker run -p [::1]:5353:53/udp dns').spec.ports).toEqual([{ containerPort: 53, hostPort: 5353, hostIp: '::1', protocol: 'udp' }]);
  });

  it('reads --mount volumes, binds and tmpfs', () => {
    const parsed = parseDockerRun(
      [
        'docker run',
        '--mount type=volume,source=v,target=/d,readonly',
        '--mount type=tmpfs,destination=/t',
        '--mount type=bind,src=/host,dst=/ctr,ro=true',
        '--mount source=implicit-volume,target=/iv',
        '--mount type=bind,source=/h2,target=/c2,readonly=false',
        '--mount Type=Volume,Source=caps,Target=/caps,ReadOnly=1',
        'nginx',
      ].join(' '),
    );
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec.mounts).toEqual([
      { type: 'volume', source: 'v', target: '/d', readOnly: true },
      { type: 'tmpfs', target: '/t', readOnly: false },
      { type: 'bind', source: '/host', target: '/ctr', readOnly: true },
      { type: 'volume', source: 'implicit-volume', target: '/iv', readOnly: false },
      { type: 'bind', source: '/h2', target: '/c2', readOnly: false },
      { type: 'volume', source: 'caps', target: '/caps', readOnly: true },
    ]);
  });

  it('reads --mount fields quoted the CSV way', () => {
    expect(parseDockerRun(`docker run --mount 'type=bind,"source=/a,b",target=/c' nginx`).spec.mounts).toEqual([
      { type: 'bind', source: '/a,b', target: '/c', readOnly: false },
    ]);
  });

  it('reads -v binds, volumes, rw and a Windows folder', () => {
    const parsed = parseDockerRun(String.raw`docker run -v /srv/site:/usr/share/nginx/html:ro -v cache:/cache:rw -v 'C:\Users\me\site:/site' nginx`);
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec.mounts).toEqual([
      { type: 'bind', source: '/srv/site', target: '/usr/share/nginx/html', readOnly: true },
      { type: 'volume', source: 'cache', target: '/cache', readOnly: false },
      { type: 'bind', source: 'C:\\Users\\me\\site', target: '/site', readOnly: false },
    ]);
  });

  it('names an unquoted Windows path, whose backslashes the shell rules take as escapes', () => {
    const parsed = parseDockerRun(String.raw`docker run -v C:\Users\me\site:/site nginx`);
    expect(parsed.unsupported).toEqual(['-v C:Usersmesite:/site']);
    expect(parsed.spec.mounts).toEqual([]);
  });

  it('reads --tmpfs with and without ro', () => {
    expect(parseDockerRun('docker run --tmpfs /run --tmpfs /ro:ro --tmpfs /rw:rw nginx').spec.mounts).toEqual([
      { type: 'tmpfs', target: '/run', readOnly: false },
      { type: 'tmpfs', target: '/ro', readOnly: true },
      { type: 'tmpfs', target: '/rw', readOnly: false },
    ]);
  });

  it('reads -m 512m --cpus 1.5', () => {
    const parsed = parseDockerRun('docker run -m 512m --cpus 1.5 nginx');
    expect(parsed.spec.memory).toBe(512 * MiB);
    expect(parsed.spec.cpus).toBe(1.5);
    expect(parsed.unsupported).toEqual([]);
  });

  it('reads -m 0 as no memory limit, as docker does', () => {
    expect(parseDockerRun('docker run -m 0 nginx').spec.memory).toBeUndefined();
  });

  it('reads --entrypoint and keeps everything after the image as the command, flags included', () => {
    const parsed = parseDockerRun(`docker run --entrypoint /bin/sh alpine -c 'echo $HOME' --rm -p 1:1`);
    expect(parsed.spec.entrypoint).toEqual(['/bin/sh']);
    expect(parsed.spec.command).toEqual(['-c', 'echo $HOME', '--rm', '-p', '1:1']);
    expect(parsed.unsupported).toEqual([]);
  });

  it("reads --entrypoint '' as an entrypoint reset", () => {
    expect(parseDockerRun(`docker run --entrypoint '' alpine`).spec.entrypoint).toEqual(['']);
  });

  it('ends the flags at --', () => {
    const parsed = parseDockerRun('docker run -d -- nginx -g daemon off;');
    expect(parsed.spec.image).toBe('nginx');
    expect(parsed.spec.command).toEqual(['-g', 'daemon', 'off;']);
  });

  it("reads an empty --name or --network as none, as docker does", () => {
    const parsed = parseDockerRun(`docker run --name '' --network= nginx`);
    expect(parsed.spec).toEqual(spec());
    expect(parsed.unsupported).toEqual([]);
  });

  it('leaves the image empty when the command has none', () => {
    expect(parseDockerRun('docker run -d --name x').spec.image).toBe('');
  });

  it('lets a later flag win for single values and collects repeated ones', () => {
    const parsed = parseDockerRun('docker run --name a --name b -e A=1 -e B=2 --restart always --restart no nginx');
    expect(parsed.spec.name).toBe('b');
    expect(parsed.spec.env).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
    ]);
    expect(parsed.spec.restart).toBe('no');
  });

  it('keeps an empty env value and = inside it', () => {
    expect(parseDockerRun(`docker run -e EMPTY= -e 'Q=a b=c' nginx`).spec.env).toEqual([
      { key: 'EMPTY', value: '' },
      { key: 'Q', value: 'a b=c' },
    ]);
  });

  it('reads a label without = as an empty value, as docker does', () => {
    expect(parseDockerRun('docker run -l flag nginx').spec.labels).toEqual([{ key: 'flag', value: '' }]);
  });

  describe('flags Cais does not carry over', () => {
    it('names boolean flags and keeps reading after them', () => {
      const parsed = parseDockerRun('docker run --rm --privileged -P --init --read-only -p 80:80 nginx');
      expect(parsed.unsupported).toEqual(['--rm', '--privileged', '-P', '--init', '--read-only']);
      expect(parsed.spec.image).toBe('nginx');
      expect(parsed.spec.ports).toHaveLength(1);
    });

    it('names a flag with its value and does not take the value for the image', () => {
      const parsed = parseDockerRun('docker run --env-file x nginx');
      expect(parsed.unsupported).toEqual(['--env-file x']);
      expect(parsed.spec.image).toBe('nginx');
      expect(parsed.spec.command).toBeUndefined();
    });

    it('names short value flags with their values', () => {
      const parsed = parseDockerRun('docker run -w /app -u 1000:1000 -h box -a stdout node:20 npm test');
      expect(parsed.unsupported).toEqual(['-w /app', '-u 1000:1000', '-h box', '-a stdout']);
      expect(parsed.spec.image).toBe('node:20');
      expect(parsed.spec.command).toEqual(['npm', 'test']);
    });

    it('names the --flag=value form', () => {
      const parsed = parseDockerRun('docker run --env-file=.env --rm=true nginx');
      expect(parsed.unsupported).toEqual(['--env-file .env', '--rm=true']);
      expect(parsed.spec.image).toBe('nginx');
    });

    it('names an unknown short flag inside a cluster', () => {
      const parsed = parseDockerRun('docker run -dPt nginx');
      expect(parsed.unsupported).toEqual(['-P']);
      expect(parsed.spec.tty).toBe(true);
    });

    it.each([
      '--add-host db:10.0.0.2',
      '--cap-add NET_ADMIN',
      '--cap-drop ALL',
      '--device /dev/fuse',
      '--dns 1.1.1.1',
      '--gpus all',
      '--health-cmd true',
      '--hostname box',
      '--ipc host',
      '--label-file labels',
      '--link db',
      '--log-driver json-file',
      '--log-opt max-size=10m',
      '--memory-swap 1g',
      '--network-alias web',
      '--pid host',
      '--platform linux/amd64',
      '--pull always',
      '--security-opt seccomp=unconfined',
      '--shm-size 1g',
      '--stop-signal SIGINT',
      '--sysctl net.ipv4.ip_forward=1',
      '--ulimit nofile=1024:1024',
      '--user 1000',
      '--volumes-from other',
      '--workdir /app',
      '--cpu-shares 512',
      '--cpuset-cpus 0-1',
      '--runtime runc',
    ])('names %s and still finds the image', (flag) => {
      const parsed = parseDockerRun(`docker run ${flag} nginx:1.27 nginx -g 'daemon off;'`);
      expect(parsed.unsupported).toEqual([flag]);
      expect(parsed.spec.image).toBe('nginx:1.27');
      expect(parsed.spec.command).toEqual(['nginx', '-g', 'daemon off;']);
    });

    it.each([
      ['-p 0:80', 'port zero'],
      ['-p 70000:80', 'port out of range'],
      ['-p 8080:80/sctp', 'sctp'],
      ['-p 8000-8001:80-81', 'a port range'],
      ['-p 999.0.0.1:80:80', 'a bad host address'],
      ['-p localhost:80:80', 'a host name'],
      ['-v ./site:/site', 'a relative folder'],
      ['-v ~/site:/site', 'a home-relative folder'],
      ['-v /only-a-container-path', 'an anonymous volume'],
      ['-v data:relative', 'a relative container path'],
      ['-v a:/b:ro:extra', 'too many parts'],
      ['--mount type=volume,target=/d', 'an anonymous --mount volume'],
      ['--mount type=bind,source=/a', 'a --mount without a target'],
      ['--mount type=npipe,source=/a,target=/b', 'an unknown mount type'],
      ['--mount type=bind,source=/a,target=/b,readonly=maybe', 'a bad readonly value'],
      ['--tmpfs relative', 'a relative tmpfs path'],
      ['--cpus abc', 'cpus that are not a number'],
      ['--cpus 0', 'zero cpus'],
      ['--cpus -1', 'negative cpus'],
      ['-m lots', 'memory that is not a size'],
      ['--restart sometimes', 'an unknown restart policy'],
      ['-e FOO', 'an env variable taken from the host'],
      ['-e =x', 'an env variable without a name'],
      ['-l =x', 'a label without a name'],
    ])('names %s (%s) instead of filling the spec with it', (flag) => {
      const parsed = parseDockerRun(`docker run ${flag} nginx`);
      expect(parsed.unsupported).toEqual([flag]);
      expect(parsed.spec).toEqual(spec());
    });

    it.each([
      ['-v data:/d:ro,z', { type: 'volume', source: 'data', target: '/d', readOnly: true }],
      ['-v /a:/b:nocopy', { type: 'bind', source: '/a', target: '/b', readOnly: false }],
      ['--tmpfs /t:rw,size=64m,mode=1777', { type: 'tmpfs', target: '/t', readOnly: false }],
      ['--mount type=tmpfs,target=/t,tmpfs-size=64m', { type: 'tmpfs', target: '/t', readOnly: false }],
      ['--mount type=bind,source=/a,target=/b,bind-propagation=rshared', { type: 'bind', source: '/a', target: '/b', readOnly: false }],
    ])('keeps the mount of %s but names the options it drops', (flag, mount) => {
      const parsed = parseDockerRun(`docker run ${flag} nginx`);
      expect(parsed.spec.mounts).toEqual([mount]);
      expect(parsed.unsupported).toEqual([flag]);
    });

    it('keeps on-failure but names the retry count it drops', () => {
      const parsed = parseDockerRun('docker run --restart on-failure:3 nginx');
      expect(parsed.spec.restart).toBe('on-failure');
      expect(parsed.unsupported).toEqual(['--restart on-failure:3']);
    });

    it('never drops a word silently', () => {
      // Every word of the line is either in the spec or named in unsupported.
      const line =
        'docker run --rm -d --name web --privileged --env-file .env -p 8080:80 -p 1-2:1-2 -w /app --cap-add ALL -e A=1 -v /x --restart unless-stopped --init nginx';
      const parsed = parseDockerRun(line);
      expect(parsed.unsupported).toEqual(['--rm', '--privileged', '--env-file .env', '-p 1-2:1-2', '-w /app', '--cap-add ALL', '-v /x', '--init']);
      expect(parsed.spec).toEqual(
        spec({
          name: 'web',
          ports: [{ containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' }],
          env: [{ key: 'A', value: '1' }],
          restart: 'unless-stopped',
        }),
      );
    });
  });

  describe('lines that are not a docker run', () => {
    it.each(['docker ps', 'docker build .', 'docker create nginx', 'docker container ls', 'podman run nginx', 'ls -la', 'docker', '', 'docker compose run web'])(
      'throws for %j',
      (line) => {
        expect(() => parseDockerRun(line)).toThrow('not a docker run command');
      },
    );

    it('throws for an unclosed quote', () => {
      expect(() => parseDockerRun(`docker run -e 'A=1 nginx`)).toThrow('unclosed quote');
    });

    it.each(['--name', '-p', '--env-file', '-w', '-e'])('throws when %s has no value', (flag) => {
      expect(() => parseDockerRun(`docker run ${flag}`)).toThrow(`${flag} needs a value`);
    });
  });

  describe('every spec from a valid command is a valid RunSpec', () => {
    it.each([
      'docker run -d --name web -p 8080:80 -e A=1 -v data:/var/lib/data:ro --restart unless-stopped nginx:1.27',
      'docker container run -it --rm ubuntu:24.04 bash',
      'docker run --name=web nginx',
      'docker run -p 127.0.0.1::80 -p [::1]:8443:443 -p 53:53/udp nginx',
      'docker run --mount type=volume,source=v,target=/d,readonly nginx',
      'docker run --mount type=tmpfs,destination=/t nginx',
      'docker run -m 512m --cpus 1.5 nginx',
      'docker run -m 1.5g --cpus 0.5 nginx',
      'docker run -dit --network host --label a=b --label c redis:7-alpine redis-server --appendonly yes',
      'docker run -v /srv:/srv:ro -v cache:/cache --tmpfs /run:ro busybox sleep 1d',
      'docker run --env-file .env -w /app -u node --entrypoint npm node:20 run start',
      `docker run -e 'MSG=hello world' -e EMPTY= ghcr.io/acme/app@sha256:${'0'.repeat(64)}`,
      'docker run --restart on-failure:5 -p 8080:80 nginx',
      String.raw`docker run -v 'C:\data:/data' --mount 'type=bind,"source=/a,b",target=/c' nginx`,
    ])('%s', (line) => {
      const { spec: parsed } = parseDockerRun(line);
      expect(parsed.image).not.toBe('');
      const result = runSpec.safeParse(parsed);
      expect(result.error?.issues).toBeUndefined();
      expect(result.success).toBe(true);
    });
  });
});

describe('parsePort', () => {
  it.each([
    ['80', { containerPort: 80, hostIp: '0.0.0.0', protocol: 'tcp' }],
    ['80/udp', { containerPort: 80, hostIp: '0.0.0.0', protocol: 'udp' }],
    ['80/tcp', { containerPort: 80, hostIp: '0.0.0.0', protocol: 'tcp' }],
    ['8080:80', { containerPort: 80, hostPort: 8080, hostIp: '0.0.0.0', protocol: 'tcp' }],
    ['5353:53/udp', { containerPort: 53, hostPort: 5353, hostIp: '0.0.0.0', protocol: 'udp' }],
    [':80', { containerPort: 80, hostIp: '0.0.0.0', protocol: 'tcp' }],
    ['127.0.0.1:8080:80', { containerPort: 80, hostPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' }],
    ['127.0.0.1::80', { containerPort: 80, hostIp: '127.0.0.1', protocol: 'tcp' }],
    ['0.0.0.0:1:65535', { containerPort: 65535, hostPort: 1, hostIp: '0.0.0.0', protocol: 'tcp' }],
    ['[::1]:8080:80', { containerPort: 80, hostPort: 8080, hostIp: '::1', protocol: 'tcp' }],
    ['[::]::53/udp', { containerPort: 53, hostIp: '::', protocol: 'udp' }],
    ['[2001:db8::1]:443:443', { containerPort: 443, hostPort: 443, hostIp: '2001:db8::1', protocol: 'tcp' }],
  ])('reads %s', (text, expected) => {
    expect(parsePort(text)).toEqual(expected);
  });

  it('publishes on 0.0.0.0 when no address is given, not 127.0.0.1', () => {
    expect(parsePort('8080:80')?.hostIp).toBe('0.0.0.0');
    expect(parsePort('3000:3000')?.hostPort).toBe(3000);
  });

  it.each([
    '',
    'abc',
    '80:abc',
    '0',
    '65536',
    '8080:0',
    '0:80',
    '70000:80',
    '-1',
    '1.5',
    '80/sctp',
    '80/',
    '80/TCP/udp',
    '8080:80:',
    '8080:',
    '8000-8001:80-81',
    '80-81',
    '1.2.3.4:80',
    '999.1.1.1:80:80',
    '1.2.3:80:80',
    'localhost:80:80',
    '[::1]80',
    '[zz::1]:80:80',
    '[::1:80:80',
    ' 80',
    '80 ',
  ])('gives undefined for %j', (text) => {
    expect(parsePort(text)).toBeUndefined();
  });

  it('gives mappings the run schema accepts', () => {
    for (const text of ['80', '8080:80', '127.0.0.1::80', '[::1]:1:2/udp']) {
      expect(runSpec.shape.ports.element.safeParse(parsePort(text)).success).toBe(true);
    }
  });
});

describe('parseMemory', () => {
  it.each([
    ['1g', GiB],
    ['1G', GiB],
    ['512m', 512 * MiB],
    ['512M', 512 * MiB],
    ['512mb', 512 * MiB],
    ['512MiB', 512 * MiB],
    ['100k', 100 * 1024],
    ['100kb', 100 * 1024],
    ['1024', 1024],
    ['1024b', 1024],
    ['0', 0],
    ['1.5g', 1.5 * GiB],
    ['0.5m', 512 * 1024],
    ['1t', 1024 ** 4],
    [' 256m ', 256 * MiB],
    ['256 m', 256 * MiB],
  ])('reads %j as %i bytes', (text, bytes) => {
    expect(parseMemory(text)).toBe(bytes);
  });

  it('rounds a fraction of a byte', () => {
    expect(parseMemory('1.5')).toBe(2);
    expect(parseMemory('0.001k')).toBe(1);
  });

  it.each(['abc', '', ' ', 'm', '1x', '1gg', '-1m', '1.2.3m', '.5g', '1e3', '1,5g', '1 g b', '512mm'])('gives undefined for %j', (text) => {
    expect(parseMemory(text)).toBeUndefined();
  });
});
