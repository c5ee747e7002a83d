import { useSyncExternalStore } from 'react';
import type { ConnectionState } from '../../electron/api/schemas';
import { client } from './client';
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
  const controller = new AbortController();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    try {
      const stream = await client.engine.state(undefined, { signal: controller.signal });
      for await (const next of stream) {
        current = next;
        // Back: the offline screen that named the work cut off has closed.
        if (next.status === 'connected') forgetCutOffWork();
        for (const listener of listeners) listener();
      }
    } catch {
      // fall through to resubscribe
    }
    if (!controller.signal.aborted) retry = setTimeout(() => void run(), 500);
  };
  void run();
  return () => {
    controller.abort();
    clearTimeout(retry);
  };
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
