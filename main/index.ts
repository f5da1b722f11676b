/**
 * The Electron main process: wiring only (STYLE.md habit 10). Every decision
 * lives in a small module beside this one, tested under plain Node:
 *   app-paths.ts      where the data folder, archive, renderer and preload are
 *   protocol.ts       app://daftar and its path guard
 *   security.ts       permissions, navigation, window.open, webview, network filter
 *   capture-fetch.ts  the separate session an explicit capture uses
 *   ipc.ts            one handler per contract method
 *   window.ts, window-state.ts, menu.ts, external-links.ts
 * Order matters in three places: the scheme is registered and the single
 * instance lock taken before `ready`; the protocol, sessions and IPC are set
 * up before the window loads; the service is closed before the process exits.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { APP_NAME } from '../src/api/paths';
import { createService } from '../src/api/create-service';
import type { Service } from '../src/api/service';
import { shellPaths } from './app-paths';
import { CAPTURE_PARTITION, createCaptureFetch, hardenCaptureSession } from './capture-fetch';
import { createOpenExternal } from './external-links';
import { isTrustedSender, registerContract } from './ipc';
import { menuTemplate } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { installSecurity } from './security';
import { nodeStateFiles } from './text-files';
import { APP_INDEX_URL } from './trusted-url';
import { focusExisting, rememberBounds, windowOptions } from './window';
import { loadWindowState, saveWindowState } from './window-state';

const log = (level: 'info' | 'warn' | 'error', message: string): void => {
  if (level !== 'info') process.stderr.write(`daftar ${level}: ${message}\n`);
};

app.setName(APP_NAME);
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();
registerAppScheme(protocol);
const paths = shellPaths({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath(), mainDir: __dirname });
app.setPath('userData', paths.service.dataDir);
const developer = !app.isPackaged;

let win: BrowserWindow | null = null;
let service: Service | null = null;
let unregisterIpc: (() => void) | null = null;
let flushWindowState: () => Promise<void> = async () => {};
let shutdown: Promise<void> | null = null;

async function openWindow(): Promise<void> {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = await loadWindowState(nodeStateFiles, paths.windowStateFile, workAreas);
  const created = new BrowserWindow(windowOptions(state, paths.preloadFile, developer));
  win = created;
  if (state.maximized) created.maximize();
  flushWindowState = rememberBounds(created, (bounds, maximized) => saveWindowState(nodeStateFiles, paths.windowStateFile, bounds, maximized), (m) => log('warn', m));
  created.once('ready-to-show', () => created.show());
  created.on('closed', () => {
    if (win === created) win = null;
  });
  await created.loadURL(APP_INDEX_URL);
}

async function start(): Promise<void> {
  const index = join(paths.rendererDir, 'index.html');
  if (!existsSync(index)) throw new Error(`main: the built UI is missing (${index}); run \`npm run build\` first`);
  // Before any web contents exists: every one created later is hardened as it appears.
  installSecurity(app, session.defaultSession, log);
  const captureSession = session.fromPartition(CAPTURE_PARTITION);
  hardenCaptureSession(captureSession, app.getVersion(), log);
  serveAppProtocol(protocol, { renderer: paths.rendererDir, archives: { bundled: paths.service.bundledArchive, user: paths.service.userArchive } });
  service = await createService({
    paths: paths.service,
    fallbackArchive: paths.fallbackArchive,
    transport: 'electron',
    appVersion: app.getVersion(),
    systemLocale: app.getSystemLocale() || app.getLocale(),
    effects: { openExternal: createOpenExternal((url) => shell.openExternal(url), log), fetchImpl: createCaptureFetch(captureSession) },
    log,
  });
  unregisterIpc = registerContract(ipcMain, service, isTrustedSender, log);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: APP_NAME, developer }) as Electron.MenuItemConstructorOptions[]));
  await openWindow();
}

/** Lets the service close its database and workers, and the window state finish writing, then exits. */
function closeEverything(): Promise<void> {
  shutdown ??= (async () => {
    unregisterIpc?.();
    await flushWindowState();
    await service?.close();
  })().catch((error: unknown) => log('error', `shutdown: ${error instanceof Error ? error.message : String(error)}`));
  return shutdown;
}

if (!app.requestSingleInstanceLock()) {
  // Another Daftar is running; it gets a 'second-instance' event and comes forward.
  app.quit();
} else {
  app.on('second-instance', () => focusExisting(win));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (win === null && service !== null) void openWindow().catch((error: unknown) => log('error', `window: ${String(error)}`));
  });
  app.on('will-quit', (event) => {
    if (shutdown !== null) return; // second pass: everything is closed
    event.preventDefault();
    void closeEverything().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log('error', `startup: ${message}`);
      dialog.showErrorBox('Daftar could not start', message);
      app.exit(1);
    });
}
