import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ptBR from '../../i18n/pt-BR.json';
import { offlineReasonKey } from './offline-reason';
import { offlineReason } from '../../../electron/api/schemas';

function lookup(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
}

describe('offlineReasonKey', () => {
  it('names a refused ssh server as such, not as an engine that may be stopping', () => {
    expect(offlineReasonKey('refused', 'ssh')).toBe('offline.reason.ssh-refused');
    expect(offlineReasonKey('refused', 'tcp')).toBe('offline.reason.tcp-refused');
    expect(offlineReasonKey('refused', 'unix')).toBe('offline.reason.refused');
    expect(offlineReasonKey('ssh-auth', 'ssh')).toBe('offline.reason.ssh-auth');
  });

  it('has a sentence in both languages for every reason on every kind of address', () => {
    for (const reason of offlineReason.options) {
      for (const kind of ['unix', 'npipe', 'tcp', 'ssh'] as const) {
        const key = offlineReasonKey(reason, kind);
        expect(typeof lookup(en, key), `${key} in en`).toBe('string');
        expect(typeof lookup(ptBR, key), `${key} in pt-BR`).toBe('string');
      }
    }
  });
});
