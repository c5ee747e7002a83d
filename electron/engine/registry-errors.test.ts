import { describe, expect, it } from 'vitest';
import { classifyRegistryError } from './registry-errors';

describe('classifyRegistryError', () => {
  it.each([
    ['Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused', 'REGISTRY_UNREACHABLE'],
    ['Get "https://10.0.0.9/v2/": dial tcp 10.0.0.9:443: i/o timeout', 'REGISTRY_UNREACHABLE'],
    [
      'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving',
      'NO_NETWORK',
    ],
    ['Error response from daemon: Get "https://index.docker.io/v1/search?q=x": dial tcp: lookup index.docker.io: no such host', 'NO_NETWORK'],
    ['manifest for 127.0.0.1:5000/a:nope not found: manifest unknown: manifest unknown', 'TAG_NOT_FOUND'],
    ['repository 127.0.0.1:5000/nope not found: name unknown: repository name not known to registry', 'IMAGE_NOT_FOUND'],
    [
      "pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      'IMAGE_NOT_FOUND',
    ],
    ['unauthorized: authentication required', 'UNAUTHORIZED'],
    ['Get "https://127.0.0.1:5000/v2/": http: server gave HTTP response to HTTPS client', 'INSECURE_REGISTRY'],
  ])('%s → %s', (text, problem) => {
    expect(classifyRegistryError(text)).toBe(problem);
  });

  it('leaves anything else to the generic engine error', () => {
    expect(classifyRegistryError('no space left on device')).toBeUndefined();
  });
});
