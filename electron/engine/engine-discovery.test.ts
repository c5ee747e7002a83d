import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverEngines } from './engine-discovery';
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
        { id: 'context:builder', name: 'builder', source: 'context', kind: 'ssh', address: 'ci@build.example', tls: false },
        { id: 'context:prod', name: 'prod', source: 'context', kind: 'tcp', address: 'prod.example:2376', tls: true },
      ]),
    );
    expect(entries.slice(3)).toEqual([
      { id: 'socket:/var/run/docker.sock', name: '', source: 'socket', kind: 'unix', address: '/var/run/docker.sock', tls: false },
      { id: 'custom:lab', name: 'Lab', source: 'custom', kind: 'ssh', address: 'me@lab.local', tls: false },
    ]);
    const prod = engines.find((e) => e.entry.id === 'context:prod');
    expect(prod?.resolved?.options).toMatchObject({ protocol: 'https', host: 'prod.example', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY' });
  });

  it('skips sockets that do not exist and names the TLS files of a custom engine that cannot be read (said when tested or used)', () => {
    const engines = discoverEngines(facts({ '/tls/ca.pem': 'CA' }), [
      { id: 'custom:x', name: 'X', host: 'tcp://x:2376', tls: { ca: '/tls/ca.pem', cert: '/nope/cert.pem', key: '/nope/key.pem' } },
    ]);
    expect(engines).toHaveLength(1);
    expect(engines[0].entry.problem).toBeUndefined();
    expect(engines[0].resolved?.tlsMissing).toEqual(['cert: /nope/cert.pem', 'key: /nope/key.pem']);
  });

  it('names a missing key.pem of DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', () => {
    const engines = discoverEngines(facts({ '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT' }, { DOCKER_HOST: 'tcp://x:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }));
    expect(engines[0].resolved?.tlsMissing).toEqual(['key: /certs/key.pem']);
  });
});

