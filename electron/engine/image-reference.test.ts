import { describe, expect, it } from 'vitest';
import { parseReference, registryOf, withDefaultTag } from './image-reference';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['busybox', { path: 'busybox', repository: 'busybox' }],
    ['busybox:1.36', { path: 'busybox', tag: '1.36', repository: 'busybox' }],
    ['library/busybox:latest', { path: 'library/busybox', tag: 'latest', repository: 'library/busybox' }],
    ['127.0.0.1:5000/cais/app:v1', { domain: '127.0.0.1:5000', path: 'cais/app', tag: 'v1', repository: '127.0.0.1:5000/cais/app' }],
    ['localhost/app', { domain: 'localhost', path: 'app', repository: 'localhost/app' }],
    ['registry.example.com/a/b/c', { domain: 'registry.example.com', path: 'a/b/c', repository: 'registry.example.com/a/b/c' }],
    ['localhost:5000/app', { domain: 'localhost:5000', path: 'app', repository: 'localhost:5000/app' }],
    [`busybox@${DIGEST}`, { path: 'busybox', digest: DIGEST, repository: 'busybox' }],
    [`busybox:1@${DIGEST}`, { path: 'busybox', tag: '1', digest: DIGEST, repository: 'busybox' }],
    ['[::1]:5000/app:x', { domain: '[::1]:5000', path: 'app', tag: 'x', repository: '[::1]:5000/app' }],
    ['my_app__x-y/a--b', { path: 'my_app__x-y/a--b', repository: 'my_app__x-y/a--b' }],
  ])('accepts %s', (input, expected) => {
    const parsed = parseReference(input);
    expect(parsed).toEqual({ ok: true, reference: { domain: undefined, tag: undefined, digest: undefined, ...expected } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['bad name', 'whitespace'],
    ['BusyBox', 'uppercase'],
    ['busybox:', 'empty-tag'],
    ['busybox:-x', 'bad-tag'],
    [`busybox:${'a'.repeat(129)}`, 'bad-tag'],
    ['busybox@sha256:xyz', 'bad-digest'],
    ['busybox@', 'bad-digest'],
    ['-bad', 'bad-path'],
    ['a//b', 'bad-path'],
    ['a/', 'bad-path'],
    ['127.0.0.1:5000/', 'bad-path'],
    ['bad_.x', 'bad-path'],
    ['exa mple.com/a', 'whitespace'],
    ['-x.com/a', 'bad-domain'],
    ['host:port/a', 'bad-domain'],
    [`${'a'.repeat(256)}`, 'too-long'],
    ['a;rm -rf', 'whitespace'],
    ['a;rm', 'bad-path'],
    ['../etc', 'bad-domain'],
  ])('rejects %j (%s)', (input, problem) => {
    expect(parseReference(input)).toEqual({ ok: false, problem });
  });
});

describe('withDefaultTag and registryOf', () => {
  const ref = (input: string) => {
    const parsed = parseReference(input);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.reference;
  };
  it('adds :latest when nothing pins the version', () => {
    expect(withDefaultTag(ref('busybox'))).toBe('busybox:latest');
    expect(withDefaultTag(ref('127.0.0.1:5000/a:v2'))).toBe('127.0.0.1:5000/a:v2');
    expect(withDefaultTag(ref(`a@${DIGEST}`))).toBe(`a@${DIGEST}`);
  });
  it('names Docker Hub when no registry is given', () => {
    expect(registryOf(ref('busybox'))).toBe('docker.io');
    expect(registryOf(ref('127.0.0.1:5000/a'))).toBe('127.0.0.1:5000');
  });
});
