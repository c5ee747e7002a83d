import { describe, expect, it } from 'vitest';
import { splitCommand } from './volume-attach';

describe('splitCommand', () => {
  it.each([
    ['sleep 60', ['sleep', '60']],
    ['  sh   -c  "echo hi > /data/a.txt" ', ['sh', '-c', 'echo hi > /data/a.txt']],
    ["sh -c 'echo \"x\"'", ['sh', '-c', 'echo "x"']],
    ['echo ""', ['echo', '']],
    ['', []],
  ])('%j', (line, words) => {
    expect(splitCommand(line)).toEqual(words);
  });

  it('refuses an unclosed quote', () => {
    expect(() => splitCommand('sh -c "echo')).toThrow(/quote/);
  });
});
