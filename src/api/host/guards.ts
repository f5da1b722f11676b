/**
 * The checks that keep the local host local. Pure functions over header
 * values, so each attack is one row of a table test:
 *  - Host must name this loopback port exactly: a DNS-rebinding page reaches us
 *    with its own hostname in Host and is refused;
 *  - Origin, when the browser sends one, must be our own origin: another site's
 *    page cannot call the API (no CSRF) even on loopback;
 *  - the token proves the caller was given the URL this run printed.
 */
import { timingSafeEqual } from 'node:crypto';
import { resolve, sep } from 'node:path';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

export function allowedHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return allowedHosts(port).includes(hostHeader.trim().toLowerCase());
}

/** No Origin (same-origin GET, curl, the CLI) is fine; a present Origin must be ours exactly. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return allowedHosts(port).some((host) => originHeader === `http://${host}`);
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Maps a URL path to a file inside `root`, or null when the path is malformed or
 * would leave root (`..`, encoded separators, backslashes, NUL).
 */
export function staticFileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}
