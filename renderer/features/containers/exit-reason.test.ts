import { describe, expect, it } from 'vitest';
import { exitCodeOfStatus, explainExit, isBareShell, killedBy } from './exit-reason';

describe('explainExit', () => {
  it('says a bare shell without a terminal or input exits at once, and offers a command that keeps running', () => {
    for (const command of [['sh'], ['/bin/sh'], ['/bin/bash'], ['ash'], ['bash', '-l']]) {
      expect(explainExit({ exitCode: 0, command })).toEqual({ reason: 'shellNoInput', code: 0, offerKeepRunning: true, showLogs: false });
    }
  });

  it('calls a shell with a terminal or open input, a script, or any other program simply finished', () => {
    expect(explainExit({ exitCode: 0, command: ['sh'], tty: true }).reason).toBe('finished');
    expect(explainExit({ exitCode: 0, command: ['sh'], openStdin: true }).reason).toBe('finished');
    expect(explainExit({ exitCode: 0, command: ['sh', '-c', 'echo hi'] }).reason).toBe('finished');
    expect(explainExit({ exitCode: 0, command: ['echo', 'hi'] }).reason).toBe('finished');
    expect(explainExit({ exitCode: 0 }).reason).toBe('finished');
  });

  it('trusts the engine that memory ran out over the code', () => {
    expect(explainExit({ exitCode: 137, oomKilled: true }).reason).toBe('outOfMemory');
  });

  it('names the signals and the shell codes', () => {
    expect(explainExit({ exitCode: 137 }).reason).toBe('killed');
    expect(explainExit({ exitCode: 143 }).reason).toBe('terminated');
    expect(explainExit({ exitCode: 126 })).toMatchObject({ reason: 'notRunnable', showLogs: true });
    expect(explainExit({ exitCode: 127 })).toMatchObject({ reason: 'notFound', showLogs: true });
  });

  it('calls any other code an error the program reported, with its logs beside', () => {
    expect(explainExit({ exitCode: 1 })).toMatchObject({ reason: 'error', code: 1, showLogs: true, offerKeepRunning: false });
    expect(explainExit({ exitCode: 2 }).reason).toBe('error');
  });
});

describe('isBareShell', () => {
  it('is a shell with no script', () => {
    expect(isBareShell(['/usr/bin/zsh'])).toBe(true);
    expect(isBareShell(['sh', '-c', 'x'])).toBe(false);
    expect(isBareShell(['sleep', 'infinity'])).toBe(false);
    expect(isBareShell([])).toBe(false);
  });
});

describe('exitCodeOfStatus', () => {
  it('reads the code from the engine status', () => {
    expect(exitCodeOfStatus('Exited (137) 2 minutes ago')).toBe(137);
    expect(exitCodeOfStatus('Up 5 minutes')).toBeUndefined();
  });
});

describe('killedBy', () => {
  it('names Stop when its grace period ran out, Kill when SIGKILL came alone, and nothing without events', () => {
    const stop = [{ action: 'kill', signal: '15' }, { action: 'kill', signal: '9' }, { action: 'die' }, { action: 'stop' }];
    expect(killedBy(stop)).toBe('stop');
    expect(killedBy([{ action: 'kill', signal: '9' }, { action: 'die' }])).toBe('kill');
    expect(killedBy([{ action: 'kill', signal: 'SIGKILL' }])).toBe('kill');
    expect(killedBy([{ action: 'kill', signal: '15' }, { action: 'die' }, { action: 'stop' }])).toBeUndefined();
    expect(killedBy([])).toBeUndefined();
  });

  it('turns a 137 into the sentence of who killed it', () => {
    expect(explainExit({ exitCode: 137, killedBy: 'stop' }).reason).toBe('killedByStop');
    expect(explainExit({ exitCode: 137, killedBy: 'kill' }).reason).toBe('killedByKill');
    expect(explainExit({ exitCode: 137, killedBy: 'kill', oomKilled: true }).reason).toBe('outOfMemory');
  });
});
