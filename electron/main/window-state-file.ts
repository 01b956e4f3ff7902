/**
 * `<userData>/window-state.json`: read when the window is created, written when it closes and,
 * debounced, while it is moved or resized (a crash then loses at most the last half second).
 * Failures to read or write cost the remembered state, never the app.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BrowserWindow, Screen } from 'electron';
import { parseWindowState, placeWindow, serializeWindowState, type WindowPlacement, type WindowState } from './window-state';

export const WINDOW_STATE_FILE = 'window-state.json';
const SAVE_DELAY_MS = 500;

/** Where to open the window, from the saved state and the screens there are now. */
export function loadPlacement(file: string, screen: Pick<Screen, 'getAllDisplays'>): WindowPlacement {
  let saved: WindowState | null = null;
  try {
    saved = parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    // No file yet (first start) or unreadable: the defaults.
  }
  let workAreas: { x: number; y: number; width: number; height: number }[] = [];
  try {
    workAreas = screen.getAllDisplays().map((display) => display.workArea);
  } catch {
    // Without screens to check against, a saved position cannot be trusted.
  }
  return placeWindow(saved, workAreas);
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/** Saves the window's state as it changes and when it closes. */
export function trackWindowState(window: TrackedWindow, file: string): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    writeState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  // 'close' comes before the window is destroyed, while its bounds can still be read.
  window.on('close', save);
}

/** Written whole or not at all (a temporary file renamed over the old one). */
function writeState(file: string, state: WindowState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, serializeWindowState(state));
    renameSync(temporary, file);
  } catch (error) {
    console.warn(`GMKI Studio could not save the window's size and position to ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
