import { describe, expect, it } from 'vitest';
import { glossaryNext, type GlossaryEvent, type Shown } from './term-state';

const run = (events: GlossaryEvent[], from: Shown = 'no') => events.reduce(glossaryNext, from);

describe('glossaryNext: when a glossary definition shows', () => {
  it('stays open on the click that follows a hover (and its focus), pinned', () => {
    expect(run(['preview', 'preview', 'click'])).toBe('pinned');
    expect(run(['preview', 'preview', 'click', 'leave'])).toBe('pinned');
  });

  it('a hover alone previews until the pointer leaves', () => {
    expect(run(['preview'])).toBe('preview');
    expect(run(['preview', 'leave'])).toBe('no');
  });

  it('a second click unpins; moving focus away closes even a pin', () => {
    expect(run(['click', 'click'])).toBe('no');
    expect(run(['click', 'blur'])).toBe('no');
    expect(run(['preview', 'click', 'preview'])).toBe('pinned');
  });
});
