/**
 * Which URLs the shell trusts. One place, parsed with `new URL`, never matched
 * as substrings: `https://evil.example/?next=app://daftar/` contains the app's
 * origin as text but is not the app (STYLE.md habit 10).
 *
 * Untrusted input returns false, never throws (STYLE.md habit 7). Links for
 * the system browser are src/api/external-url.ts's decision, not this file's.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'daftar';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True only for `app://daftar/…`: right scheme and host, no credentials, no port. */
export function isAppUrl(value: unknown): boolean {
  const url = parse(value);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/** Schemes whose requests never reach the network: allowed by the request filter besides `app://daftar`. */
const LOCAL_SCHEMES = new Set(['devtools:', 'chrome-devtools:']);

/**
 * True for a request the reading window may make: the app's own origin, and
 * `blob:`/`data:` URLs (memory, no network). Everything else would be network
 * traffic and is cancelled.
 */
export function isLocalRequestUrl(value: unknown): boolean {
  if (isAppUrl(value)) return true;
  const url = parse(value);
  if (url === null) return false;
  if (url.protocol === 'data:') return true;
  // blob:app://daftar/<uuid>: only blobs the app itself made.
  if (url.protocol === 'blob:') return isAppUrl(url.pathname);
  return LOCAL_SCHEMES.has(url.protocol);
}
