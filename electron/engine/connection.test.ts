import { describe, expect, it } from 'vitest';
import { eventNanos, nanosToSince } from './connection';

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

describe('eventNanos', () => {
  it('reads timeNano exactly from the line, above 2^53 where JSON.parse rounds it', () => {
    const line = '{"status":"start","id":"abc","Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{"timeNano":"1","name":"web"}},"scope":"local","time":1764925200,"timeNano":1764925200123456789}';
    const raw = JSON.parse(line) as { timeNano: number; time: number };
    // What the old code did: the parsed number is already off.
    expect(BigInt(raw.timeNano)).not.toBe(1764925200123456789n);
    expect(eventNanos(line, raw)).toBe(1764925200123456789n);
    // So the resume cursor is the nanosecond just after this very event.
    expect(nanosToSince(eventNanos(line, raw))).toBe('1764925200.123456790');
  });

  it('falls back to the seconds when an engine sends no timeNano', () => {
    expect(eventNanos('{"time":1764925200}', { time: 1764925200 })).toBe(1764925200000000000n);
    expect(eventNanos('{}', {})).toBe(0n);
  });
});
