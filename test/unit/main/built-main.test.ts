/**
 * The built main bundle (out/main/index.js), started for real in a child Node
 * process with a stand-in `electron` module: the real service over the real
 * bundled archive, the real IPC handlers and app:// handler. This is as close
 * to `npm start` as a machine without the Electron binary gets; it catches
 * what source-level tests cannot (bundling, CommonJS interop of production
 * dependencies, paths relative to out/main).
 *
 * Needs `npm run build` output (npm test builds first); fails saying so.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/api/contract';

const repo = resolve(__dirname, '../../..');

// Runs inside the child before the bundle: answers require('electron') with
// recorders, then drives the app once its window has loaded.
const STAND_IN = String.raw`
const Module = require('node:module');
const handlers = new Map();
const listeners = {};
let protocolHandler = null;
let loaded = null;
const report = { events: [] };
const on = (name, fn) => { (listeners[name] ??= []).push(fn); };
const emit = (name, ...args) => (listeners[name] ?? []).forEach((fn) => fn(...args));
const session = () => ({
  setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setSpellCheckerEnabled() {}, setUserAgent() {},
  on() {}, fetch: async () => new Response(''),
  webRequest: { onBeforeRequest() {}, onBeforeSendHeaders() {} },
});
class BrowserWindow {
  constructor(options) { report.webPreferences = options.webPreferences; this.l = {}; }
  on(e, f) { (this.l[e] ??= []).push(f); } once(e, f) { this.on(e, f); }
  async loadURL(url) { report.loadedUrl = url; loaded(); }
  maximize() {} show() {} focus() {} restore() {}
  isMinimized() { return false; } isDestroyed() { return false; } isMaximized() { return false; }
  getNormalBounds() { return { x: 0, y: 0, width: 1000, height: 700 }; }
}
const electron = {
  app: {
    on, setName() {}, setPath(k, v) { report[k] = v; }, enableSandbox() {}, isPackaged: false,
    getAppPath: () => process.env.STAND_IN_APP_PATH, getVersion: () => '0.1.0', getSystemLocale: () => 'ar-EG', getLocale: () => 'ar',
    requestSingleInstanceLock: () => true, whenReady: () => Promise.resolve(),
    quit() { report.quit = true; }, exit(code) { report.exit = code; },
  },
  BrowserWindow,
  ipcMain: { handle(c, f) { handlers.set(c, f); }, removeHandler(c) { handlers.delete(c); } },
  protocol: { registerSchemesAsPrivileged(s) { report.schemes = s; }, handle(_s, f) { protocolHandler = f; } },
  session: { defaultSession: session(), fromPartition: () => session() },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openExternal: async () => {} },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu() {} },
  dialog: { showErrorBox(title, message) { report.errorBox = message; console.log(JSON.stringify(report)); process.exit(3); } },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
new Promise((r) => { loaded = r; }).then(async () => {
  const trusted = { senderFrame: { url: 'app://daftar/index.html', parent: null } };
  report.channels = [...handlers.keys()].sort();
  report.library = await handlers.get('daftar:getLibrary')(trusted, {});
  report.badRequest = await handlers.get('daftar:getDocument')(trusted, { id: 42 });
  report.untrusted = await handlers.get('daftar:getLibrary')({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
  const page = await protocolHandler(new Request('app://daftar/index.html'));
  report.page = { status: page.status, csp: page.headers.get('content-security-policy'), type: page.headers.get('content-type') };
  report.traversal = (await protocolHandler(new Request('app://daftar/%2e%2e/%2e%2e/package.json'))).status;
  const quit = { preventDefault() { report.quitPrevented = true; } };
  emit('will-quit', quit);
  await new Promise((r) => setTimeout(r, 300));
  console.log(JSON.stringify(report));
  process.exit(0);
});
`;

let work: string;
let report: Record<string, any>;

beforeAll(async () => {
  for (const f of ['out/main/index.js', 'out/renderer/index.html', 'assets/archive/manifest.json']) {
    if (!existsSync(join(repo, f))) throw new Error(`built-main: ${f} missing; run \`npm run build\` first (\`npm test\` does)`);
  }
  work = mkdtempSync(join(tmpdir(), 'daftar-built-main-'));
  const hook = join(work, 'stand-in-electron.cjs');
  writeFileSync(hook, STAND_IN);
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--require', hook, join(repo, 'out/main/index.js')], {
    cwd: repo,
    env: { ...process.env, DAFTAR_DATA_DIR: join(work, 'data'), STAND_IN_APP_PATH: repo },
    timeout: 60_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`built-main: the bundle did not start: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    report = JSON.parse(last);
  } catch {
    throw new Error(`built-main: no report from the child\n${stdout}\n${stderr}`);
  }
}, 90_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('out/main/index.js with a stand-in electron', () => {
  it('starts without an error box and loads app://daftar/index.html in a locked-down window', () => {
    expect(report.errorBox).toBeUndefined();
    expect(report.loadedUrl).toBe('app://daftar/index.html');
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(repo, 'out/preload/preload.js') });
    expect(report.userData).toBe(join(work, 'data'));
    expect(report.schemes[0].scheme).toBe('app');
  });

  it('answers getLibrary over IPC from the real bundled archive', () => {
    expect(report.channels).toHaveLength(METHOD_NAMES.length);
    expect(report.library.ok).toBe(true);
    expect(report.library.value.state).toBe('ok');
    expect(report.library.value.library.entries.length).toBeGreaterThan(1);
    expect(report.library.value.library.archive.path).toBe(join(repo, 'assets/archive'));
  });

  it('returns envelopes for bad and untrusted calls', () => {
    expect(report.badRequest).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(report.untrusted).toEqual({ ok: false, error: { code: 'bad-request', message: 'ipc: getLibrary: the caller is not the Daftar window' } });
  });

  it('serves the built page on app:// with the CSP, and refuses traversal', () => {
    expect(report.page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(report.page.csp).toMatch(/script-src 'self'/);
    expect(report.traversal).toBe(404);
  });

  it('on quit, holds the exit until the service is closed, then quits', () => {
    expect(report.quitPrevented).toBe(true);
    expect(report.quit).toBe(true);
  });
});
