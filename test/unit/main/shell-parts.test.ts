import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { shellPaths } from '../../../main/app-paths';
import { menuTemplate, type MenuItemTemplate } from '../../../main/menu';
import { focusExisting, rememberBounds, windowOptions, type WindowLike } from '../../../main/window';

function roles(items: MenuItemTemplate[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
}

describe('menuTemplate', () => {
  it('on Linux and Windows: File, Edit, View, Window with standard roles and no DevTools when packaged', () => {
    const menu = menuTemplate({ platform: 'linux', appName: 'Daftar', developer: false });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(roles(menu)).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize', 'close']));
    expect(roles(menu)).not.toContain('toggleDevTools');
  });

  it('on macOS: the app menu first, named Daftar, with about/hide/quit', () => {
    const menu = menuTemplate({ platform: 'darwin', appName: 'Daftar', developer: false });
    expect(menu[0]!.label).toBe('Daftar');
    expect(roles([menu[0]!])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(menu)).toContain('front');
  });

  it('offers DevTools in development only', () => {
    expect(roles(menuTemplate({ platform: 'linux', appName: 'Daftar', developer: true }))).toContain('toggleDevTools');
  });
});

describe('windowOptions', () => {
  it('locks the page down: isolation, sandbox, no Node, web security, no webview, no drag-and-drop navigation, no spellcheck', () => {
    const options = windowOptions({ width: 1200, height: 800, maximized: false }, '/app/out/preload/preload.js', false);
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      safeDialogs: true,
      devTools: false,
    });
    expect(options).toMatchObject({ width: 1200, height: 800, show: false, title: 'Daftar' });
    expect('x' in options).toBe(false);
  });

  it('places the window only when a position was kept', () => {
    expect(windowOptions({ x: 5, y: 6, width: 900, height: 700, maximized: false }, '/p.js', true)).toMatchObject({ x: 5, y: 6 });
  });
});

function fakeWindow(over: Partial<WindowLike> = {}) {
  const listeners: Record<string, () => void> = {};
  const win: WindowLike = {
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    isDestroyed: vi.fn(() => false),
    isMaximized: vi.fn(() => true),
    getNormalBounds: vi.fn(() => ({ x: 1, y: 2, width: 1000, height: 700 })),
    on: vi.fn((event: 'close', l: () => void) => void (listeners[event] = l)),
    ...over,
  };
  return { win, listeners };
}

describe('focusExisting (single instance)', () => {
  it('restores, shows and focuses the open window', () => {
    const { win } = fakeWindow();
    focusExisting(win);
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
  it('does nothing without a live window', () => {
    const { win } = fakeWindow({ isDestroyed: vi.fn(() => true) });
    focusExisting(win);
    focusExisting(null);
    expect(win.focus).not.toHaveBeenCalled();
  });
});

describe('rememberBounds', () => {
  it('saves the normal bounds and maximized flag on close, and lets quitting wait for the write', async () => {
    const { win, listeners } = fakeWindow();
    let finish: () => void = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const flush = rememberBounds(win, save, vi.fn());
    listeners.close!();
    expect(save).toHaveBeenCalledWith({ x: 1, y: 2, width: 1000, height: 700 }, true);
    let flushed = false;
    const waiting = flush().then(() => (flushed = true));
    await Promise.resolve();
    expect(flushed).toBe(false);
    finish();
    await waiting;
    expect(flushed).toBe(true);
  });

  it('logs a failed save instead of throwing', async () => {
    const { win, listeners } = fakeWindow();
    const log = vi.fn();
    const flush = rememberBounds(win, async () => Promise.reject(new Error('EROFS: read-only file system')), log);
    listeners.close!();
    await flush();
    expect(log).toHaveBeenCalledWith('window-state: could not save: EROFS: read-only file system');
  });
});

describe('shellPaths', () => {
  const env = { XDG_CONFIG_HOME: '/home/u/.config' };
  it('development: the archive of the repository, data in the same folder the CLI uses', () => {
    const p = shellPaths({ isPackaged: false, resourcesPath: '/opt/electron/resources', appPath: '/repo', mainDir: '/repo/out/main', env, platform: 'linux', home: '/home/u' });
    expect(p.service).toEqual({ bundledArchive: '/repo/assets/archive', dataDir: '/home/u/.config/Daftar', userArchive: '/home/u/.config/Daftar/archive' });
    expect(p.rendererDir).toBe(join('/repo/out/renderer'));
    expect(p.preloadFile).toBe('/repo/out/preload/preload.js');
    expect(p.windowStateFile).toBe('/home/u/.config/Daftar/window-state.json');
  });
  it('packaged: resources/archive, renderer and preload inside app.asar', () => {
    const p = shellPaths({ isPackaged: true, resourcesPath: '/opt/Daftar/resources', appPath: '/opt/Daftar/resources/app.asar', mainDir: '/opt/Daftar/resources/app.asar/out/main', env: {}, platform: 'darwin', home: '/Users/u' });
    expect(p.service.bundledArchive).toBe('/opt/Daftar/resources/archive');
    expect(p.service.dataDir).toBe('/Users/u/Library/Application Support/Daftar');
    expect(p.rendererDir).toBe('/opt/Daftar/resources/app.asar/out/renderer');
  });
  it('opens another archive with DAFTAR_ARCHIVE_DIR, keeping the shipped one as the fallback', () => {
    const p = shellPaths({ isPackaged: true, resourcesPath: '/opt/Daftar/resources', appPath: '/opt/Daftar/resources/app.asar', mainDir: '/x', env: { DAFTAR_ARCHIVE_DIR: '/tmp/other' }, platform: 'linux', home: '/home/u' });
    expect(p.service.bundledArchive).toBe('/tmp/other');
    expect(p.fallbackArchive).toBe('/opt/Daftar/resources/archive');
    expect(shellPaths({ isPackaged: true, resourcesPath: '/r', appPath: '/a', mainDir: '/x', env: {}, platform: 'linux', home: '/h' }).fallbackArchive).toBeUndefined();
  });
  it('honours DAFTAR_DATA_DIR like the CLI', () => {
    const p = shellPaths({ isPackaged: false, resourcesPath: '/r', appPath: '/repo', mainDir: '/repo/out/main', env: { DAFTAR_DATA_DIR: '/tmp/d' }, platform: 'linux', home: '/home/u' });
    expect(p.service.dataDir).toBe('/tmp/d');
  });
});
