import { useCallback, useEffect, useRef, useState } from 'react';

export type StreamStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface StreamState<S> {
  status: StreamStatus;
  value: S;
  error?: unknown;
}

/**
 * Runs one server stream at a time (pull, push, build, save), folding its
 * events into a value. Cancel, a new start, or unmounting the panel aborts
 * the stream, and with it the engine's work.
 */
export function useActionStream<I, E, S>(
  open: (input: I, signal: AbortSignal) => Promise<AsyncIterable<E>>,
  reduce: (value: S, event: E) => S,
  initial: S,
) {
  const [state, setState] = useState<StreamState<S>>({ status: 'idle', value: initial });
  const controller = useRef<AbortController | undefined>(undefined);
  const latest = useRef({ open, reduce, initial });
  useEffect(() => {
    latest.current = { open, reduce, initial };
  });

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (input: I) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const { open: openStream, reduce: fold, initial: first } = latest.current;
    let value = first;
    setState({ status: 'running', value });
    try {
      const stream = await openStream(input, mine.signal);
      for await (const event of stream) {
        value = fold(value, event);
        if (!mine.signal.aborted) setState({ status: 'running', value });
      }
      if (!mine.signal.aborted) setState({ status: 'done', value });
      return value;
    } catch (error) {
      setState(mine.signal.aborted ? { status: 'cancelled', value } : { status: 'failed', value, error });
      return undefined;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((current) => (current.status === 'running' ? { ...current, status: 'cancelled' } : current));
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    setState({ status: 'idle', value: latest.current.initial });
  }, []);

  return { ...state, start, cancel, reset };
}
