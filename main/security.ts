/**
 * Central hardening of the reading window (issue 2 part 7; the shape follows
 * Actual's security.ts). Everything here is deny-by-default:
 *  - every permission request (camera, notifications, geolocation…) is refused;
 *  - navigation away from app://daftar is prevented (will-navigate,
 *    will-frame-navigate, will-redirect); so is dropping a file on the window,
 *    which would otherwise navigate to file://;
 *  - window.open is denied; an external https link goes through the contract's
 *    `openExternal`, which the UI calls after asking the user;
 *  - `<webview>` cannot attach;
 *  - every request that is not app://daftar (or an in-memory blob:/data:) is
 *    cancelled: reading makes no network traffic;
 *  - the spell checker is off, because Chromium would download dictionaries;
 *  - downloads are allowed only from blob:/data: (the UI's own exports).
 * Explicit captures use their own session (capture-fetch.ts), untouched here.
 *
 * Electron objects come in as parameters (minimal structural types), so the
 * tests drive these handlers with fakes under plain Node.
 */
import { isAppUrl, isLocalRequestUrl } from './trusted-url';

export type Log = (level: 'warn' | 'error', message: string) => void;

export interface PreventableEvent {
  preventDefault(): void;
  url?: string;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: PreventableEvent, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface DownloadItemLike {
  getURL(): string;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
  setSpellCheckerEnabled(enable: boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent, item: DownloadItemLike) => void): unknown;
}

export interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

/** Shortens a URL for a log line: enough to recognise it, never a whole data: URI. */
function brief(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}…` : url;
}

/** Permission requests and checks both answer no, for every permission and every origin. */
export function denyAllPermissions(session: Pick<SessionLike, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log('warn', `security: denied permission request "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** The request filter of the reading session: cancels anything that would leave the machine. */
export function filterRequest(details: { url: string }, callback: (response: { cancel: boolean }) => void, log: Log): void {
  const allowed = isLocalRequestUrl(details.url);
  if (!allowed) log('warn', `security: cancelled a network request to ${brief(details.url)}`);
  callback({ cancel: !allowed });
}

export function hardenReadingSession(session: SessionLike, log: Log): void {
  denyAllPermissions(session, log);
  session.webRequest.onBeforeRequest((details, callback) => filterRequest(details, callback, log));
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event, item) => {
    const url = item.getURL();
    if (!url.startsWith('blob:') && !url.startsWith('data:')) {
      log('warn', `security: refused a download from ${brief(url)}`);
      event.preventDefault();
    }
  });
}

/** Navigation within app://daftar (a reload) is fine; anything else is stopped. */
export function guardNavigation(event: PreventableEvent, url: string | undefined, log: Log): void {
  const target = event.url ?? url ?? '';
  if (isAppUrl(target)) return;
  log('warn', `security: blocked navigation to ${brief(target)}`);
  event.preventDefault();
}

export function hardenWebContents(contents: WebContentsLike, log: Log): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, log));
  contents.on('will-frame-navigate', (event, url) => guardNavigation(event, url, log));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, log));
  contents.on('will-attach-webview', (event) => {
    log('warn', 'security: blocked a <webview>');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('warn', `security: denied window.open of ${brief(url)}`);
    return { action: 'deny' };
  });
}

/** Hardens every web contents the app ever creates, including ones made before a window exists. */
export function installSecurity(app: AppLike, readingSession: SessionLike, log: Log): void {
  hardenReadingSession(readingSession, log);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}
