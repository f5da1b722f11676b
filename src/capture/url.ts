/**
 * Which URLs a capture may fetch and which hrefs a stored document may keep.
 * Parsed with `new URL`, never matched as substrings (an attacker controls the
 * string: `https://evil/?x=http://ok` or `java\tscript:` fool string tests).
 *
 * Private addresses (127.0.0.1, 192.168.x) are allowed on purpose: a user may
 * archive a page from their own network, and the tests serve pages on
 * 127.0.0.1. The risk a reader app runs is active content, handled by
 * extraction, not server-side request forgery.
 */
import { CaptureError, type CaptureReason } from './errors';

/**
 * The URL a capture or a redirect may go to; throws CaptureError('bad-request')
 * naming what is wrong. `reason` is what the UI tells the user: the address
 * they typed is bad, or (for a redirect) where it leads is.
 */
export function checkFetchUrl(input: string, what = 'URL', reason: CaptureReason = 'bad-url'): URL {
  const trimmed = input.trim();
  if (trimmed === '') throw new CaptureError('bad-request', `${what} is empty`, reason);
  if (trimmed.length > 4096) throw new CaptureError('bad-request', `${what} is longer than 4096 characters`, reason);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new CaptureError('bad-request', `${what} ${JSON.stringify(shorten(trimmed))} is not a valid absolute URL`, reason);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CaptureError('bad-request', `${what} ${JSON.stringify(shorten(trimmed))} uses ${url.protocol} — only http: and https: pages can be captured`, reason);
  }
  if (url.username !== '' || url.password !== '') {
    throw new CaptureError('bad-request', `${what} ${JSON.stringify(shorten(redact(url)))} contains a user name or password — remove them; Daftar never sends credentials`, reason);
  }
  if (url.hostname === '') throw new CaptureError('bad-request', `${what} ${JSON.stringify(shorten(trimmed))} has no host`, reason);
  return url;
}

/** A link href worth keeping as text in a document: http(s) and mailto only, resolved against the page. */
export function keepableHref(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.href.length <= 4096 ? url.href : null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href.length <= 4096 ? url.href : null;
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = copy.username ? '…' : '';
  copy.password = copy.password ? '…' : '';
  return copy.href;
}

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
