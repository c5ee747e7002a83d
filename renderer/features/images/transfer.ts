import type { TransferEvent } from '../../../electron/api/images-schemas';

export type ProgressEvent = Extract<TransferEvent, { type: 'progress' }>;

export interface TransferValue {
  progress?: ProgressEvent;
  done?: Extract<TransferEvent, { type: 'done' }>;
}

export const initialTransfer: TransferValue = {};

export function reduceTransfer(value: TransferValue, event: TransferEvent): TransferValue {
  return event.type === 'progress' ? { ...value, progress: event } : { ...value, done: event };
}

/**
 * True when nothing had to move: the engine said "Image is up to date" (pull), or the
 * transfer finished with no bytes to send and every layer already there (push, or a
 * pull from an engine that does not say it). "0 B of 0 B" would read like a failure.
 */
export function nothingToTransfer(value: TransferValue): boolean {
  const progress = value.progress;
  if (progress?.messages.some((message) => /\bimage is up to date\b/i.test(message))) return true;
  if (!value.done) return false;
  return !progress || (progress.bytesTotal === 0 && progress.layers.every((layer) => layer.phase === 'exists'));
}
