import { describe, expect, it } from 'vitest';
import { clampMatch } from './log-search';

describe('clampMatch', () => {
  it('keeps the current hit inside the hits left after old lines are trimmed', () => {
    expect(clampMatch(5, 5)).toBe(4); // was "6 of 5"
    expect(clampMatch(9, 3)).toBe(2);
    expect(clampMatch(2, 5)).toBe(2);
    expect(clampMatch(3, 0)).toBe(0);
    expect(clampMatch(-1, 4)).toBe(0);
  });
});
