import { eventIterator, oc } from '@orpc/contract';
import { z } from 'zod';
import { connectionState, engineEvent } from './schemas';

export const engineContract = {
  /** The connection state now, then every change. */
  state: oc.output(eventIterator(connectionState)),
  /** Try to connect at once instead of waiting for the next backoff step. */
  retry: oc.input(z.strictObject({}).optional()).output(z.void()),
  /** Engine events (containers, images, volumes, networks) as they happen. */
  events: oc.output(eventIterator(engineEvent)),
};
