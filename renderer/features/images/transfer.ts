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
