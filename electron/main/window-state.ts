/**
 * The window's size, position and maximized state across starts, as pure functions (the file
 * and the window's events: window-state-file.ts). A saved position is used only while it is
 * still on a screen — a monitor unplugged since must not leave the window out of sight — and a
 * damaged file means the defaults, never a crash.
 */
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** The normal (not maximized) bounds. */
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** Where to open the window: a position only when the saved one is visible. */
export interface WindowPlacement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

/** A window counts as visible when this much of it (its title bar, typically) is on some screen. */
const VISIBLE_WIDTH = 100;
const VISIBLE_HEIGHT = 40;
const TOP_TOLERANCE = 16;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: extent, height: extent }),
  maximized: z.boolean(),
});

/** The saved state, or null when the text is not one (missing fields, wrong types, not JSON). */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify({ bounds: state.bounds, maximized: state.maximized }, null, 2)}\n`;
}

/**
 * The placement for a saved state on these screens (their work areas): the saved bounds when
 * enough of them is visible on one screen, else the default size (the system centres it); the
 * size never below MIN_SIZE nor above the largest screen.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  // No screens known: no upper bound to apply.
  const widest = workAreas.length > 0 ? Math.max(...workAreas.map((area) => area.width)) : Infinity;
  const tallest = workAreas.length > 0 ? Math.max(...workAreas.map((area) => area.height)) : Infinity;
  const width = clamp(saved.bounds.width, MIN_SIZE.width, Math.max(MIN_SIZE.width, widest));
  const height = clamp(saved.bounds.height, MIN_SIZE.height, Math.max(MIN_SIZE.height, tallest));
  const bounds = { ...saved.bounds, width, height };
  if (!workAreas.some((area) => isVisibleOn(bounds, area))) return { width, height, maximized: saved.maximized };
  return { ...bounds, maximized: saved.maximized };
}

/**
 * True when the window's title bar — its top VISIBLE_HEIGHT pixels, at least VISIBLE_WIDTH of
 * them wide — lies on `area`: a window whose title bar is off every screen cannot be dragged back.
 * A few pixels above the top are tolerated (some systems place the frame's shadow there).
 */
export function isVisibleOn(window: Rect, area: Rect): boolean {
  const overlapX = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const titleBottom = window.y + Math.min(window.height, VISIBLE_HEIGHT);
  return overlapX >= Math.min(VISIBLE_WIDTH, window.width) && window.y >= area.y - TOP_TOLERANCE && titleBottom <= area.y + area.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
