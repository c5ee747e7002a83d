import { describe, expect, it } from 'vitest';
import { nanosToSince } from './connection';

describe('nanosToSince', () => {
  it('gives the next nanosecond as seconds.fraction, so the last event is not replayed', () => {
    expect(nanosToSince(1700000000123456789n)).toBe('1700000000.123456790');
  });

  it('pads the fraction to nine digits', () => {
    expect(nanosToSince(1700000000000000000n)).toBe('1700000000.000000001');
    expect(nanosToSince(1700000000000004999n)).toBe('1700000000.000005000');
  });

  it('carries into the seconds at the end of a second', () => {
    expect(nanosToSince(1700000000999999999n)).toBe('1700000001.000000000');
  });

  it('keeps precision beyond what a double can hold', () => {
    // 1700000000123456789 is not representable as a Number; a float path would round it.
    expect(nanosToSince(1700000000123456788n)).toBe('1700000000.123456789');
  });
});
