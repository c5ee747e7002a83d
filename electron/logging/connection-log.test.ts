import { describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../api/schemas';
import { connectionLogEntry, connectionLogger } from './connection-log';

const endpoint = { kind: 'unix' as const, address: '/var/run/docker.sock', source: 'default' as const, tls: false };
const connected: ConnectionState = { status: 'connected', endpoint, engineVersion: '27.3.1', apiVersion: '1.47', os: 'linux', platform: 'linux', product: 'Docker', unsupported: [] };
const offline: ConnectionState = {
  status: 'offline',
  endpoint,
  reason: 'refused',
  trouble: 'not-running',
  detail: 'connect ECONNREFUSED /var/run/docker.sock',
  platform: 'linux',
  nextRetryMs: 2000,
};
const connecting: ConnectionState = { status: 'connecting', endpoint };

describe('engine connection lines in the log', () => {
  it('logs connecting to and losing the engine', () => {
    expect(connectionLogEntry(null, connected)).toEqual({ level: 'info', message: 'Engine connected: unix:///var/run/docker.sock (linux, engine 27.3.1, API 1.47)' });
    expect(connectionLogEntry(connected, offline)?.message).toBe('Engine offline: unix:///var/run/docker.sock: refused (not-running): connect ECONNREFUSED /var/run/docker.sock');
  });

  it('writes one line for a whole outage, not one per retry', () => {
    const sink = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), addSecret: vi.fn() };
    const logState = connectionLogger(sink);
    for (const state of [connecting, connected, connecting, offline, { ...offline, nextRetryMs: 4000 }, connecting, offline, connecting, connected]) logState(state);
    expect(sink.warn).toHaveBeenCalledTimes(1);
    expect(sink.info).toHaveBeenCalledTimes(2); // connected, and connected again after the outage
  });

  it('logs a switch to another engine', () => {
    const other = { ...connecting, endpoint: { ...endpoint, kind: 'tcp' as const, address: '10.0.0.2:2376', tls: true } };
    expect(connectionLogEntry(connected, other)?.message).toBe('Connecting to tcp://10.0.0.2:2376');
  });
});
