import { describe, expect, it } from 'vitest';
import { formatBinary } from './format-binary';

describe('formatBinary', () => {
  it('reads limits back in the units they are set in', () => {
    expect(formatBinary(64 * 1024 * 1024, 'en')).toBe('64 MiB');
    expect(formatBinary(1536 * 1024 * 1024, 'en')).toBe('1.5 GiB');
    expect(formatBinary(512, 'en')).toBe('512 B');
    expect(formatBinary(0, 'en')).toBe('0 B');
  });

  it('uses a decimal comma in pt-BR', () => {
    expect(formatBinary(1536 * 1024 * 1024, 'pt-BR')).toBe('1,5 GiB');
  });
});
