/**
 * The network path of an explicit capture (issue 5), kept apart from reading.
 *
 * The reading window's session cancels every request that is not app://
 * (security.ts). A capture the user asked for goes out through a SEPARATE,
 * in-memory session (`capture` partition, no `persist:` prefix: nothing it
 * stores outlives the run) using Chromium's network stack, so proxies and
 * certificates behave as in a browser. On it: http(s) only, no cookies sent,
 * a plain user agent, every permission refused.
 *
 * createCaptureFetch returns a `fetch`-compatible function; index.ts hands it
 * to the service as `effects.fetchImpl`, and the capture part uses it with its
 * own limits (size, time, redirects, content types).
 */
import { denyAllPermissions, type Log, type SessionLike } from './security';

export const CAPTURE_PARTITION = 'capture';

/** Plain, honest and the same for every capture: no browser fingerprint to mimic or leak. */
export function captureUserAgent(appVersion: string): string {
  return `Daftar/${appVersion} (offline archive reader; explicit capture)`;
}

export interface CaptureSessionLike extends Pick<SessionLike, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled'> {
  fetch(input: string | Request, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }): Promise<Response>;
  setUserAgent(userAgent: string): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onBeforeSendHeaders(
      listener: (details: { requestHeaders: Record<string, string> }, callback: (response: { requestHeaders: Record<string, string> }) => void) => void,
    ): void;
  };
}

/** http: or https:, parsed; anything else (file:, data:, app:, ftp:…) is not a capture. */
export function isCapturableUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Headers the capture must never send, whatever the caller or Chromium adds. */
export function stripCredentials(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'cookie' || lower === 'authorization' || lower === 'proxy-authorization') continue;
    out[name] = value;
  }
  return out;
}

export function hardenCaptureSession(session: CaptureSessionLike, appVersion: string, log: Log): void {
  denyAllPermissions(session, log);
  session.setSpellCheckerEnabled(false);
  session.setUserAgent(captureUserAgent(appVersion));
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = isCapturableUrl(details.url);
    if (!ok) log('warn', `capture-fetch: cancelled a non-http request to ${details.url.slice(0, 120)}`);
    callback({ cancel: !ok });
  });
  session.webRequest.onBeforeSendHeaders((details, callback) => callback({ requestHeaders: stripCredentials(details.requestHeaders) }));
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** A `fetch` over the capture session. Refuses non-http(s) URLs with a TypeError, as fetch does for bad input. */
export function createCaptureFetch(session: Pick<CaptureSessionLike, 'fetch'>): typeof fetch {
  const captureFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    if (!isCapturableUrl(url)) throw new TypeError(`capture-fetch: only http(s) URLs can be captured, got ${JSON.stringify(url.slice(0, 200))}`);
    const options = { ...init, credentials: 'omit' as const, bypassCustomProtocolHandlers: true };
    return session.fetch(input instanceof Request ? input : url, options);
  };
  return captureFetch as typeof fetch;
}
