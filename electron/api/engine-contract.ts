import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { connectionState, engineEvent, noInput } from './schemas';

export const engineContract = {
  /** The connection state now, then every change. */
  state: oc.input(noInput).output(eventIterator(connectionState)),
  /** Try to connect at once instead of waiting for the next backoff step. */
  retry: oc.input(noInput).output(z.void()),
  /** Engine events (containers, images, volumes, networks) as they happen. */
  events: oc.input(noInput).output(eventIterator(engineEvent)),
};
