import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverEngines } from './engine-discovery';
import { withSshAgent } from './endpoint';
import type { HostFacts } from './endpoint';

const digest = (name: string) => createHash('sha256').update(name).digest('hex');

function facts(files: Record<string, string>, env: Record<string, string> = {}): HostFacts {
  return {
    env,
    home: '/home/ana',
    platform: 'linux',
    exists: (file) => file in files,
    readText: (file) => files[file],
    listDir: (dir) => [...new Set(Object.keys(files).filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]))],
  };
}

const meta = (name: string, host: string) => ({
  [path.join('/home/ana/.docker/contexts/meta', digest(name), 'meta.json')]: JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
});

describe('discoverEngines', () => {
  it('lists DOCKER_HOST, every context (ssh, tcp with TLS), existing sockets and custom engines, in that order', () => {
    const tlsDir = path.join('/home/ana/.docker/contexts/tls', digest('prod'), 'docker');
    const engines = discoverEngines(
      facts(
        {
          ...meta('prod', 'tcp://prod.example:2376'),
          ...meta('builder', 'ssh://ci@build.example'),
          [`${tlsDir}/ca.pem`]: 'CA',
          [`${tlsDir}/cert.pem`]: 'CERT',
          [`${tlsDir}/key.pem`]: 'KEY',
          '/var/run/docker.sock': '',
        },
        { DOCKER_HOST: 'unix:///tmp/d.sock' },
      ),
      [{ id: 'custom:lab', name: 'Lab', host: 'ssh://me@lab.local' }],
    );
    const entries = engines.map((e) => e.entry);
    expect(entries[0]).toEqual({ id: 'env:DOCKER_HOST', name: 'DOCKER_HOST', source: 'DOCKER_HOST', kind: 'unix', address: '/tmp/d.sock', tls: false });
    // Contexts come in the order of their folders (sha256 of the name), like `docker context ls` reads them.
    expect(entries.slice(1, 3)).toEqual(
      expect.arrayContaining([
        { id: 'context:builder', name: 'builder', source: 'context', kind: 'ssh', address: 'ci@build.example:22', tls: false },
        { id: 'context:prod', name: 'prod', source: 'context', kind: 'tcp', address: 'prod.example:2376', tls: true },
      ]),
    );
    expect(entries.slice(3)).toEqual([
      { id: 'socket:/var/run/docker.sock', name: '', source: 'socket', kind: 'unix', address: '/var/run/docker.sock', tls: false },
      { id: 'custom:lab', name: 'Lab', source: 'custom', kind: 'ssh', address: 'me@lab.local:22', tls: false },
    ]);
    const prod = engines.find((e) => e.entry.id === 'context:prod');
    expect(prod?.resolved?.options).toMatchObject({ protocol: 'https', host: 'prod.example', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY' });
  });

  it('skips sockets that do not exist and reports a custom engine whose TLS file is missing', () => {
    const engines = discoverEngines(facts({}), [
      { id: 'custom:x', name: 'X', host: 'tcp://x:2376', tls: { ca: '/nope/ca.pem', cert: '/nope/cert.pem', key: '/nope/key.pem' } },
    ]);
    expect(engines).toHaveLength(1);
    expect(engines[0].entry.problem).toMatch(/Cannot read the TLS ca file \/nope\/ca\.pem/);
    expect(engines[0].resolved).toBeUndefined();
  });
});


describe('withSshAgent', () => {
  it('lets ssh:// engines use the ssh agent, and leaves other engines alone', () => {
    const ssh = { protocol: 'ssh' as const, host: 'h', port: 22, username: 'me' };
    expect(withSshAgent(ssh, { SSH_AUTH_SOCK: '/run/agent.sock' })).toEqual({ ...ssh, sshOptions: { agent: '/run/agent.sock' } });
    expect(withSshAgent(ssh, {})).toEqual(ssh);
    expect(withSshAgent({ socketPath: '/s' }, { SSH_AUTH_SOCK: '/run/agent.sock' })).toEqual({ socketPath: '/s' });
  });
});
