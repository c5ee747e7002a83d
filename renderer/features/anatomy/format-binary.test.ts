import { describe, expect, it } from 'vitest';
import { formatBinary } from './format-binary';

describe('formatBinary', () => {
  it('reads limits back in the units they are set in', () => {
    expect(formatBinary(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatBinary(1536 * 1024 * 1024)).toBe('1.5 GiB');
    expect(formatBinary(512)).toBe('512 B');
    expect(formatBinary(0)).toBe('0 B');
  });
});
