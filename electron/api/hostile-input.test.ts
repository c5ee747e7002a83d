import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { imageRef, registryAddress, typedReference } from './images-schemas';
import { runSpec } from './run-schema';
import { hostPath, shellCommand } from './schemas';
import { customEngine } from './settings-schemas';
import { backupInput, mountSpec, restoreInput } from './volumes-schemas';

const input = (area: keyof typeof contract, name: string) => {
  const procedure = (contract[area] as Record<string, { '~orpc': { inputSchema?: { safeParse(value: unknown): { success: boolean } } } }>)[name];
  const schema = procedure['~orpc'].inputSchema;
  if (!schema) throw new Error(`${area}.${name} has no input schema`);
  return (value: unknown) => schema.safeParse(value).success;
};

const RUN = { image: 'nginx:1.27', env: [], ports: [], mounts: [], restart: 'no', labels: [], tty: false } as const;

describe('calls that take nothing', () => {
  it.each([
    ['images', 'list'],
    ['volumes', 'list'],
    ['system', 'overview'],
    ['engine', 'events'],
    ['activity', 'stream'],
  ] as const)('%s.%s takes no input or {}, and nothing else', (area, name) => {
    const accepts = input(area, name);
    expect(accepts(undefined)).toBe(true);
    expect(accepts({})).toBe(true);
    expect(accepts({ all: true })).toBe(false);
    expect(accepts('x')).toBe(false);
  });
});

describe('paths on the machine that runs Cais', () => {
  it.each(['/home/me/backup.tar.gz', 'C:\\Users\\me\\backup.tar.gz', 'D:/data/x.tar.gz', '/'])('accepts %j', (path) => {
    expect(hostPath.safeParse(path).success).toBe(true);
  });

  it.each(['relative/file', '../etc/passwd', '/tmp/../etc/passwd', '/tmp/./x', 'C:\\Users\\..\\x', '/tmp/a\0b', ''])('refuses %j', (path) => {
    expect(hostPath.safeParse(path).success).toBe(false);
  });

  it('is what backup, restore, build and engine TLS files take', () => {
    expect(backupInput.safeParse({ name: 'data', destination: '/tmp/../etc/x.tar.gz' }).success).toBe(false);
    expect(restoreInput.safeParse({ name: 'data', source: { path: 'backup.tar.gz' } }).success).toBe(false);
    expect(restoreInput.safeParse({ name: 'data', source: { path: '/home/me/backup.tar.gz' } }).success).toBe(true);
    const build = input('images', 'build');
    expect(build({ context: 'project', dockerfile: 'Dockerfile', buildArgs: [] })).toBe(false);
    expect(build({ context: '/home/me/project', dockerfile: 'Dockerfile', buildArgs: [] })).toBe(true);
    expect(build({ context: '/home/me/project', dockerfile: 'Docker\0file', buildArgs: [] })).toBe(false);
    const engine = { id: 'custom:x', name: 'x', host: 'tcp://10.0.0.2:2376' };
    expect(customEngine.safeParse({ ...engine, tls: { ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem' } }).success).toBe(true);
    expect(customEngine.safeParse({ ...engine, tls: { ca: 'ca.pem', cert: '/c/cert.pem', key: '/c/key.pem' } }).success).toBe(false);
    expect(customEngine.safeParse({ ...engine, host: 'unix:///run/../etc/docker.sock' }).success).toBe(false);
  });
});

describe('names the engine puts in its URLs', () => {
  it.each(['nginx', 'registry.example.com:5000/team/app:1.0', 'sha256:abcdef', '[::1]:5000/app'])('image %j is accepted', (name) => {
    expect(imageRef.safeParse(name).success).toBe(true);
  });

  it.each(['a/../../containers/x', 'a/./b', 'a//b', 'a/'])('image %j is refused', (name) => {
    expect(imageRef.safeParse(name).success).toBe(false);
    expect(input('volumes', 'run')({ name: 'data', image: name, target: '/data' })).toBe(false);
  });

  it('refuses a NUL byte in a typed reference, which the server checks in full otherwise', () => {
    expect(typedReference.safeParse('nginx\0').success).toBe(false);
    expect(typedReference.safeParse('not a reference, but the server says why').success).toBe(true);
  });

  it.each(['localhost:5000', 'registry.example.com', '127.0.0.1:41234', '[::1]:5000'])('registry %j is accepted', (address) => {
    expect(registryAddress.safeParse(address).success).toBe(true);
  });

  it.each(['..', '.', 'a..b', '.example.com', 'example.com.:5000'])('registry %j is refused', (address) => {
    expect(registryAddress.safeParse(address).success).toBe(false);
  });

  it('takes shells by name or absolute path, without . or .. steps', () => {
    expect(shellCommand.safeParse('/bin/sh').success).toBe(true);
    expect(shellCommand.safeParse('bash').success).toBe(true);
    expect(shellCommand.safeParse('/tmp/../bin/sh').success).toBe(false);
    expect(shellCommand.safeParse('..').success).toBe(false);
  });
});

describe('the run form', () => {
  it('takes a network name or mode, not a path', () => {
    for (const network of ['my-net', 'host', 'none', 'container:web']) expect(runSpec.safeParse({ ...RUN, network }).success).toBe(true);
    for (const network of ['../x', 'a/b', 'net\0', ' net']) expect(runSpec.safeParse({ ...RUN, network }).success).toBe(false);
  });

  it('refuses NUL bytes in arguments, variables and labels, and .. in mount targets', () => {
    expect(runSpec.safeParse({ ...RUN, command: ['echo', 'a\0b'] }).success).toBe(false);
    expect(runSpec.safeParse({ ...RUN, env: [{ key: 'A\0', value: 'x' }] }).success).toBe(false);
    expect(runSpec.safeParse({ ...RUN, labels: [{ key: 'k', value: 'v\0' }] }).success).toBe(false);
    expect(runSpec.safeParse({ ...RUN, mounts: [{ type: 'tmpfs', target: '/data/../etc', readOnly: false }] }).success).toBe(false);
    expect(runSpec.safeParse({ ...RUN, mounts: [{ type: 'bind', source: '/srv/../etc', target: '/data', readOnly: false }] }).success).toBe(false);
    expect(runSpec.safeParse({ ...RUN, mounts: [{ type: 'bind', source: '/srv/site', target: '/data', readOnly: true }] }).success).toBe(true);
  });
});

describe('attaching a mount to a container', () => {
  it('wants a volume name, an absolute host folder, or nothing for tmpfs', () => {
    const ok = (kind: string, source: string) => mountSpec.safeParse({ kind, source, target: '/data' }).success;
    expect(ok('volume', 'data')).toBe(true);
    expect(ok('volume', '../data')).toBe(false);
    expect(ok('bind', '/srv/site')).toBe(true);
    expect(ok('bind', 'site')).toBe(false);
    expect(ok('bind', '/srv/../etc')).toBe(false);
    expect(ok('tmpfs', '')).toBe(true);
    expect(ok('tmpfs', '/etc')).toBe(false);
  });
});

describe('image upload chunks', () => {
  it('are base64, like volume uploads', () => {
    const chunk = input('images', 'loadChunk');
    const uploadId = '0123456789abcdef0123456789abcdef';
    expect(chunk({ uploadId, offset: 0, data: 'aGVsbG8=' })).toBe(true);
    expect(chunk({ uploadId, offset: 0, data: '../\0' })).toBe(false);
    expect(chunk({ uploadId, data: 'aGVsbG8=' })).toBe(false);
    expect(chunk({ uploadId, offset: -1, data: 'aGVsbG8=' })).toBe(false);
  });
});
