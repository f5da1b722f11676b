import { describe, expect, it, vi } from 'vitest';
import {
  filterRequest,
  guardNavigation,
  hardenReadingSession,
  hardenWebContents,
  installSecurity,
  type DownloadItemLike,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
} from '../../../main/security';

type Fn = (...args: never[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Fn> = {};
  const session: SessionLike & { spellcheck?: boolean } = {
    setPermissionRequestHandler: (h) => void (handlers.permissionRequest = h as Fn),
    setPermissionCheckHandler: (h) => void (handlers.permissionCheck = h as Fn),
    webRequest: { onBeforeRequest: (l) => void (handlers.beforeRequest = l as Fn) },
    setSpellCheckerEnabled(enable) {
      session.spellcheck = enable;
    },
    on: (event, l) => void (handlers[event] = l as Fn),
  };
  return { session, handlers };
}

function fakeContents() {
  const handlers: Record<string, (event: PreventableEvent, url?: string) => void> = {};
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on: (event: string, l: (event: PreventableEvent, url?: string) => void) => void (handlers[event] = l),
    setWindowOpenHandler: (h) => void (openHandler = h),
  };
  return { contents, handlers, open: (url: string) => openHandler!({ url }) };
}

function event(url?: string) {
  return { preventDefault: vi.fn(), url } satisfies PreventableEvent;
}

describe('reading session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'display-capture', 'unknown-future-permission'])(
    'denies the permission request "%s" and every permission check',
    (permission) => {
      const { session, handlers } = fakeSession();
      const log = vi.fn();
      hardenReadingSession(session, log);
      const callback = vi.fn();
      (handlers.permissionRequest as (wc: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(log).toHaveBeenCalledWith('warn', `security: denied permission request "${permission}"`);
      expect((handlers.permissionCheck as (wc: unknown, p: string) => boolean)({}, permission)).toBe(false);
    },
  );

  it('turns the spell checker off (it would download dictionaries)', () => {
    const { session } = fakeSession();
    hardenReadingSession(session, vi.fn());
    expect(session.spellcheck).toBe(false);
  });

  it.each([
    ['https://fonts.gstatic.com/s/noto.woff2', true],
    ['http://example.org/tracker.gif', true],
    ['wss://example.org/socket', true],
    ['file:///etc/passwd', true],
    ['app://other/x', true],
    ['app://daftar/index.html', false],
    ['app://daftar/archive/bundled/media/a.png', false],
    ['blob:app://daftar/4f2c', false],
    ['data:image/png;base64,AA==', false],
  ])('request filter: %s → cancel %s', (url, cancel) => {
    const { session, handlers } = fakeSession();
    const log = vi.fn();
    hardenReadingSession(session, log);
    const callback = vi.fn();
    (handlers.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
    expect(log).toHaveBeenCalledTimes(cancel ? 1 : 0);
  });

  it('shortens a huge URL in the log line', () => {
    const log = vi.fn();
    filterRequest({ url: `https://example.org/${'a'.repeat(5000)}` }, vi.fn(), log);
    const line = log.mock.calls[0]![1] as string;
    expect(line.length).toBeLessThan(200);
    expect(line).toMatch(/^security: cancelled a network request to https:\/\/example\.org\/a+…$/);
  });

  it.each([
    ['blob:app://daftar/1', false],
    ['data:text/markdown,notes', false],
    ['https://example.org/file.exe', true],
    ['file:///etc/passwd', true],
  ])('download from %s prevented: %s', (url, prevented) => {
    const { session, handlers } = fakeSession();
    hardenReadingSession(session, vi.fn());
    const e = event();
    (handlers['will-download'] as (e: PreventableEvent, item: DownloadItemLike) => void)(e, { getURL: () => url });
    expect(e.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
  });
});

describe('web contents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: prevents leaving the app, allows app://daftar', (name) => {
    const { contents, handlers } = fakeContents();
    hardenWebContents(contents, vi.fn());
    for (const url of ['https://evil.example/', 'file:///home/user/dropped.html', 'javascript:alert(1)', 'app://other/', 'https://evil.example/?app://daftar/']) {
      const e = event(url);
      handlers[name]!(e, url);
      expect(e.preventDefault, url).toHaveBeenCalledTimes(1);
    }
    const ok = event('app://daftar/index.html');
    handlers[name]!(ok, 'app://daftar/index.html');
    expect(ok.preventDefault).not.toHaveBeenCalled();
  });

  it('prefers the event url (Electron ≥ 25) over the deprecated argument', () => {
    const e = event('https://evil.example/');
    guardNavigation(e, 'app://daftar/index.html', vi.fn());
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('prevents a navigation with no URL at all', () => {
    const e = event(undefined);
    guardNavigation(e, undefined, vi.fn());
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open for every URL, including https and the app itself', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents, vi.fn());
    for (const url of ['https://www.theguardian.com/', 'app://daftar/index.html', 'about:blank', 'javascript:alert(1)']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
  });

  it('blocks <webview>', () => {
    const { contents, handlers } = fakeContents();
    hardenWebContents(contents, vi.fn());
    const e = event();
    handlers['will-attach-webview']!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('installSecurity', () => {
  it('hardens the session and every web contents created later', () => {
    let created: ((e: unknown, c: WebContentsLike) => void) | undefined;
    const app = { on: vi.fn((_event: 'web-contents-created', l: (e: unknown, c: WebContentsLike) => void) => void (created = l)) };
    const { session, handlers: sessionHandlers } = fakeSession();
    installSecurity(app, session, vi.fn());
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    expect(sessionHandlers.beforeRequest).toBeTypeOf('function');
    const { contents, handlers, open } = fakeContents();
    created!({}, contents);
    expect(Object.keys(handlers).sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(open('https://x.example/')).toEqual({ action: 'deny' });
  });
});
