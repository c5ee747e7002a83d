import { useSyncExternalStore } from 'react';
import type { ConnectionState } from '../../electron/api/schemas';
import { client } from './client';
import { followForever } from './follow-forever';
import { forgetCutOffWork } from './running-work';

/**
 * The engine's connection state, live, from one stream shared by every
 * component that asks (the shell, the settings page, each engine-gap check).
 * The stream runs while anyone listens; if it breaks (the web host
 * restarted), it is opened again after a short pause.
 */
let current: ConnectionState | undefined;
const listeners = new Set<() => void>();
let stopFollowing: (() => void) | undefined;

function follow(): () => void {
  return followForever(
    (signal) => client.engine.state(undefined, { signal }),
    (next) => {
      current = next;
      // Back: the offline screen that named the work cut off has closed.
      if (next.status === 'connected') forgetCutOffWork();
      for (const listener of listeners) listener();
    },
    { retryMs: 500 },
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  stopFollowing ??= follow();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopFollowing?.();
      stopFollowing = undefined;
    }
  };
}

export function useConnectionState(): ConnectionState | undefined {
  return useSyncExternalStore(subscribe, () => current);
}

/** Whether the engine answers right now, for code that runs outside a render (a panel closing). */
export function engineConnected(): boolean {
  return current?.status === 'connected';
}
