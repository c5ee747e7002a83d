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
          // Volumes, and which containers use them.
          if (event.type === 'volume' || (event.type === 'container' && ['create', 'destroy', 'rename', 'start', 'die'].includes(event.action))) {
            void queryClient.invalidateQueries({ queryKey: orpc.volumes.key() });
          }
        }
      } catch {
        // The connection state stream reports the loss; it resubscribes us.
      }
    })();
    return () => controller.abort();
  }, [connected, queryClient]);
}
