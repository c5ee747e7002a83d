import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { volumeRun } from '../api/docker-commands';
import { splitShellWords } from '../api/shell-words';
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

  it('is the splitter the shown command uses', () => {
    for (const line of ['echo hi; touch /tmp/x $(id -un)', String.raw`a\ b "c\"d" 'e'\''f'`]) expect(splitCommand(line)).toEqual(splitShellWords(line));
  });
});

/** Typed commands meant to run something on the machine that pastes the shown command. */
const HOSTILE = [
  'echo hi; touch /tmp/x $(id -un)',
  'echo `id -un` && id | tee /tmp/y',
  'echo $HOME ${PATH} > /tmp/z',
  "echo 'a'\\''b' \"$(uname)\"",
  'sh -c "echo in; echo out" & id',
  'echo a\nid',
  'echo * ~ ?',
  'printf %s "x\\"; id #"',
];

describe('volumeRun: the typed command as the server splits it', () => {
  const shown = (command: string) => volumeRun({ volume: 'data', image: 'busybox', target: '/data', readOnly: false, command });

  it('quotes each word, so a shell gives docker exactly the words the engine got', () => {
    expect(shown('echo hi; touch /tmp/x $(id -un)')).toBe("docker run -d -v data:/data busybox echo 'hi;' touch /tmp/x '$(id' '-un)'");
    for (const command of HOSTILE) {
      const words = splitShellWords(shown(command));
      expect(words.slice(words.indexOf('busybox') + 1)).toEqual(splitCommand(command));
    }
  });

  it.runIf(process.platform !== 'win32')('runs nothing on the host when a shell runs it', () => {
    const bash = execFileSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
    for (const command of HOSTILE) {
      // `docker` is a shell function that prints its words; with no PATH, any other command fails
      // (said on stderr, which must stay empty) and any builtin that runs prints more words.
      const run = spawnSync(bash, ['--norc', '--noprofile', '-c', `docker() { printf '%s\\0' "$@"; }; ${shown(command)}`], { encoding: 'utf8', env: { PATH: '/nonexistent' } });
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\0').slice(0, -1)).toEqual(['run', '-d', '-v', 'data:/data', 'busybox', ...splitCommand(command)]);
    }
  });

  it('leaves out a command with an unclosed quote, which the server refuses', () => {
    expect(shown('sh -c "echo')).toBe('docker run -d -v data:/data busybox');
  });
});
