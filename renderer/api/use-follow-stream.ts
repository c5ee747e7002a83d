import { useEffect, useState } from 'react';

/**
 * Follows a server stream while the component is mounted and `key` is
 * unchanged; unmounting (closing the panel) aborts it, which closes the
 * engine stream behind it. (Work the user starts and may cancel, such as a
 * pull or a build, uses useActionStream instead.)
 */
export function useFollowStream<T>(
  open: (signal: AbortSignal) => Promise<AsyncIterable<T>>,
  onItem: (item: T) => void,
  key: string,
): { error: unknown; done: boolean } {
  // The outcome is remembered with the key it belongs to, so a new key starts clean.
  const [state, setState] = useState<{ key: string; error: unknown; done: boolean }>();
  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        for await (const item of await open(controller.signal)) onItem(item);
        if (!controller.signal.aborted) setState({ key, error: undefined, done: true });
      } catch (error) {
        if (!controller.signal.aborted) setState({ key, error, done: true });
      }
    })();
    return () => controller.abort();
    // `open` and `onItem` are recreated each render; the stream restarts only when `key` changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state?.key === key ? state : { error: undefined, done: false };
}
