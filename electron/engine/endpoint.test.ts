import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateSockets, type HostFacts, resolveEndpoint } from './endpoint';

const HOME = '/home/ana';

/** HostFacts over an in-memory filesystem: a map of path → file text. */
function fakeHost(
  options: {
    env?: Record<string, string | undefined>;
    platform?: NodeJS.Platform;
    files?: Record<string, string>;
  } = {},
): HostFacts {
  const files = new Map(Object.entries(options.files ?? {}));
  return {
    env: options.env ?? {},
    home: HOME,
    platform: options.platform ?? 'linux',
    exists: (file) => files.has(file),
    readText: (file) => files.get(file),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function contextMetaPath(configDir: string, name: string): string {
  return path.join(configDir, 'contexts', 'meta', sha256(name), 'meta.json');
}

function contextTlsDir(configDir: string, name: string): string {
  return path.join(configDir, 'contexts', 'tls', sha256(name), 'docker');
}

function contextMeta(name: string, host: string): string {
  return JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } });
}

const DOT_DOCKER = path.join(HOME, '.docker');

describe('resolveEndpoint: DOCKER_HOST', () => {
  it('takes a unix:// socket path as is', () => {
    const { endpoint, options } = resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' } }));
    expect(endpoint).toEqual({
      kind: 'unix',
      address: '/run/user/1000/docker.sock',
      source: 'DOCKER_HOST',
      contextName: undefined,
      tls: false,
    });
    expect(options).toEqual({ socketPath: '/run/user/1000/docker.sock' });
  });

  it('trims surrounding whitespace from DOCKER_HOST', () => {
    const { options } = resolveEndpoint(fakeHost({ env: { DOCKER_HOST: '  unix:///tmp/d.sock \n' } }));
    expect(options).toEqual({ socketPath: '/tmp/d.sock' });
  });

  it('defaults tcp:// without TLS to port 2375 over http', () => {
    const { endpoint, options } = resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'tcp://10.0.0.5' } }));
    expect(endpoint).toMatchObject({ kind: 'tcp', address: '10.0.0.5:2375', tls: false, source: 'DOCKER_HOST' });
    expect(options).toEqual({ protocol: 'http', host: '10.0.0.5', port: 2375 });
  });

  it('keeps an explicit tcp:// port', () => {
    const { endpoint, options } = resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'tcp://engine.lan:12375' } }));
    expect(endpoint.address).toBe('engine.lan:12375');
    expect(options).toMatchObject({ protocol: 'http', host: 'engine.lan', port: 12375 });
  });

  it('with DOCKER_TLS_VERIFY reads ca/cert/key from DOCKER_CERT_PATH and speaks https on 2376', () => {
    const certs = '/etc/docker-certs';
    const facts = fakeHost({
      env: { DOCKER_HOST: 'tcp://engine.lan', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs },
      files: {
        [path.join(certs, 'ca.pem')]: 'CA-PEM',
        [path.join(certs, 'cert.pem')]: 'CERT-PEM',
        [path.join(certs, 'key.pem')]: 'KEY-PEM',
        // Must not be used when DOCKER_CERT_PATH is set.
        [path.join(DOT_DOCKER, 'ca.pem')]: 'WRONG-CA',
      },
    });
    const { endpoint, options } = resolveEndpoint(facts);
    expect(endpoint).toMatchObject({ kind: 'tcp', address: 'engine.lan:2376', tls: true });
    expect(options).toEqual({
      protocol: 'https',
      host: 'engine.lan',
      port: 2376,
      ca: 'CA-PEM',
      cert: 'CERT-PEM',
      key: 'KEY-PEM',
    });
  });

  it('with DOCKER_TLS_VERIFY but no DOCKER_CERT_PATH reads the certificates from ~/.docker', () => {
    const facts = fakeHost({
      env: { DOCKER_HOST: 'tcp://engine.lan:2376', DOCKER_TLS_VERIFY: '1' },
      files: {
        [path.join(DOT_DOCKER, 'ca.pem')]: 'CA',
        [path.join(DOT_DOCKER, 'cert.pem')]: 'CERT',
        [path.join(DOT_DOCKER, 'key.pem')]: 'KEY',
      },
    });
    expect(resolveEndpoint(facts).options).toMatchObject({ protocol: 'https', ca: 'CA', cert: 'CERT', key: 'KEY' });
  });

  it('with DOCKER_TLS_VERIFY and DOCKER_CONFIG reads the certificates from DOCKER_CONFIG', () => {
    const facts = fakeHost({
      env: { DOCKER_HOST: 'tcp://engine.lan', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: '/cfg' },
      files: { [path.join('/cfg', 'ca.pem')]: 'CFG-CA' },
    });
    expect(resolveEndpoint(facts).options).toMatchObject({ ca: 'CFG-CA', port: 2376 });
  });

  it('treats an empty DOCKER_TLS_VERIFY as unset', () => {
    const facts = fakeHost({ env: { DOCKER_HOST: 'tcp://engine.lan', DOCKER_TLS_VERIFY: '' } });
    expect(resolveEndpoint(facts).options).toEqual({ protocol: 'http', host: 'engine.lan', port: 2375 });
  });

  it('parses ssh://user@host:port', () => {
    const { endpoint, ssh } = resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'ssh://deploy@build.example:2222' } }));
    expect(endpoint).toMatchObject({ kind: 'ssh', address: 'deploy@build.example:2222', tls: false });
    expect(ssh).toEqual({ host: 'build.example', port: 2222, user: 'deploy' });
  });

  it('leaves the port and user of ssh:// to ~/.ssh/config when the address has none', () => {
    const { endpoint, ssh } = resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'ssh://build.example' } }));
    expect(endpoint.address).toBe('build.example');
    expect(ssh).toEqual({ host: 'build.example', port: undefined, user: undefined });
  });

  it('refuses an ssh:// address that ssh would read as an option', () => {
    expect(() => resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'ssh://-oProxyCommand=x@h' } }))).toThrow(/usable ssh address/);
  });

  it('turns npipe:// into a Windows pipe path', () => {
    const { endpoint, options } = resolveEndpoint(
      fakeHost({ platform: 'win32', env: { DOCKER_HOST: 'npipe:////./pipe/docker_engine' } }),
    );
    expect(endpoint).toMatchObject({ kind: 'npipe', address: '\\\\.\\pipe\\docker_engine', tls: false });
    expect(options).toEqual({ socketPath: '\\\\.\\pipe\\docker_engine' });
  });

  it('throws on an unsupported scheme', () => {
    expect(() => resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'fd://3' } }))).toThrow(/Unsupported DOCKER_HOST scheme: fd:/);
  });

  it('throws on a DOCKER_HOST that is not a URL', () => {
    expect(() => resolveEndpoint(fakeHost({ env: { DOCKER_HOST: 'not a url' } }))).toThrow();
  });

  it('wins over DOCKER_CONTEXT', () => {
    const facts = fakeHost({
      env: { DOCKER_HOST: 'unix:///from/env.sock', DOCKER_CONTEXT: 'remote' },
      files: { [contextMetaPath(DOT_DOCKER, 'remote')]: contextMeta('remote', 'tcp://remote:2375') },
    });
    expect(resolveEndpoint(facts).endpoint).toMatchObject({ source: 'DOCKER_HOST', address: '/from/env.sock' });
  });
});

