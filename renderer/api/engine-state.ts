import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../electron/api/schemas';
import { client } from './client';

/**
 * The engine's connection state, live. If the stream itself breaks (the web
 * host restarted), subscribe again after a short pause.
 */
export function useConnectionState(): ConnectionState | undefined {
  const [state, setState] = useState<ConnectionState>();
  useEffect(() => {
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const follow = async () => {
      try {
        const stream = await client.engine.state(undefined, { signal: controller.signal });
        for await (const next of stream) setState(next);
      } catch {
        // fall through to resubscribe
      }
      if (!controller.signal.aborted) retry = setTimeout(() => void follow(), 500);
    };
    void follow();
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, []);
  return state;
}
