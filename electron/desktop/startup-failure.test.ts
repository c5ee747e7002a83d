import { describe, expect, it } from 'vitest';
import { translator } from './desktop-text';
import { describeStartupFailure, MISSING_FILES, oneLineReason } from './startup-failure';

const context = { t: translator('en'), dataDir: '/home/ana/.config/Cais', logFile: '/home/ana/.config/Cais/logs/cais.log', logWritten: true };

function fsError(code: string, message: string, path?: string): Error {
  return Object.assign(new Error(message), { code, path });
}

const STACK_FRAME = /^\s*at\s|\(.*:\d+:\d+\)|\.js:\d+/m;

describe('the startup failure message', () => {
  it('names the data folder it cannot write, and where the log is, without a stack frame', () => {
    const error = fsError('EACCES', "EACCES: permission denied, open '/home/ana/.config/Cais/settings.json'", '/home/ana/.config/Cais/settings.json');
    const failure = describeStartupFailure(error, context);
    expect(failure.title).toBe('Cais could not start');
    expect(failure.message).toContain('Cais cannot write to its data folder (/home/ana/.config/Cais/settings.json)');
    expect(failure.message).toContain('The log file has the details: /home/ana/.config/Cais/logs/cais.log');
    expect(error.stack).toMatch(STACK_FRAME);
    expect(failure.message).not.toMatch(STACK_FRAME);
  });

  it('speaks Portuguese', () => {
    const failure = describeStartupFailure(fsError('ENOSPC', 'ENOSPC: no space left on device, write'), { ...context, t: translator('pt-BR') });
    expect(failure.title).toBe('O Cais não conseguiu iniciar');
    expect(failure.message).toMatch(/^O disco está cheio/);
    expect(failure.message).toContain('O que deu errado: ENOSPC: no space left on device, write');
  });

  it('says to reinstall when the app\'s own files are missing', () => {
    const failure = describeStartupFailure(fsError(MISSING_FILES, 'index.html: ERR_FILE_NOT_FOUND'), context);
    expect(failure.message).toMatch(/^Some of Cais's own files are missing or damaged/);
  });

  it('keeps only the first line of a message that embeds a stack trace', () => {
    const error = new TypeError('Cannot read properties of undefined (reading \'x\')\n    at start (file:///app/out/main/main.js:10:5)\n    at node:internal/process:1:1');
    const failure = describeStartupFailure(error, context);
    expect(failure.message).toMatch(/^Something unexpected stopped Cais from starting/);
    expect(failure.message).toContain("What went wrong: Cannot read properties of undefined (reading 'x')");
    expect(failure.message).not.toMatch(STACK_FRAME);
  });

  it('says when the log could not be written either', () => {
    const failure = describeStartupFailure(new Error('boom'), { ...context, logWritten: false });
    expect(failure.message).toContain('The log file could not be written either (/home/ana/.config/Cais/logs/cais.log).');
  });

  it('never shows a secret from the error', () => {
    expect(oneLineReason(new Error('Error: connect to tcp://ana:hunter2@10.0.0.2:2376 failed'))).toBe('connect to tcp://ana:[redacted]@10.0.0.2:2376 failed');
    expect(oneLineReason('x'.repeat(1000)).length).toBeLessThan(310);
  });
});
