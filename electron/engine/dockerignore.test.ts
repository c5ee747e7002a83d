import { describe, expect, it } from 'vitest';
import { compilePattern, parseDockerIgnore } from './dockerignore';

describe('compilePattern', () => {
  it.each([
    ['*.log', 'a.log', true],
    ['*.log', 'dir/a.log', false],
    ['**/*.log', 'dir/sub/a.log', true],
    ['**/*.log', 'a.log', true],
    ['dir/**', 'dir/x/y', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[ab].txt', 'b.txt', true],
    ['[!ab].txt', 'c.txt', true],
    ['[!ab].txt', 'a.txt', false],
    ['file\\*', 'file*', true],
    ['file\\*', 'fileX', false],
    ['a.b', 'aXb', false],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(compilePattern(pattern).test(path)).toBe(expected);
  });
});

describe('parseDockerIgnore', () => {
  const ignore = parseDockerIgnore(
    ['# comment', '', 'node_modules', '*.log', '/secret.txt', 'build/', 'docs/**/*.md', '!docs/keep/README.md', '  tmp  ', './x/../y'].join('\n'),
  );

  it.each([
    ['node_modules', true],
    ['node_modules/pkg/index.js', true],
    ['app.log', true],
    ['sub/app.log', false],
    ['secret.txt', true],
    ['build/out.bin', true],
    ['docs/guide/a.md', true],
    ['docs/keep/README.md', false],
    ['docs/a.txt', false],
    ['tmp', true],
    ['y/file', true],
    ['src/index.ts', false],
    ['Dockerfile', false],
    ['# comment', false],
  ])('%s ignored: %s', (path, expected) => {
    expect(ignore.ignores(path)).toBe(expected);
  });

  it('knows when an exclusion may bring files back', () => {
    expect(ignore.hasExclusions).toBe(true);
    expect(parseDockerIgnore('a\nb').hasExclusions).toBe(false);
  });

  it('the last matching line wins', () => {
    const rules = parseDockerIgnore('*.md\n!README.md\nREADME.md');
    expect(rules.ignores('README.md')).toBe(true);
    expect(parseDockerIgnore('*.md\n!README.md').ignores('README.md')).toBe(false);
  });

  it('an empty file ignores nothing, CRLF lines work', () => {
    expect(parseDockerIgnore('').ignores('anything')).toBe(false);
    expect(parseDockerIgnore('a.txt\r\nb.txt\r\n').ignores('b.txt')).toBe(true);
  });
});