describe('resolveEndpoint: contexts', () => {
  it('follows DOCKER_CONTEXT through the context store', () => {
    const facts = fakeHost({
      env: { DOCKER_CONTEXT: 'colima' },
      files: { [contextMetaPath(DOT_DOCKER, 'colima')]: contextMeta('colima', 'unix:///Users/ana/.colima/default/docker.sock') },
    });
    const { endpoint, options } = resolveEndpoint(facts);
    expect(endpoint).toEqual({
      kind: 'unix',
      address: '/Users/ana/.colima/default/docker.sock',
      source: 'context',
      contextName: 'colima',
      tls: false,
    });
    expect(options).toEqual({ socketPath: '/Users/ana/.colima/default/docker.sock' });
  });

  it('follows currentContext from config.json', () => {
    const facts = fakeHost({
      files: {
        [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ auths: {}, currentContext: 'remote' }),
        [contextMetaPath(DOT_DOCKER, 'remote')]: contextMeta('remote', 'tcp://remote.lan:2375'),
      },
    });
    expect(resolveEndpoint(facts).endpoint).toMatchObject({
      kind: 'tcp',
      address: 'remote.lan:2375',
      source: 'context',
      contextName: 'remote',
      tls: false,
    });
  });

  it('prefers DOCKER_CONTEXT over config.json', () => {
    const facts = fakeHost({
      env: { DOCKER_CONTEXT: 'env-ctx' },
      files: {
        [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'file-ctx' }),
        [contextMetaPath(DOT_DOCKER, 'env-ctx')]: contextMeta('env-ctx', 'unix:///env.sock'),
        [contextMetaPath(DOT_DOCKER, 'file-ctx')]: contextMeta('file-ctx', 'unix:///file.sock'),
      },
    });
    expect(resolveEndpoint(facts).endpoint).toMatchObject({ contextName: 'env-ctx', address: '/env.sock' });
  });

  it('reads the context TLS files and switches to https on 2376', () => {
    const tlsDir = contextTlsDir(DOT_DOCKER, 'secure');
    const facts = fakeHost({
      env: { DOCKER_CONTEXT: 'secure' },
      files: {
        [contextMetaPath(DOT_DOCKER, 'secure')]: contextMeta('secure', 'tcp://secure.lan'),
        [path.join(tlsDir, 'ca.pem')]: 'CTX-CA',
        [path.join(tlsDir, 'cert.pem')]: 'CTX-CERT',
        [path.join(tlsDir, 'key.pem')]: 'CTX-KEY',
      },
    });
    const { endpoint, options } = resolveEndpoint(facts);
    expect(endpoint).toMatchObject({ kind: 'tcp', address: 'secure.lan:2376', tls: true, contextName: 'secure' });
    expect(options).toEqual({
      protocol: 'https',
      host: 'secure.lan',
      port: 2376,
      ca: 'CTX-CA',
      cert: 'CTX-CERT',
      key: 'CTX-KEY',
    });
  });

  it('uses DOCKER_CONFIG instead of ~/.docker for config.json and the context store', () => {
    const cfg = '/opt/docker-config';
    const facts = fakeHost({
      env: { DOCKER_CONFIG: cfg },
      files: {
        // The same context under ~/.docker must be ignored.
        [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'home' }),
        [contextMetaPath(DOT_DOCKER, 'home')]: contextMeta('home', 'unix:///home.sock'),
        [path.join(cfg, 'config.json')]: JSON.stringify({ currentContext: 'custom' }),
        [contextMetaPath(cfg, 'custom')]: contextMeta('custom', 'unix:///custom.sock'),
      },
    });
    expect(resolveEndpoint(facts).endpoint).toMatchObject({ source: 'context', contextName: 'custom', address: '/custom.sock' });
  });

  it("ignores the 'default' context and falls back to the default socket", () => {
    const facts = fakeHost({
      env: { DOCKER_CONTEXT: 'default' },
      files: {
        // Even if someone wrote a meta.json for it.
        [contextMetaPath(DOT_DOCKER, 'default')]: contextMeta('default', 'tcp://should-not-be-used:2375'),
        '/var/run/docker.sock': '',
      },
    });
    expect(resolveEndpoint(facts).endpoint).toMatchObject({ source: 'default', address: '/var/run/docker.sock' });
  });

  it("lets DOCKER_CONTEXT=default override a currentContext in config.json", () => {
    const facts = fakeHost({
      env: { DOCKER_CONTEXT: 'default' },
      files: {
        [path.join(DOT_DOCKER, 'config.json')]: JSON.stringify({ currentContext: 'remote' }),
        [contextMetaPath(DOT_DOCKER, 'remote')]: contextMeta('remote', 'tcp://remote:2375'),
      },
    });
    expect(resolveEndpoint(facts).endpoint.source).toBe('default');
  });

  it('falls back to the default socket when the context store has no such context', () => {
    const facts = fakeHost({ env: { DOCKER_CONTEXT: 'missing' } });
    expect(resolveEndpoint(facts).endpoint.source).toBe('default');
  });

  it('survives a config.json that is not JSON', () => {
    const facts = fakeHost({ files: { [path.join(DOT_DOCKER, 'config.json')]: '{ nope' } });
    expect(resolveEndpoint(facts).endpoint.source).toBe('default');
  });
});

