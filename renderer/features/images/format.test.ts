import { describe, expect, it } from 'vitest';
import { formatBytes, fromBase64, imageRows, matchesFilter, shortId, toBase64, transferRate } from './format';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 B'],
    [999, 'en', '999 B'],
    [1500, 'en', '1.5 kB'],
    [12_345_678, 'en', '12.3 MB'],
    [12_345_678, 'pt-BR', '12,3 MB'],
    [250_000_000, 'en', '250 MB'],
    [3_000_000_000, 'en', '3.0 GB'],
  ])('%d in %s → %s', (bytes, language, text) => {
    expect(formatBytes(bytes, language)).toBe(text);
  });
});

describe('transferRate', () => {
  it('averages speed and estimates the time left', () => {
    expect(transferRate(1_000_000, 3_000_000, 2000)).toEqual({ bytesPerSecond: 500_000, secondsLeft: 4 });
    expect(transferRate(0, 0, 0)).toEqual({ bytesPerSecond: 0, secondsLeft: undefined });
  });
});

describe('imageRows', () => {
  const image = { id: 'sha256:' + 'ab'.repeat(32), repoDigests: [], size: 10, created: 5, dangling: false };
  it('gives one row per name and one for an untagged image', () => {
    const rows = imageRows([
      { ...image, repoTags: ['a:1', '127.0.0.1:5000/b:latest'] },
      { ...image, id: 'sha256:' + 'cd'.repeat(32), repoTags: [], dangling: true, created: 9 },
    ]);
    expect(rows.map((row) => [row.reference, row.repository, row.tag])).toEqual([
      ['cdcdcdcdcdcd', '<none>', '<none>'],
      ['127.0.0.1:5000/b:latest', '127.0.0.1:5000/b', 'latest'],
      ['a:1', 'a', '1'],
    ]);
    expect(shortId(image.id)).toBe('abababababab');
    expect(matchesFilter(rows[1], '5000/B')).toBe(true);
    expect(matchesFilter(rows[2], 'abab')).toBe(true);
    expect(matchesFilter(rows[2], 'zzz')).toBe(false);
  });

  it('counts containers per image once the usage has arrived, and leaves them unknown before', () => {
    const images = [
      { ...image, repoTags: ['a:1', 'a:2'] },
      { ...image, id: 'sha256:' + 'cd'.repeat(32), repoTags: ['b:1'] },
    ];
    expect(imageRows(images).map((row) => row.containers)).toEqual([undefined, undefined, undefined]);
    const rows = imageRows(images, [{ id: image.id, containers: ['web', 'worker'] }]);
    expect(rows.map((row) => [row.reference, row.containers])).toEqual([
      ['a:1', 2],
      ['a:2', 2],
      ['b:1', 0],
    ]);
  });
});

describe('base64', () => {
  it('round-trips bytes larger than one String.fromCharCode call', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
});
