/**
 * Remembered window placement: the saved bounds while they are on a screen, the defaults for a
 * missing or damaged file or a position on a screen that is gone, and saving on close and
 * (debounced) on move/resize through a stand-in window.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, isVisibleOn, MIN_SIZE, parseWindowState, placeWindow, serializeWindowState } from '../../../electron/main/window-state';
import { loadPlacement, trackWindowState } from '../../../electron/main/window-state-file';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads what serializeWindowState writes', () => {
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it.each([
    ['not JSON', '{"bounds": '],
    ['empty', ''],
    ['an array', '[]'],
    ['no maximized', '{"bounds": {"x": 0, "y": 0, "width": 800, "height": 600}}'],
    ['a string width', '{"bounds": {"x": 0, "y": 0, "width": "800", "height": 600}, "maximized": false}'],
    ['a zero height', '{"bounds": {"x": 0, "y": 0, "width": 800, "height": 0}, "maximized": false}'],
    ['a fractional x', '{"bounds": {"x": 0.5, "y": 0, "width": 800, "height": 600}, "maximized": false}'],
    ['an absurd size', '{"bounds": {"x": 0, "y": 0, "width": 1e9, "height": 600}, "maximized": false}'],
  ])('answers null for %s', (_what, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size (centred by the system) without a saved state', () => {
    expect(placeWindow(null, [screen])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores bounds that are on a screen, the second one included', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1200, height: 900 }, maximized: false };
    expect(placeWindow(saved, [screen, right])).toEqual({ x: 2100, y: 100, width: 1200, height: 900, maximized: false });
  });

  it('drops the position (keeps size and maximized) when its screen is gone', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1200, height: 900 }, maximized: true };
    expect(placeWindow(saved, [screen])).toEqual({ width: 1200, height: 900, maximized: true });
  });

  it('drops a position whose title bar is above or below every screen', () => {
    expect(placeWindow({ bounds: { x: 100, y: -300, width: 1000, height: 800 }, maximized: false }, [screen])).not.toHaveProperty('x');
    expect(placeWindow({ bounds: { x: 100, y: 1030, width: 1000, height: 800 }, maximized: false }, [screen])).not.toHaveProperty('x');
  });

  it('keeps a window mostly off to the side while enough of its title bar shows', () => {
    expect(placeWindow({ bounds: { x: -900, y: 50, width: 1000, height: 800 }, maximized: false }, [screen])).toMatchObject({ x: -900 });
    expect(placeWindow({ bounds: { x: -950, y: 50, width: 1000, height: 800 }, maximized: false }, [screen])).not.toHaveProperty('x');
  });

  it('keeps the size between the minimum and the largest screen', () => {
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 100, height: 100 }, maximized: false }, [screen])).toMatchObject(MIN_SIZE);
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false }, [screen, right])).toMatchObject({ width: 2560, height: 1400 });
  });

  it('trusts no position without screens to check it against', () => {
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 900, height: 700 }, maximized: false }, [])).toEqual({ width: 900, height: 700, maximized: false });
  });

  it('isVisibleOn tolerates a frame shadow a few pixels above the top', () => {
    expect(isVisibleOn({ x: 0, y: -8, width: 800, height: 600 }, screen)).toBe(true);
    expect(isVisibleOn({ x: 0, y: -40, width: 800, height: 600 }, screen)).toBe(false);
  });
});

describe('window-state.json', () => {
  let dir: string | null = null;
  afterEach(() => {
    vi.useRealTimers();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  const displays = (areas: object[]) => ({ getAllDisplays: () => areas.map((workArea) => ({ workArea })) as never });

  it('loads the defaults for a missing or corrupted file, and the saved placement otherwise', () => {
    dir = mkdtempSync(join(tmpdir(), 'gmki-window-state-'));
    const file = join(dir, 'window-state.json');
    expect(loadPlacement(file, displays([screen]))).toEqual({ ...DEFAULT_SIZE, maximized: false });
    writeFileSync(file, '\u0000\u0001garbage');
    expect(loadPlacement(file, displays([screen]))).toEqual({ ...DEFAULT_SIZE, maximized: false });
    writeFileSync(file, serializeWindowState({ bounds: { x: 30, y: 40, width: 1000, height: 700 }, maximized: false }));
    expect(loadPlacement(file, displays([screen]))).toEqual({ x: 30, y: 40, width: 1000, height: 700, maximized: false });
    const throwing = {
      getAllDisplays: () => {
        throw new Error('no screen');
      },
    };
    expect(loadPlacement(file, throwing as never)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('saves on close at once and, debounced, after moves and resizes', () => {
    vi.useFakeTimers();
    dir = mkdtempSync(join(tmpdir(), 'gmki-window-state-'));
    const file = join(dir, 'window-state.json');
    const listeners = new Map<string, () => void>();
    let bounds = { x: 1, y: 2, width: 900, height: 700 };
    let maximized = false;
    const window = {
      on: (name: string, listener: () => void) => void listeners.set(name, listener),
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      isDestroyed: () => false,
    };
    trackWindowState(window as never, file);
    expect([...listeners.keys()].sort()).toEqual(['close', 'maximize', 'move', 'resize', 'unmaximize']);

    bounds = { x: 5, y: 6, width: 1000, height: 800 };
    listeners.get('move')!();
    listeners.get('resize')!();
    expect(() => readFileSync(file)).toThrow();
    vi.advanceTimersByTime(600);
    expect(parseWindowState(readFileSync(file, 'utf8'))).toEqual({ bounds, maximized: false });

    maximized = true;
    listeners.get('maximize')!();
    listeners.get('close')!();
    expect(parseWindowState(readFileSync(file, 'utf8'))).toEqual({ bounds, maximized: true });
  });

  it('survives a folder it cannot write to', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listeners = new Map<string, () => void>();
    const window = {
      on: (name: string, l: () => void) => void listeners.set(name, l),
      getNormalBounds: () => screen,
      isMaximized: () => false,
      isDestroyed: () => false,
    };
    trackWindowState(window as never, join(tmpdir(), 'no-such-folder-gmki', 'window-state.json'));
    expect(() => listeners.get('close')!()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not save'));
    warn.mockRestore();
  });
});
