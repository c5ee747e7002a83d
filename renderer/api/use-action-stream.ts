import { useCallback, useEffect, useRef, useState } from 'react';
import { engineConnected } from './engine-state';
import { trackRunningWork } from './running-work';

export type StreamStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface StreamState<S> {
  status: StreamStatus;
  value: S;
  error?: unknown;
}

/**
 * Runs one server stream at a time (pull, push, build, save), folding its
 * events into a value. Cancel, a new start, or unmounting the panel aborts
 * the stream, and with it the engine's work. With `describe`, running work
 * is listed (running-work.ts), so the offline screen can name what it cut off.
 */
export function useActionStream<I, E, S>(
  open: (input: I, signal: AbortSignal) => Promise<AsyncIterable<E>>,
  reduce: (value: S, event: E) => S,
  initial: S,
  describe?: (input: I) => string,
) {
  const [state, setState] = useState<StreamState<S>>({ status: 'idle', value: initial });
  const controller = useRef<AbortController | undefined>(undefined);
  const endWork = useRef<((cutOff: boolean) => void) | undefined>(undefined);
  const latest = useRef({ open, reduce, initial, describe });
  useEffect(() => {
    latest.current = { open, reduce, initial, describe };
  });

  useEffect(
    () => () => {
      controller.current?.abort();
      // The panel closes under running work: when the engine went away, that is what cut it off.
      endWork.current?.(!engineConnected());
    },
    [],
  );

  const start = useCallback(async (input: I) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const { open: openStream, reduce: fold, initial: first, describe: label } = latest.current;
    endWork.current?.(false);
    const endMine = label ? trackRunningWork(label(input)) : undefined;
    endWork.current = endMine;
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
    } finally {
      endMine?.(false);
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
