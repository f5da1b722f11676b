/**
 * URLs a page states about itself, read from markup and never fetched.
 *
 * A page saved from a browser lost its address; browsers and SingleFile
 * write it back into the file (`<!-- saved from url=(0064)https://… -->`,
 * `<!-- Page saved with SingleFile url: https://… -->`), and most news pages
 * carry <link rel=canonical> or og:url. Import uses it as the base for
 * relative links (so they stay useful as text) and as the source's URL.
 * A <meta http-equiv=refresh> target is reported when a page has no content
 * of its own, so the user can capture the real address; it is never followed.
 */
import { keepableHref } from './url';

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;
const SINGLE_FILE = /<!--[^>]*?Page saved with SingleFile[\s\S]{0,200}?url:\s*(\S+)/i;

function httpOnly(href: string | null | undefined, base?: string): string | null {
  if (!href) return null;
  const kept = keepableHref(href, base);
  return kept && /^https?:/.test(kept) ? kept : null;
}

/** The page's own URL as it declares it, or null. */
export function declaredPageUrl(html: string, document: Document): string | null {
  const head = html.slice(0, 64 * 1024);
  return (
    httpOnly(SAVED_FROM.exec(head)?.[1]) ??
    httpOnly(SINGLE_FILE.exec(head)?.[1]) ??
    httpOnly(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
    httpOnly(document.querySelector('meta[property="og:url" i]')?.getAttribute('content')) ??
    httpOnly(document.querySelector('base[href]')?.getAttribute('href'))
  );
}

/** Where a <meta http-equiv=refresh> sends the reader, resolved against `base`, or null. */
export function metaRefreshTarget(document: Document, base?: string): string | null {
  const content = document.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
  const match = /^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]+)['"]?\s*$/i.exec(content);
  return match ? httpOnly(match[1]!.trim(), base) : null;
}
