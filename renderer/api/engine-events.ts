import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { client, orpc } from './client';

const SETTLE_MS = 300;

/**
 * Engine events invalidate exactly the lists they touch; nothing polls.
 * Subscribed only while connected: a new connection means a new stream.
 * `engineKey` names the engine in use, so switching engines (which can go
 * connected → connected within one render) also refetches everything.
 */
export function useEngineEventInvalidation(connected: boolean, engineKey = ''): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!connected) return;
    const controller = new AbortController();
    const settle = new Map<string, ReturnType<typeof setTimeout>>();
    const refresh = (queryKey: readonly unknown[]) => {
      void queryClient.invalidateQueries({ queryKey });
      // The engine can announce a change (e.g. "die") a moment before its list
      // shows it, so look once more after the burst of events settles.
      const id = JSON.stringify(queryKey);
      clearTimeout(settle.get(id));
      settle.set(id, setTimeout(() => void queryClient.invalidateQueries({ queryKey }), SETTLE_MS));
    };
    // A fresh connection may have missed anything: refetch once.
    void queryClient.invalidateQueries();
    void (async () => {
      try {
        const stream = await client.engine.events(undefined, { signal: controller.signal });
        for await (const event of stream) {
          if (event.type === 'container') refresh(orpc.containers.key());
          // Images change with pulls, builds, tags and removals; which containers use them, when containers come and go.
          if (event.type === 'image') refresh(orpc.images.key());
          if (event.type === 'container' && (event.action === 'create' || event.action === 'destroy')) refresh(orpc.images.usage.key());
          // What an image declares (the run form's suggestions) appears once it is pulled.
          if (event.type === 'image') refresh(orpc.containers.imageDefaults.key());
          // Volumes, and which containers use them. Only the lists: reading a
          // volume's files makes a helper container, whose events must not re-read it.
          if (event.type === 'volume' && ['create', 'destroy', 'prune'].includes(event.action)) refresh(orpc.volumes.list.key());
          // A volume only gains or loses users through container events (one in use cannot be removed).
          if (event.type === 'container' && ['create', 'destroy', 'rename', 'start', 'die'].includes(event.action)) {
            refresh(orpc.volumes.usage.key());
            refresh(orpc.volumes.containers.key());
          }
          // The dashboard counts everything: any event may change it.
          refresh(orpc.system.key());
        }
      } catch {
        // The connection state stream reports the loss; it resubscribes us.
      }
    })();
    return () => {
      controller.abort();
      for (const timer of settle.values()) clearTimeout(timer);
    };
  }, [connected, engineKey, queryClient]);
}
