import { describe, expect, it } from 'vitest';
import { terminalKeyFilter } from './terminal-keys';

const key = (key: string, more: Partial<KeyboardEvent> = {}) => ({ type: 'keydown', key, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...more }) as KeyboardEvent;

describe('terminalKeyFilter: the keyboard way out of the terminal', () => {
  it('gives Tab, Esc and Ctrl+K to the shell', () => {
    const filter = terminalKeyFilter();
    expect(filter(key('Tab'))).toBe(true);
    expect(filter(key('k', { ctrlKey: true }))).toBe(true);
    expect(filter(key('Escape'))).toBe(true);
  });

  it('leaves a Tab or Shift+Tab right after Esc to the browser, once', () => {
    const filter = terminalKeyFilter();
    filter(key('Escape'));
    expect(filter(key('Tab'))).toBe(false);
    expect(filter(key('Tab'))).toBe(true);
    filter(key('Escape'));
    filter(key('Shift', { shiftKey: true })); // holding Shift in between does not count as a key
    expect(filter(key('Tab', { shiftKey: true }))).toBe(false);
  });

  it('moves focus itself on Esc then Tab (not Shift+Tab), so it never lands on <body>', () => {
    let moves = 0;
    const filter = terminalKeyFilter(() => (moves += 1) > 0);
    let prevented = 0;
    const tab = (shiftKey: boolean) => key('Tab', { shiftKey, preventDefault: () => (prevented += 1) } as Partial<KeyboardEvent>);
    filter(key('Escape'));
    expect(filter(tab(false))).toBe(false);
    expect([moves, prevented]).toEqual([1, 1]);
    filter(key('Escape'));
    expect(filter(tab(true))).toBe(false);
    expect([moves, prevented]).toEqual([1, 1]);
  });

  it('gives Tab to the shell again when another key came between Esc and Tab', () => {
    const filter = terminalKeyFilter();
    filter(key('Escape'));
    filter(key('a'));
    expect(filter(key('Tab'))).toBe(true);
    filter(key('Escape'));
    expect(filter({ ...key('Escape'), type: 'keyup' } as KeyboardEvent)).toBe(true); // the key-up of Esc changes nothing
    expect(filter(key('Tab', { ctrlKey: true }))).toBe(true);
  });
});
