import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { client, orpc } from './client';

/**
 * Engine events invalidate exactly the lists they touch; nothing polls.
 * Subscribed only while connected: a new connection means a new stream.
 */
export function useEngineEventInvalidation(connected: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!connected) return;
    const controller = new AbortController();
    // A fresh connection may have missed anything: refetch once.
    void queryClient.invalidateQueries();
    void (async () => {
      try {
        const stream = await client.engine.events(undefined, { signal: controller.signal });
        for await (const event of stream) {
          if (event.type === 'container') {
            void queryClient.invalidateQueries({ queryKey: orpc.containers.key() });
          }
          // Volumes, and which containers use them. Only the lists: reading a
          // volume's files makes a helper container, whose events must not re-read it.
          if (
            (event.type === 'volume' && ['create', 'destroy', 'prune'].includes(event.action)) ||
            (event.type === 'container' && ['create', 'destroy', 'rename', 'start', 'die'].includes(event.action))
          ) {
            void queryClient.invalidateQueries({ queryKey: orpc.volumes.list.key() });
            void queryClient.invalidateQueries({ queryKey: orpc.volumes.containers.key() });
          }
        }
      } catch {
        // The connection state stream reports the loss; it resubscribes us.
      }
    })();
    return () => controller.abort();
  }, [connected, queryClient]);
}
