import { ORPCError } from '@orpc/server';
import { describe, expect, it, vi } from 'vitest';
import { logFailedCalls } from './call-log';

function sink() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), addSecret: vi.fn() };
}

describe('logFailedCalls', () => {
  it('logs the call and the engine error, and passes the error on', async () => {
    const log = sink();
    const failing = () => Promise.reject(new ORPCError('NOT_FOUND', { status: 404, message: 'No such container: web' }));
    await expect(logFailedCalls(log)({ next: failing, path: ['containers', 'start'] })).rejects.toThrow('No such container');
    expect(log.warn).toHaveBeenCalledWith('Call containers.start failed: NOT_FOUND: No such container: web');
  });

  it('keeps the stack of an unexpected error', async () => {
    const log = sink();
    const bug = new TypeError('x is undefined');
    await expect(logFailedCalls(log)({ next: () => Promise.reject(bug), path: ['volumes', 'list'] })).rejects.toBe(bug);
    expect(log.error).toHaveBeenCalledWith('Call volumes.list failed', bug);
  });

  it('stays silent for successful and cancelled calls', async () => {
    const log = sink();
    expect(await logFailedCalls(log)({ next: () => Promise.resolve(7), path: ['x'] })).toBe(7);
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    await expect(logFailedCalls(log)({ next: () => Promise.reject(abort), path: ['logs', 'follow'] })).rejects.toBe(abort);
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });
});
