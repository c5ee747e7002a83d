import { useCallback, useEffect, useRef, useState } from 'react';

export type WorkState<T> =
  | { status: 'idle' }
  | { status: 'running'; last?: T }
  | { status: 'done'; last?: T }
  | { status: 'cancelled' }
  | { status: 'error'; error: unknown };

/**
 * Runs one long piece of work (a stream of progress events) at a time, with
 * cancel. Leaving the screen cancels it: the host then closes the engine stream.
 */
export function useWork<T>() {
  const [state, setState] = useState<WorkState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (work: (signal: AbortSignal, report: (event: T) => void) => Promise<T | void>) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'running' });
    try {
      const last = await work(current.signal, (event) => {
        if (!current.signal.aborted) setState({ status: 'running', last: event });
      });
      if (!current.signal.aborted) setState({ status: 'done', last: last ?? undefined });
      return true;
    } catch (error) {
      setState(current.signal.aborted ? { status: 'cancelled' } : { status: 'error', error });
      return false;
    } finally {
      if (controller.current === current) controller.current = undefined;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setState({ status: 'cancelled' });
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, run, cancel, reset };
}

/** Follows a stream to its end, reporting each event; returns the last one. */
export async function follow<T>(stream: AsyncIterable<T>, report: (event: T) => void): Promise<T | undefined> {
  let last: T | undefined;
  for await (const event of stream) {
    last = event;
    report(event);
  }
  return last;
}
