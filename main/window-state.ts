/**
 * Remembers the window's size and position between runs, in
 * `<userData>/window-state.json` (format version 1).
 *
 * Loading never trusts the file: a corrupt, hand-edited or stale file (the
 * monitor it was saved on is gone) falls back to a size that fits and no
 * position (Electron then centres the window). A position is kept only if the
 * top strip of the window, where the title bar is, lands on a screen's work
 * area, so the window can always be grabbed and moved.
 * Pure functions plus two small effects taking their file access as parameters.
 */

export const WINDOW_STATE_FILE = 'window-state.json';
export const WINDOW_STATE_VERSION = 1;
export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;
/** How much of the title-bar strip must be on a screen for a saved position to count. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the window manager place it. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** The state to open with, from the saved text (or null when there is none) and the current screens. */
export function parseWindowState(text: string | null, workAreas: readonly Rect[]): WindowState {
  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), { width: 0, height: 0 });
  const maxW = largest.width >= MIN_SIZE.width ? largest.width : Number.MAX_SAFE_INTEGER;
  const maxH = largest.height >= MIN_SIZE.height ? largest.height : Number.MAX_SAFE_INTEGER;
  const fallback: WindowState = {
    width: clamp(DEFAULT_SIZE.width, MIN_SIZE.width, maxW),
    height: clamp(DEFAULT_SIZE.height, MIN_SIZE.height, maxH),
    maximized: false,
  };
  if (text === null) return fallback;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fallback;
  const r = raw as Record<string, unknown>;
  if (r.version !== WINDOW_STATE_VERSION || !isInt(r.width) || !isInt(r.height)) return fallback;
  const state: WindowState = {
    width: clamp(r.width, MIN_SIZE.width, maxW),
    height: clamp(r.height, MIN_SIZE.height, maxH),
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    const grab: Rect = { x: r.x, y: r.y, width: Math.min(state.width, GRAB_WIDTH), height: GRAB_HEIGHT };
    const reachable = workAreas.some((area) => {
      const o = overlap(grab, area);
      return o.width >= Math.min(GRAB_WIDTH, grab.width) && o.height >= GRAB_HEIGHT;
    });
    if (reachable) {
      state.x = r.x;
      state.y = r.y;
    }
  }
  return state;
}

/** What is written: the normal (unmaximised) bounds, so un-maximising restores a sensible size. */
export function serializeWindowState(normalBounds: Rect, maximized: boolean): string {
  const round = (n: number) => Math.round(n);
  return `${JSON.stringify({
    version: WINDOW_STATE_VERSION,
    x: round(normalBounds.x),
    y: round(normalBounds.y),
    width: round(normalBounds.width),
    height: round(normalBounds.height),
    maximized,
  })}\n`;
}

export interface StateFiles {
  /** Resolves null when the file does not exist. */
  read(path: string): Promise<string | null>;
  /** Atomic: a crash mid-write leaves the old file. */
  write(path: string, text: string): Promise<void>;
}

export async function loadWindowState(files: StateFiles, path: string, workAreas: readonly Rect[]): Promise<WindowState> {
  let text: string | null;
  try {
    text = await files.read(path);
  } catch {
    text = null; // unreadable: same as absent; the window still opens
  }
  return parseWindowState(text, workAreas);
}

export async function saveWindowState(files: StateFiles, path: string, normalBounds: Rect, maximized: boolean): Promise<void> {
  await files.write(path, serializeWindowState(normalBounds, maximized));
}
