import { describe, expect, it } from 'vitest';
import { volumeNameProblem } from '../../../electron/api/volumes-schemas';
import { backupFileName, formatBytes, formatMode, parentOf, parseLabels } from './format';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 bytes'],
    [1, 'en', '1 byte'],
    [999, 'en', '999 bytes'],
    [1500, 'en', '1.5 kB'],
    [25_000_000, 'en', '25 MB'],
    [1500, 'pt-BR', '1,5 kB'],
  ])('%d in %s → %s', (bytes, language, text) => {
    expect(formatBytes(bytes, language)).toBe(text);
  });
});

describe('formatMode', () => {
  it.each([
    [0o644, 'file', '-rw-r--r--'],
    [0o755, 'directory', 'drwxr-xr-x'],
    [0o4755, 'file', '-rwsr-xr-x'],
    [0o1777, 'directory', 'drwxrwxrwt'],
    [0o2644, 'file', '-rw-r-Sr--'],
    [0o777, 'symlink', 'lrwxrwxrwx'],
  ] as const)('%o %s → %s', (mode, type, text) => {
    expect(formatMode(mode, type)).toBe(text);
  });
});

describe('volume names as the engine accepts them', () => {
  it.each([
    ['', 'empty'],
    ['a', 'tooShort'],
    ['-data', 'badStart'],
    ['.data', 'badStart'],
    ['my data', 'badChar'],
    ['dados/2', 'badChar'],
    ['ação', 'badChar'],
    ['x'.repeat(129), 'tooLong'],
  ])('%j → %s', (name, problem) => {
    expect(volumeNameProblem(name)).toBe(problem);
  });

  it.each(['db', 'my_app-data.1', '0abc', 'A'.repeat(128)])('accepts %j', (name) => {
    expect(volumeNameProblem(name)).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('finds the parent folder', () => {
    expect(parentOf('a/b/c')).toBe('a/b');
    expect(parentOf('a')).toBe('');
  });

  it('names a backup after the volume and the minute', () => {
    expect(backupFileName('db', new Date(2026, 10, 3, 9, 5))).toBe('db-2026-11-03-0905.tar.gz');
  });

  it('parses labels one per line and names a bad line', () => {
    expect(parseLabels('a=b\n\n c.d = x=y ')).toEqual({ labels: { a: 'b', 'c.d': 'x=y' } });
    expect(parseLabels('a=b\nnovalue')).toEqual({ badLine: 'novalue' });
  });
});
