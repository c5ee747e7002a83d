/**
 * Follows a stream for as long as someone listens: when it breaks (the web
 * host restarted, the socket dropped), it is opened again after `retryMs`.
 * `onOpen` runs each time the stream is (re)opened, before its first item.
 * Returns the function that stops following.
 */
export function followForever<T>(
  open: (signal: AbortSignal) => Promise<AsyncIterable<T>>,
  onItem: (item: T) => void,
  { retryMs, onOpen }: { retryMs: number; onOpen?: () => void },
): () => void {
  const controller = new AbortController();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    try {
      const stream = await open(controller.signal);
      onOpen?.();
      for await (const item of stream) onItem(item);
    } catch {
      // The stream broke; open it again below.
    }
    if (!controller.signal.aborted) retry = setTimeout(() => void run(), retryMs);
  };
  void run();
  return () => {
    controller.abort();
    clearTimeout(retry);
  };
}
