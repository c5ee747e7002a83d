import { describe, expect, it } from 'vitest';
import { LogLineReader } from './container-logs';
import { FrameDecoder } from './frame-decoder';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('FrameDecoder', () => {
  it('decodes several frames in one chunk and tells stdout from stderr', () => {
    const frames = new FrameDecoder().push(Buffer.concat([frame(1, 'out'), frame(2, 'err')]));
    expect(frames.map((f) => [f.stream, f.payload.toString()])).toEqual([
      ['stdout', 'out'],
      ['stderr', 'err'],
    ]);
  });

  it('waits for a frame split across chunks, header included', () => {
    const decoder = new FrameDecoder();
    const whole = frame(1, 'hello world');
    expect(decoder.push(whole.subarray(0, 5))).toEqual([]);
    expect(decoder.push(whole.subarray(5, 12))).toEqual([]);
    const frames = decoder.push(whole.subarray(12));
    expect(frames.map((f) => f.payload.toString())).toEqual(['hello world']);
  });
});

describe('LogLineReader', () => {
  it('splits multiplexed output into lines per stream, keeping partial lines', () => {
    const reader = new LogLineReader(false);
    expect(reader.push(Buffer.concat([frame(1, 'a\nb'), frame(2, 'oops\n')]))).toEqual([
      { stream: 'stdout', text: 'a' },
      { stream: 'stderr', text: 'oops' },
    ]);
    expect(reader.push(frame(1, 'c\n'))).toEqual([{ stream: 'stdout', text: 'bc' }]);
  });

  it('reads TTY output as plain stdout bytes with no frame headers', () => {
    const reader = new LogLineReader(true);
    expect(reader.push(Buffer.from('one\ntwo\n'))).toEqual([
      { stream: 'stdout', text: 'one' },
      { stream: 'stdout', text: 'two' },
    ]);
  });
});
