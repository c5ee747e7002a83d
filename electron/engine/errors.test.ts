import { describe, expect, it } from 'vitest';
import { classifyConnectionError, errorText } from './errors';

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });
}

describe('classifyConnectionError', () => {
  it.each([
    ['ENOENT', 'not-found'],
    ['EACCES', 'permission-denied'],
    ['EPERM', 'permission-denied'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ESOCKETTIMEDOUT', 'timeout'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENOTFOUND', 'dns'],
  ] as const)('maps %s to %s', (code, reason) => {
    expect(classifyConnectionError(failure(code))).toBe(reason);
  });

  it('reads the code from plain objects too', () => {
    expect(classifyConnectionError({ code: 'EACCES' })).toBe('permission-denied');
  });

  it('calls anything without a known code unreachable', () => {
    expect(classifyConnectionError(new Error('boom'))).toBe('unreachable');
    expect(classifyConnectionError(undefined)).toBe('unreachable');
    expect(classifyConnectionError({})).toBe('unreachable');
  });
});

describe('errorText', () => {
  it("gives an Error's message and stringifies anything else", () => {
    expect(errorText(new Error('socket hang up'))).toBe('socket hang up');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(42)).toBe('42');
  });
});
