import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('LineSplitter', () => {
  it('returns every complete line of a chunk', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(bytes('{"a":1}\n{"b":2}\n{"c":3}\n'))).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('holds back a line split across chunks until its newline arrives', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(bytes('{"status":"sta'))).toEqual([]);
    expect(splitter.push(bytes('rt","id":"abc"}\n{"status":'))).toEqual(['{"status":"start","id":"abc"}']);
    expect(splitter.push(bytes('"die"}\n'))).toEqual(['{"status":"die"}']);
  });

  it('joins a multi-byte UTF-8 character split across chunks', () => {
    const whole = bytes('{"name":"contêiner-ação 🚢"}\n');
    const splitter = new LineSplitter();
    // Cut inside "ê" (2 bytes) and inside the 4-byte ship emoji.
    const e = whole.indexOf(0xc3);
    const ship = whole.indexOf(0xf0);
    expect(splitter.push(whole.subarray(0, e + 1))).toEqual([]);
    expect(splitter.push(whole.subarray(e + 1, ship + 2))).toEqual([]);
    expect(splitter.push(whole.subarray(ship + 2))).toEqual(['{"name":"contêiner-ação 🚢"}']);
  });

  it('survives being fed one byte at a time', () => {
    const text = 'olá\nmundo 🌍\n';
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (const byte of bytes(text)) lines.push(...splitter.push(Uint8Array.of(byte)));
    expect(lines).toEqual(['olá', 'mundo 🌍']);
  });

  it('drops blank and whitespace-only lines and trims \\r', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(bytes('\n\n{"a":1}\r\n   \n\r\n{"b":2}\n\n'))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('accepts string chunks', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('one\ntw')).toEqual(['one']);
    expect(splitter.push('o\n')).toEqual(['two']);
  });
});
