import { useCallback, useEffect, useRef, useState } from 'react';
import { engineConnected } from '../../api/engine-state';
import { trackRunningWork } from '../../api/running-work';

export type WorkState<T> =
  | { status: 'idle' }
  | { status: 'running'; last?: T }
  | { status: 'done'; last?: T }
  | { status: 'cancelled' }
  | { status: 'error'; error: unknown };

/**
 * Runs one long piece of work (a stream of progress events) at a time, with
 * cancel. Leaving the screen cancels it: the host then closes the engine stream.
 * With a `description`, the work is listed while it runs (running-work.ts), so
 * the offline screen can name what the engine's absence cut off.
 */
export function useWork<T>() {
  const [state, setState] = useState<WorkState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const endWork = useRef<((cutOff: boolean) => void) | undefined>(undefined);

  useEffect(
    () => () => {
      controller.current?.abort();
      // The panel closes under running work: when the engine went away, that is what cut it off.
      endWork.current?.(!engineConnected());
    },
    [],
  );

  const run = useCallback(async (work: (signal: AbortSignal, report: (event: T) => void) => Promise<T | void>, description?: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    endWork.current?.(false);
    const endMine = description ? trackRunningWork(description) : undefined;
    endWork.current = endMine;
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
      // Work that failed because the engine went away stays named as cut off.
      endMine?.(!engineConnected());
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