describe('resolveEndpoint: default sockets', () => {
  it('on linux picks the first candidate that exists', () => {
    const runtime = '/run/user/1000';
    const facts = fakeHost({
      env: { XDG_RUNTIME_DIR: runtime },
      files: {
        [path.join(runtime, 'podman/podman.sock')]: '',
        [path.join(HOME, '.docker/desktop/docker.sock')]: '',
      },
    });
    const { endpoint, options } = resolveEndpoint(facts);
    expect(endpoint).toEqual({
      kind: 'unix',
      address: path.join(HOME, '.docker/desktop/docker.sock'),
      source: 'default',
      tls: false,
    });
    expect(options).toEqual({ socketPath: path.join(HOME, '.docker/desktop/docker.sock') });
  });

  it('on linux prefers /var/run/docker.sock when it exists', () => {
    const facts = fakeHost({
      env: { XDG_RUNTIME_DIR: '/run/user/1000' },
      files: { '/var/run/docker.sock': '', [path.join('/run/user/1000', 'docker.sock')]: '' },
    });
    expect(resolveEndpoint(facts).endpoint.address).toBe('/var/run/docker.sock');
  });

  it('on linux tries the rootless sockets under XDG_RUNTIME_DIR', () => {
    expect(candidateSockets(fakeHost({ env: { XDG_RUNTIME_DIR: '/run/user/1000' } }))).toEqual([
      '/var/run/docker.sock',
      path.join('/run/user/1000', 'docker.sock'),
      path.join(HOME, '.docker/desktop/docker.sock'),
      path.join('/run/user/1000', 'podman/podman.sock'),
      '/run/podman/podman.sock',
    ]);
    expect(candidateSockets(fakeHost())).toEqual([
      '/var/run/docker.sock',
      path.join(HOME, '.docker/desktop/docker.sock'),
      '/run/podman/podman.sock',
    ]);
  });

  it('on linux falls back to the first candidate when none exists', () => {
    expect(resolveEndpoint(fakeHost()).endpoint).toEqual({
      kind: 'unix',
      address: '/var/run/docker.sock',
      source: 'default',
      tls: false,
    });
  });

  it('on macOS finds Colima in the home folder', () => {
    const colima = path.join(HOME, '.colima/default/docker.sock');
    const facts = fakeHost({ platform: 'darwin', files: { [colima]: '' } });
    expect(resolveEndpoint(facts).endpoint).toMatchObject({ kind: 'unix', address: colima, source: 'default' });
  });

  it('on macOS prefers Docker Desktop over the later candidates', () => {
    const desktop = path.join(HOME, '.docker/run/docker.sock');
    const orbstack = path.join(HOME, '.orbstack/run/docker.sock');
    const facts = fakeHost({ platform: 'darwin', files: { [orbstack]: '', [desktop]: '' } });
    expect(resolveEndpoint(facts).endpoint.address).toBe(desktop);
  });

  it('on macOS falls back to /var/run/docker.sock', () => {
    expect(resolveEndpoint(fakeHost({ platform: 'darwin' })).endpoint.address).toBe('/var/run/docker.sock');
  });

  it('on Windows uses named pipes, podman when docker is absent', () => {
    const facts = fakeHost({ platform: 'win32', files: { '\\\\.\\pipe\\podman-machine-default': '' } });
    const { endpoint, options } = resolveEndpoint(facts);
    expect(endpoint).toEqual({
      kind: 'npipe',
      address: '\\\\.\\pipe\\podman-machine-default',
      source: 'default',
      tls: false,
    });
    expect(options).toEqual({ socketPath: '\\\\.\\pipe\\podman-machine-default' });
  });

  it('on Windows falls back to the docker_engine pipe', () => {
    expect(resolveEndpoint(fakeHost({ platform: 'win32' })).endpoint).toMatchObject({
      kind: 'npipe',
      address: '\\\\.\\pipe\\docker_engine',
    });
  });
});
