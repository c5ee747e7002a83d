import { describe, expect, it } from 'vitest';
import { nothingToTransfer, type TransferValue } from './transfer';

const progress = (messages: string[], layers: { phase: 'exists' | 'complete' }[], bytesTotal = 0) => ({
  type: 'progress' as const,
  messages,
  layers: layers.map((layer, index) => ({ id: `l${index}`, phase: layer.phase, current: bytesTotal, total: bytesTotal, extracted: 0 })),
  bytesDone: bytesTotal,
  bytesTotal,
  elapsedMs: 10,
});
const done = { type: 'done' as const, reference: 'busybox:1', elapsedMs: 20 };

describe('nothingToTransfer', () => {
  it('is true when the engine says the image is up to date, even before the end', () => {
    const value: TransferValue = { progress: progress(['1: Pulling from demo/busybox', 'Digest: sha256:ab', 'Status: Image is up to date for busybox:1'], []) };
    expect(nothingToTransfer(value)).toBe(true);
  });

  it('is true for a finished push whose every layer was already in the registry', () => {
    expect(nothingToTransfer({ progress: progress(['The push refers to repository [x]'], [{ phase: 'exists' }, { phase: 'exists' }]), done })).toBe(true);
  });

  it('is false while bytes are moving or when a layer was really sent', () => {
    expect(nothingToTransfer({ progress: progress([], [{ phase: 'exists' }]) })).toBe(false);
    expect(nothingToTransfer({ progress: progress(['Status: Downloaded newer image for busybox:1'], [{ phase: 'complete' }], 1000), done })).toBe(false);
  });
});
