/**
 * The HTTP host's per-run token: `daftar serve` prints a URL ending in
 * `#token=…`. The token is read from the hash once, kept in sessionStorage (so
 * a reload of the tab still works) and removed from the address bar so it does
 * not end up in bookmarks, history or screenshots.
 */

const STORAGE_KEY = 'daftar.token';
// Loose on purpose: the host decides the alphabet; this only keeps junk (spaces, markup) out.
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{8,512}$/;

/** The token in a location hash like `#token=abc`, or null. Pure, for tests. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token !== null && TOKEN_PATTERN.test(token) ? token : null;
}

export interface TokenEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Takes the token from the hash (and clears it), else from the session; null when there is none. */
export function takeToken(env: TokenEnv): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash !== null) {
    env.storage.setItem(STORAGE_KEY, fromHash);
    env.history.replaceState(null, '', env.location.pathname + env.location.search);
    return fromHash;
  }
  return env.storage.getItem(STORAGE_KEY);
}
