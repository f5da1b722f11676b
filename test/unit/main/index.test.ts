/**
 * The wiring of main/index.ts, with `electron` replaced by fakes (Electron's
 * binary cannot run here) and the service replaced by a recorder. What only a
 * real Electron can show is listed in docs/DESKTOP.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelOf } from '../../../src/api/contract';

type Listener = (...args: any[]) => unknown;

const h = vi.hoisted(() => {
  const order: string[] = [];
  const make = () => {
    const listeners: Record<string, Listener[]> = {};
    return {
      listeners,
      on: (event: string, l: Listener) => {
        (listeners[event] ??= []).push(l);
      },
      emit: (event: string, ...args: unknown[]) => (listeners[event] ?? []).map((l) => l(...args)),
    };
  };
  return { order, make, state: {} as Record<string, any> };
});

function fakeSession(name: string) {
  const events = h.make();
  return {
    name,
    ...events,
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    setUserAgent: vi.fn(),
    fetch: vi.fn(async () => new Response('ok')),
    webRequest: { onBeforeRequest: vi.fn(), onBeforeSendHeaders: vi.fn() },
  };
}

vi.mock('electron', () => {
  const appEvents = h.make();
  const windows: any[] = [];
  class BrowserWindow {
    options: any;
    events = h.make();
    loadURL = vi.fn(async (url: string) => {
      h.order.push(`loadURL ${url}`);
    });
    maximize = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    isDestroyed = vi.fn(() => false);
    isMaximized = vi.fn(() => false);
    getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1000, height: 700 }));
    on = (e: string, l: Listener) => this.events.on(e, l);
    once = (e: string, l: Listener) => this.events.on(e, l);
    constructor(options: any) {
      this.options = options;
      h.order.push('new BrowserWindow');
      windows.push(this);
    }
  }
  const defaultSession = fakeSession('default');
  const captureSession = fakeSession('capture');
  const app = {
    ...appEvents,
    isPackaged: false,
    setName: vi.fn(),
    enableSandbox: vi.fn(() => h.order.push('enableSandbox')),
    setPath: vi.fn(),
    getAppPath: vi.fn(() => h.state.appPath),
    getVersion: vi.fn(() => '0.1.0'),
    getSystemLocale: vi.fn(() => 'ar-EG'),
    getLocale: vi.fn(() => 'en-US'),
    requestSingleInstanceLock: vi.fn(() => h.state.lock !== false),
    whenReady: vi.fn(() => {
      h.order.push('whenReady');
      return Promise.resolve();
    }),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  h.state.electron = { app, windows, defaultSession, captureSession };
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => h.order.push('protocol.handle')),
    },
    session: { defaultSession, fromPartition: vi.fn(() => captureSession) },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    shell: { openExternal: vi.fn(async () => {}) },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
  };
});

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const existsSync = (p: import('node:fs').PathLike) => (h.state.noUi && String(p).endsWith('index.html') ? false : real.existsSync(p));
  return { ...real, default: { ...real, existsSync }, existsSync };
});

vi.mock('../../../src/api/create-service', () => ({
  createService: vi.fn(async (options: unknown) => {
    h.order.push('createService');
    h.state.serviceOptions = options;
    const service: Record<string, unknown> = { close: vi.fn(async () => h.order.push('service.close')) };
    for (const m of ['getAppInfo', 'getLibrary', 'openBundledArchive', 'getDocument', 'getSettings', 'setSettings', 'search', 'findInDocument', 'getIndexStatus', 'listAnnotations', 'createAnnotation', 'updateAnnotation', 'deleteAnnotation', 'restoreAnnotation', 'exportAnnotations', 'importAnnotations', 'captureSource', 'importFile', 'openExternal']) {
      service[m] = vi.fn(async (req: unknown) => ({ method: m, req }));
    }
    h.state.service = service;
    return service;
  }),
}));

let dataDir: string;

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  h.order.length = 0;
  dataDir = mkdtempSync(join(tmpdir(), 'daftar-main-'));
  vi.stubEnv('DAFTAR_DATA_DIR', dataDir);
  h.state.appPath = resolve(__dirname, '../../..');
  h.state.lock = true;
  h.state.noUi = false;
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function boot() {
  const electron = await import('electron');
  const state = h.state.electron;
  state.windows.length = 0;
  for (const key of Object.keys(state.app.listeners)) delete state.app.listeners[key];
  await import('../../../main/index');
  await vi.waitFor(() => expect(h.order).toContain(`loadURL app://daftar/index.html`));
  return { electron: electron as any, state };
}

describe('main/index.ts wiring', () => {
  it('registers the scheme and takes the single-instance lock before ready; sets up protocol, service and IPC before loading the page', async () => {
    const { electron } = await boot();
    expect(h.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(h.order.indexOf('whenReady'));
    expect(h.order.indexOf('enableSandbox')).toBeLessThan(h.order.indexOf('whenReady'));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(h.order.slice(h.order.indexOf('whenReady'))).toEqual(['whenReady', 'protocol.handle', 'createService', 'new BrowserWindow', 'loadURL app://daftar/index.html']);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.app.setName).toHaveBeenCalledWith('Daftar');
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
  });

  it('builds the service for the electron transport with the repository archive, the shared data folder and the shell effects', async () => {
    const { state } = await boot();
    const options = h.state.serviceOptions;
    expect(options).toMatchObject({
      transport: 'electron',
      appVersion: '0.1.0',
      systemLocale: 'ar-EG',
      paths: { bundledArchive: join(h.state.appPath, 'assets', 'archive'), dataDir, userArchive: join(dataDir, 'archive') },
    });
    // openExternal: https goes to the system browser, anything else never does.
    const electron = (await import('electron')) as any;
    await expect(options.effects.openExternal('https://www.un.org/en/')).resolves.toBe(true);
    await expect(options.effects.openExternal('file:///etc/passwd')).resolves.toBe(false);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.un.org/en/');
    // fetchImpl goes out through the separate capture session, not the reading one.
    expect(electron.session.fromPartition).toHaveBeenCalledWith('capture');
    await options.effects.fetchImpl('https://example.org/');
    expect(state.captureSession.fetch).toHaveBeenCalledWith('https://example.org/', expect.objectContaining({ credentials: 'omit' }));
    await expect(options.effects.fetchImpl('file:///etc/passwd')).rejects.toThrow(/^capture-fetch:/);
  });

  it('creates one locked-down window on app://daftar with the built preload', async () => {
    const { state } = await boot();
    expect(state.windows).toHaveLength(1);
    const { webPreferences } = state.windows[0].options;
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // Under vitest main/index.ts runs from main/; built, from out/main/, so the preload is out/preload/preload.js.
    expect(webPreferences.preload).toBe(join(h.state.appPath, 'preload', 'preload.js'));
  });

  it('registers one IPC handler per contract method, answering the app page and refusing others', async () => {
    const { electron } = await boot();
    const channels = electron.ipcMain.handle.mock.calls.map((c: unknown[]) => c[0]);
    expect(channels.sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    const handler = electron.ipcMain.handle.mock.calls.find((c: unknown[]) => c[0] === 'daftar:getDocument')[1];
    await expect(handler({ senderFrame: { url: 'app://daftar/index.html', parent: null } }, { id: 'article' })).resolves.toEqual({ ok: true, value: { method: 'getDocument', req: { id: 'article' } } });
    await expect(handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, { id: 'article' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('hardens both sessions and every web contents', async () => {
    const { state } = await boot();
    expect(state.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(state.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(state.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(state.captureSession.setUserAgent).toHaveBeenCalledWith('Daftar/0.1.0 (offline archive reader; explicit capture)');
    expect(state.app.listeners['web-contents-created']).toHaveLength(1);
    const cancel = vi.fn();
    state.defaultSession.webRequest.onBeforeRequest.mock.calls[0][0]({ url: 'https://tracker.example/p.gif' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
  });

  it('a second launch focuses the existing window', async () => {
    const { state } = await boot();
    state.app.emit('second-instance');
    expect(state.windows[0].focus).toHaveBeenCalled();
  });

  it('on quit: waits for the window state and closes the service, then quits', async () => {
    const { state } = await boot();
    state.windows[0].events.emit('close');
    const event = { preventDefault: vi.fn() };
    state.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.app.quit).toHaveBeenCalled());
    expect(h.state.service.close).toHaveBeenCalledTimes(1);
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({ version: 1, x: 10, y: 20, width: 1000, height: 700, maximized: false });
    // The second will-quit (from app.quit) goes through.
    const again = { preventDefault: vi.fn() };
    state.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('without a built UI: says to run npm run build and exits, before starting the service', async () => {
    h.state.noUi = true;
    const electron = (await import('electron')) as any;
    await import('../../../main/index');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Daftar could not start', expect.stringMatching(/^main: the built UI is missing \(.*index\.html\); run `npm run build` first$/));
    expect(h.order).not.toContain('createService');
  });

  it('quits at once when another instance holds the lock', async () => {
    h.state.lock = false;
    const electron = (await import('electron')) as any;
    await import('../../../main/index');
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });
});
