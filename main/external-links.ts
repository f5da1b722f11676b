/**
 * Handing a link to the system browser: the `openExternal` effect the service
 * calls (src/api/parts/library.ts) after the UI asked the user. The service
 * already refuses anything src/api/external-url.ts rejects; the shell checks
 * again with the same function because this is the last step before another
 * program runs: `file:`, `javascript:`, `http:`, custom schemes that launch
 * local programs, credentials and bidi-disguised URLs never reach `open`.
 * `open` is injected (shell.openExternal in index.ts) so tests capture handoffs.
 */
import { isSafeExternalUrl } from '../src/api/external-url';

export type OpenUrl = (url: string) => Promise<void>;
export type Log = (level: 'warn' | 'error', message: string) => void;

/** Resolves whether the URL was handed to the system browser; refuses (false) rather than throws. */
export function createOpenExternal(open: OpenUrl, log: Log = () => {}): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isSafeExternalUrl(url)) {
      log('warn', `external-links: refused to open ${JSON.stringify(String(url).slice(0, 200))}`);
      return false;
    }
    // What the browser receives is the parsed URL, not the caller's spelling of it.
    await open(new URL(url).href);
    return true;
  };
}
