import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { connectionState, containerRefInput, containerSummary, engineEvent } from './schemas';

/**
 * The one contract between the renderer and the main process. Every call's
 * input is parsed by its zod schema before any handler (and so the engine)
 * sees it; unknown fields are rejected by strict objects.
 */
export const contract = {
  engine: {
    /** The connection state now, then every change. */
    state: oc.output(eventIterator(connectionState)),
    /** Try to connect at once instead of waiting for the next backoff step. */
    retry: oc.input(z.strictObject({}).optional()).output(z.void()),
    /** Engine events (containers, images, volumes, networks) as they happen. */
    events: oc.output(eventIterator(engineEvent)),
  },
  containers: {
    list: oc.input(z.strictObject({ all: z.boolean() })).output(z.array(containerSummary)),
    start: oc.input(containerRefInput).output(z.void()),
    stop: oc.input(containerRefInput).output(z.void()),
  },
};

export type Contract = typeof contract;
