import { describe, expect, it } from 'vitest';
import { showControls, stripOsc } from './visible-text';

describe('showControls', () => {
  it('shows a right-to-left override instead of letting it reverse a file name', () => {
    expect(showControls('\u202Egpj.exe')).toBe('⟨U+202E⟩gpj.exe');
  });

  it('marks every bidi control, and leaves ordinary text (accents included) alone', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];
    for (const char of controls) expect(showControls(`a${char}b`)).toMatch(/^a⟨U\+[0-9A-F]{4}⟩b$/);
    expect(showControls('olá/ação.txt')).toBe('olá/ação.txt');
  });
});

describe('stripOsc', () => {
  it('removes window titles and hyperlinks ended by BEL or ESC \\, keeping colours and text', () => {
    expect(stripOsc('\u001b]0;my title\u0007hello')).toBe('hello');
    expect(stripOsc('\u001b]8;;https://example.com\u001b\\link\u001b]8;;\u001b\\ end')).toBe('link end');
    expect(stripOsc('\u001b[31mred\u001b[0m')).toBe('\u001b[31mred\u001b[0m');
  });
});
