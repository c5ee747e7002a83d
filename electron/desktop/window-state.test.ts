import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeWindow, readWindowState, WindowStateSaver, writeWindowState, type Rect, type WindowState } from './window-state';

const SIZES = { width: 1200, height: 780, minWidth: 820, minHeight: 520 };
/** A 1920×1080 primary display with a 40 px task bar, and a second one to its right. */
const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };
const saved = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized, fullScreen: false });

function inside(bounds: Rect, area: Rect): boolean {
  return bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height;
}

describe('placeWindow', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    expect(placeWindow(null, [PRIMARY, RIGHT], SIZES).bounds).toEqual({ x: 360, y: 130, width: 1200, height: 780 });
  });

  it('reopens exactly where the window was, on either display', () => {
    expect(placeWindow(saved({ x: 100, y: 50, width: 1000, height: 700 }), [PRIMARY, RIGHT], SIZES).bounds).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(placeWindow(saved({ x: 2100, y: 200, width: 1600, height: 900 }), [PRIMARY, RIGHT], SIZES).bounds).toEqual({ x: 2100, y: 200, width: 1600, height: 900 });
  });

  it('pulls a window hanging off the edge back on screen', () => {
    const placed = placeWindow(saved({ x: 1500, y: -300, width: 1000, height: 700 }), [PRIMARY], SIZES);
    expect(placed.bounds).toEqual({ x: 920, y: 0, width: 1000, height: 700 });
    expect(inside(placed.bounds, PRIMARY)).toBe(true);
  });

  it('brings a window from an unplugged display back to the primary one, centred', () => {
    const placed = placeWindow(saved({ x: 2500, y: 300, width: 1600, height: 900 }), [PRIMARY], SIZES);
    expect(inside(placed.bounds, PRIMARY)).toBe(true);
    expect(placed.bounds).toEqual({ x: 160, y: 70, width: 1600, height: 900 });
  });

  it('shrinks a window larger than the display it is on (the resolution was lowered)', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 680 };
    const placed = placeWindow(saved({ x: 0, y: 0, width: 2400, height: 1400 }), [small], SIZES);
    expect(placed.bounds).toEqual(small);
  });

  it('never opens below the minimum size when the display has room', () => {
    expect(placeWindow(saved({ x: 10, y: 10, width: 200, height: 100 }), [PRIMARY], SIZES).bounds).toEqual({ x: 10, y: 10, width: 820, height: 520 });
  });

  it('keeps the maximized state', () => {
    expect(placeWindow(saved({ x: 10, y: 10, width: 900, height: 600 }, true), [PRIMARY], SIZES).maximized).toBe(true);
  });

  it('honours a display to the left of or above the primary one (negative coordinates)', () => {
    const left: Rect = { x: -1440, y: -200, width: 1440, height: 900 };
    expect(placeWindow(saved({ x: -1300, y: -150, width: 1000, height: 700 }), [PRIMARY, left], SIZES).bounds).toEqual({ x: -1300, y: -150, width: 1000, height: 700 });
  });
});

describe('window-state.json', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function file(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cais-window-'));
    dirs.push(dir);
    return path.join(dir, 'window-state.json');
  }

  it('reads back what was written', () => {
    const target = file();
    writeWindowState(target, saved({ x: 1, y: 2, width: 900, height: 600 }, true));
    expect(readWindowState(target)).toEqual(saved({ x: 1, y: 2, width: 900, height: 600 }, true));
  });

  it('ignores a missing, damaged or nonsensical file (the window opens at its default size)', () => {
    const target = file();
    expect(readWindowState(target)).toBeNull();
    fs.writeFileSync(target, '{"bounds": {');
    expect(readWindowState(target)).toBeNull();
    fs.writeFileSync(target, JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 'tall' } }));
    expect(readWindowState(target)).toBeNull();
  });
});

describe('WindowStateSaver', () => {
  afterEach(() => vi.useRealTimers());

  it('writes once after a burst of moves, with the last position', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const saver = new WindowStateSaver(save, 500);
    for (let x = 0; x < 50; x += 1) saver.update(saved({ x, y: 0, width: 900, height: 600 }));
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0].bounds.x).toBe(49);
  });

  it('writes at once on flush (the window closes) and not again afterwards', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const saver = new WindowStateSaver(save, 500);
    saver.update(saved({ x: 5, y: 5, width: 900, height: 600 }));
    saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
