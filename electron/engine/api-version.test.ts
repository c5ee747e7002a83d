import { describe, expect, it } from 'vitest';
import { CLIENT_API_VERSION, compareApiVersions, negotiateApiVersion } from './api-version';

describe('compareApiVersions', () => {
  it('compares the minor version as a number, not as text', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.9')).toBeGreaterThan(0);
    expect(compareApiVersions('1.100', '1.47')).toBeGreaterThan(0);
  });

  it('says equal versions are equal', () => {
    expect(compareApiVersions('1.43', '1.43')).toBe(0);
  });

  it('compares the major version first', () => {
    expect(compareApiVersions('2.0', '1.99')).toBeGreaterThan(0);
    expect(compareApiVersions('1.99', '2.1')).toBeLessThan(0);
  });
});

describe('negotiateApiVersion', () => {
  it('is written against 1.47', () => {
    expect(CLIENT_API_VERSION).toBe('1.47');
  });

  it("pins the server's version when it is older than ours", () => {
    expect(negotiateApiVersion('1.41')).toBe('1.41');
    expect(negotiateApiVersion('1.9')).toBe('1.9');
  });

  it('pins ours when the server is newer', () => {
    expect(negotiateApiVersion('1.51')).toBe(CLIENT_API_VERSION);
    expect(negotiateApiVersion('1.100')).toBe(CLIENT_API_VERSION);
  });

  it('pins ours when both are the same', () => {
    expect(negotiateApiVersion(CLIENT_API_VERSION)).toBe(CLIENT_API_VERSION);
  });

  it('pins ours when the server does not say', () => {
    expect(negotiateApiVersion(undefined)).toBe(CLIENT_API_VERSION);
    expect(negotiateApiVersion('')).toBe(CLIENT_API_VERSION);
  });
});
