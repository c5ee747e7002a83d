/**
 * Decodes the engine's multiplexed stdout/stderr stream (used when a
 * container has no TTY): each frame is an 8-byte header (stream type, three
 * zero bytes, big-endian payload size) and then the payload. Frames may be
 * split across chunks, or several may share one.
 */
export type StreamName = 'stdout' | 'stderr';

export interface Frame {
  stream: StreamName;
  payload: Buffer;
}

export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Frame[] = [];
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      const stream = this.pending[0] === 2 ? 'stderr' : 'stdout';
      frames.push({ stream, payload: this.pending.subarray(8, 8 + size) });
      this.pending = this.pending.subarray(8 + size);
    }
    return frames;
  }
}
