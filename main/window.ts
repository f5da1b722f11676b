/**
 * The reading window: its locked-down web preferences, its remembered bounds,
 * and bringing it forward when a second instance starts. The options builder
 * is pure; the two helpers take the window as a parameter.
 */
import type { Rect, WindowState } from './window-state';
import { MIN_SIZE } from './window-state';

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  experimentalFeatures: false;
  safeDialogs: true;
  devTools: boolean;
}

export interface WindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: false;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

export function windowOptions(state: WindowState, preloadFile: string, developer: boolean): WindowOptions {
  const options: WindowOptions = {
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Daftar',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium would download dictionaries for it.
      spellcheck: false,
      experimentalFeatures: false,
      safeDialogs: true,
      devTools: developer,
    },
  };
  if (state.x !== undefined && state.y !== undefined) {
    options.x = state.x;
    options.y = state.y;
  }
  return options;
}

export interface WindowLike {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): Rect;
  on(event: 'close', listener: () => void): unknown;
}

/** A second launch focuses the window that is already open instead of opening another. */
export function focusExisting(win: WindowLike | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * Saves the bounds when the window closes; a failed save is logged, never
 * blocks closing. Returns a function that waits for the last save, so quitting
 * can let it finish before the process exits.
 */
export function rememberBounds(win: WindowLike, save: (bounds: Rect, maximized: boolean) => Promise<void>, log: (message: string) => void): () => Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  win.on('close', () => {
    pending = save(win.getNormalBounds(), win.isMaximized()).catch((error: unknown) => {
      log(`window-state: could not save: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  return () => pending;
}
