import { describe, expect, it } from 'vitest';
import { ProgressAggregator } from './image-progress';

describe('ProgressAggregator (pull)', () => {
  it('follows each layer from waiting to complete and sums bytes', () => {
    const progress = new ProgressAggregator();
    progress.push({ status: 'Pulling from cais/app', id: 'v1' });
    progress.push({ status: 'Pulling fs layer', id: 'aaa' });
    progress.push({ status: 'Already exists', id: 'bbb' });
    progress.push({ status: 'Pulling fs layer', id: 'ccc' });
    progress.push({ status: 'Downloading', id: 'aaa', progressDetail: { current: 100, total: 1000 } });
    progress.push({ status: 'Downloading', id: 'ccc', progressDetail: { current: 50, total: 500 } });
    let snap = progress.snapshot();
    expect(snap.bytesDone).toBe(150);
    expect(snap.bytesTotal).toBe(1500);
    expect(snap.layers.map((l) => [l.id, l.phase])).toEqual([
      ['aaa', 'downloading'],
      ['bbb', 'exists'],
      ['ccc', 'downloading'],
    ]);
    expect(snap.messages).toEqual(['v1: Pulling from cais/app']);

    progress.push({ status: 'Verifying Checksum', id: 'aaa', progressDetail: {} });
    progress.push({ status: 'Download complete', id: 'aaa', progressDetail: {} });
    progress.push({ status: 'Extracting', id: 'aaa', progressDetail: { current: 400, total: 1000 } });
    snap = progress.snapshot();
    expect(snap.bytesDone).toBe(1050);
    expect(snap.layers[0]).toMatchObject({ phase: 'extracting', extracted: 400 });

    progress.push({ status: 'Pull complete', id: 'aaa', progressDetail: {} });
    progress.push({ status: 'Download complete', id: 'ccc', progressDetail: {} });
    progress.push({ status: 'Pull complete', id: 'ccc', progressDetail: {} });
    progress.push({ status: `Digest: sha256:${'f'.repeat(64)}` });
    progress.push({ status: 'Status: Downloaded newer image for cais/app:v1' });
    snap = progress.snapshot();
    expect(snap.bytesDone).toBe(1500);
    expect(snap.bytesTotal).toBe(1500);
    expect(snap.layers.every((l) => l.phase === 'complete' || l.phase === 'exists')).toBe(true);
    expect(snap.digest).toBe(`sha256:${'f'.repeat(64)}`);
  });

  it('returns the error text of an error line', () => {
    const progress = new ProgressAggregator();
    expect(progress.push({ error: 'boom', errorDetail: { message: 'manifest unknown' } })).toBe('manifest unknown');
    expect(progress.push({ error: 'plain' })).toBe('plain');
  });

  it('a layer that finishes without progress lines counts as zero bytes, not NaN', () => {
    const progress = new ProgressAggregator();
    progress.push({ status: 'Pulling fs layer', id: 'x' });
    progress.push({ status: 'Download complete', id: 'x' });
    progress.push({ status: 'Pull complete', id: 'x' });
    expect(progress.snapshot()).toMatchObject({ bytesDone: 0, bytesTotal: 0 });
  });

  it('keeps only the last 50 messages', () => {
    const progress = new ProgressAggregator();
    for (let i = 0; i < 80; i += 1) progress.push({ status: `line ${i}` });
    const { messages } = progress.snapshot();
    expect(messages).toHaveLength(50);
    expect(messages.at(-1)).toBe('line 79');
  });
});

describe('ProgressAggregator (push)', () => {
  it('understands push phases and the digest in aux', () => {
    const progress = new ProgressAggregator();
    progress.push({ status: 'The push refers to repository [127.0.0.1:5000/a]' });
    progress.push({ status: 'Preparing', id: 'l1' });
    progress.push({ status: 'Preparing', id: 'l2' });
    progress.push({ status: 'Layer already exists', id: 'l2' });
    progress.push({ status: 'Pushing', id: 'l1', progressDetail: { current: 512, total: 2048 } });
    expect(progress.snapshot()).toMatchObject({ bytesDone: 512, bytesTotal: 2048 });
    progress.push({ status: 'Pushed', id: 'l1', progressDetail: {} });
    progress.push({ status: 'v1: digest: sha256:' + 'a'.repeat(64) + ' size: 527' });
    progress.push({ aux: { Tag: 'v1', Digest: 'sha256:' + 'b'.repeat(64), Size: 527 } });
    const snap = progress.snapshot();
    expect(snap.layers.map((l) => l.phase)).toEqual(['pushed', 'exists']);
    expect(snap.bytesDone).toBe(2048);
    expect(snap.digest).toBe('sha256:' + 'b'.repeat(64));
  });
});
