/**
 * Which links Daftar may hand to the system browser: the one trust decision of
 * openExternal, kept pure and small so its table of hostile inputs tests it
 * completely.
 *
 * A URL passes only if it parses with `new URL` and is plain `https:` to a
 * named public host on the default port, with no user name or password. The
 * raw string is checked too, because the URL parser quietly repairs what an
 * attacker would use to disguise a link in the confirmation dialog: it strips
 * tabs and newlines, turns `\` into `/`, and keeps bidi controls (U+202E)
 * that reorder what the user reads. Any parse error means false.
 *
 * Not refused: internationalised host names and non-ASCII paths (Arabic sites
 * use them; the article's own url has an Arabic path).
 */

const MAX_URL_CHARS = 4096;

/** Whitespace, C0/C1 controls, bidi controls, zero-width and other invisible format characters. */
const INVISIBLE_OR_CONTROL = /[\s\p{Cc}\p{Cf}\u2028\u2029]/u;

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || /^[0-9.]+$/.test(hostname) || /^0x[0-9a-f.]+$/i.test(hostname);
}

export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_CHARS) return false;
  if (INVISIBLE_OR_CONTROL.test(url) || url.includes('\\')) return false;
  if (!/^https:\/\/[^/]/i.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  // `https://@host` parses with an empty user name; any `@` in the authority is a disguise.
  const authority = url.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (parsed.username !== '' || parsed.password !== '' || authority.includes('@')) return false;
  if (parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  // Single-label names (localhost, intranet hosts) and IP literals reach the user's own machine or network.
  if (isIpLiteral(host) || !host.includes('.') || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.')) return false;
  return true;
}
