import { describe, expect, it } from 'vitest';
import {
  formatBinaryBytes,
  formatDecimalBytes,
  formatFileSize,
  formatNumber,
  formatPercent,
  formatTime,
  relativeTime,
} from './format';

describe('locale formatting', () => {
  it('writes numbers, sizes and percentages with the language’s decimal mark', () => {
    expect(formatPercent(0, 'pt-BR')).toBe('0,0%');
    expect(formatPercent(12.34, 'en')).toBe('12.3%');
    expect(formatBinaryBytes(1.9 * 1024 * 1024, 'pt-BR', { fixed: true })).toBe('1,9 MiB');
    expect(formatBinaryBytes(2 * 1024 * 1024, 'en', { fixed: true })).toBe('2.0 MiB');
    expect(formatBinaryBytes(2 * 1024 * 1024, 'en')).toBe('2 MiB');
    expect(formatBinaryBytes(512, 'pt-BR')).toBe('512 B');
    expect(formatDecimalBytes(2_000_000, 'pt-BR')).toBe('2,0 MB');
    expect(formatDecimalBytes(1_234_567_890, 'en')).toBe('1.2 GB');
    expect(formatFileSize(1500, 'pt-BR')).toBe('1,5 kB');
    expect(formatNumber(0.5, 'pt-BR')).toBe('0,5');
    expect(formatNumber(1234, 'pt-BR')).toBe('1.234');
    expect(formatTime(Date.UTC(2026, 0, 1, 13, 5, 9), 'pt-BR')).toMatch(/^\d{2}:05:09$/);
    expect(relativeTime(100, 'pt-BR', 160_000)).toBe('há 1 minuto');
  });
});
