import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The main window's size, position and maximized state, remembered across
 * restarts in window-state.json beside settings.json. Pure Node: main.ts
 * feeds it the displays' work areas and the window's bounds.
 */

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's normal (not maximized, not full-screen) bounds. */
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export interface WindowSizes {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const int = z.number().int().min(-100_000).max(100_000);
const windowStateSchema = z.object({
  bounds: z.object({ x: int, y: int, width: int.positive(), height: int.positive() }),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});

/** The saved state, or null when there is none or it cannot be trusted (then the window opens at its default size). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file, then renamed: a crash never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/** Sizes that fit the area: no smaller than the minimum, unless the area itself is smaller. */
function fitSize(width: number, height: number, area: Rect, sizes: WindowSizes): { width: number; height: number } {
  return {
    width: Math.min(Math.max(width, sizes.minWidth), area.width),
    height: Math.min(Math.max(height, sizes.minHeight), area.height),
  };
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  return {
    ...size,
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
  };
}

/**
 * Where the window opens. `workAreas` are the displays' work areas (without
 * task bars and docks), the primary display's first. A saved window goes back
 * to the display it overlaps most, shrunk to fit and moved fully inside it; a
 * window on a display that is gone (unplugged, resolution lowered) opens
 * centred on the primary display. With nothing saved: the default size,
 * centred. Never off-screen.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], sizes: WindowSizes): WindowState {
  const primary = workAreas[0];
  if (!primary) {
    // No display information (should not happen): let the OS place it.
    return { bounds: { x: 0, y: 0, ...(saved?.bounds ?? sizes) }, maximized: saved?.maximized ?? false, fullScreen: false };
  }
  if (!saved) return { bounds: centered(fitSize(sizes.width, sizes.height, primary, sizes), primary), maximized: false, fullScreen: false };

  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared > bestOverlap) [best, bestOverlap] = [area, shared];
  }
  const area = best ?? primary;
  const size = fitSize(saved.bounds.width, saved.bounds.height, area, sizes);
  const bounds = best
    ? {
        ...size,
        x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
        y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
      }
    : centered(size, area);
  return { bounds, maximized: saved.maximized, fullScreen: saved.fullScreen };
}

/**
 * Saves the state a little after the last move or resize (a drag fires
 * dozens of events), and at once on flush (the window is closing).
 */
export class WindowStateSaver {
  private pending: WindowState | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: (state: WindowState) => void,
    private readonly delayMs = 500,
  ) {}

  update(state: WindowState): void {
    this.pending = state;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const state = this.pending;
    this.pending = undefined;
    if (state) this.save(state);
  }
}
