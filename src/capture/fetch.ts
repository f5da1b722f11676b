/**
 * Fetching one URL for capture: the only place Daftar goes to the network.
 *
 * The fetch function is injected: under Node (CLI, host, tests) it is the
 * global fetch; in Electron the main process passes its own session's
 * `net.fetch`, so the reading window itself never has network access.
 * Every hop of a redirect chain is checked (redirect: 'manual'): a page may
 * not bounce the capture to file:, javascript: or a URL with credentials.
 * No cookies or credentials are sent, the user agent says what we are, and
 * bodies are read under a byte limit and a time limit.
 */
import { readLimitedBody } from './body';
import { CaptureError, type CaptureReason } from './errors';
import { checkFetchUrl } from './url';

export type FetchImpl = (input: string, init: RequestInit) => Promise<Response>;

export const USER_AGENT = 'Daftar/0.1 (offline archive reader)';

export interface FetchOptions {
  fetchImpl: FetchImpl;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** What to call the thing in messages: "the page", "image https://…". */
  what?: string;
  accept?: string;
  /** The caller's cancellation, combined with the time limit. */
  signal?: AbortSignal;
}

export interface Fetched {
  originalUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  /** Every URL visited, first to last. */
  chain: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchUrl(input: string, options: FetchOptions): Promise<Fetched> {
  const what = options.what ?? 'the page';
  const original = checkFetchUrl(input);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const chain = [original.href];
  let current = original;
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetchImpl(current.href, {
        method: 'GET',
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        headers: { 'user-agent': USER_AGENT, accept: options.accept ?? 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' },
        signal,
      });
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) throw new CaptureError('network', `${current.href} answered ${response.status} (a redirect) without a Location header`, 'redirects');
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new CaptureError('network', `${current.href} redirects to ${JSON.stringify(location)}, which is not a valid URL`, 'redirects');
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new CaptureError('network', `${current.href} redirects to ${next.protocol} (${JSON.stringify(location.slice(0, 100))}); only http: and https: redirects are followed`, 'redirects');
        }
        // The user's address was fine; where it leads is not, and the UI should say so.
        next = checkFetchUrl(next.href, 'redirect target', 'redirects');
        next.hash = '';
        if (chain.includes(next.href)) throw new CaptureError('network', `redirect loop: ${[...chain, next.href].join(' → ')}`, 'redirects');
        if (hop + 1 > options.maxRedirects) throw new CaptureError('network', `too many redirects (more than ${options.maxRedirects}) starting at ${original.href}`, 'redirects');
        chain.push(next.href);
        current = next;
        continue;
      }
      if (response.status === 0 || response.type === 'opaqueredirect') {
        throw new CaptureError('network', `${current.href}: the network layer hid a redirect; the injected fetch must return redirects with redirect: 'manual'`);
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        throw new CaptureError('network', `${current.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, 'http-status', { status: response.status });
      }
      const bytes = await readLimitedBody(response, options.maxBytes, what, signal);
      return { originalUrl: original.href, finalUrl: current.href, status: response.status, contentType: response.headers.get('content-type'), bytes, chain };
    }
  } catch (error) {
    throw explain(error, current.href, options, timeout);
  }
}

/** Turns whatever the network layer threw into a CaptureError a user can act on. */
function explain(error: unknown, url: string, options: FetchOptions, timeout: AbortSignal): CaptureError {
  if (error instanceof CaptureError) return error;
  if (timeout.aborted) return new CaptureError('network', `${url} did not answer within ${options.timeoutMs / 1000} s`, 'timeout', { seconds: options.timeoutMs / 1000 });
  if (options.signal?.aborted) return new CaptureError('network', `fetching ${url} was cancelled`, 'cancelled');
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  // Node's fetch puts a system code on the cause; Electron's net.fetch names a Chromium net error in the message.
  const code = cause && 'code' in cause ? String((cause as { code: unknown }).code) : chromiumNetError(error);
  const host = hostOf(url);
  const [detail, reason]: [string, CaptureReason | undefined] =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ERR_NAME_NOT_RESOLVED' || code === 'ERR_INTERNET_DISCONNECTED' ? ['the host name could not be resolved (offline, or a typo?)', 'host-not-found']
    : code === 'ECONNREFUSED' || code === 'ERR_CONNECTION_REFUSED' ? ['the connection was refused', 'connection-refused']
    : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'ERR_CONNECTION_RESET' || code === 'ERR_CONNECTION_CLOSED' || code === 'ERR_EMPTY_RESPONSE' ? ['the connection was closed by the server', 'connection-closed']
    : code.startsWith('CERT_') || code.includes('SELF_SIGNED') || code.startsWith('ERR_TLS') || code.startsWith('ERR_CERT_') || code.startsWith('ERR_SSL_') ? [`its TLS certificate was rejected (${code})`, 'tls-rejected']
    : [cause?.message ?? (error instanceof Error ? error.message : String(error)), undefined];
  return new CaptureError('network', `could not fetch ${url}: ${detail}`, reason, reason ? { host } : {});
}

/** `net::ERR_NAME_NOT_RESOLVED` in an Electron error message → `ERR_NAME_NOT_RESOLVED`; '' when there is none. */
function chromiumNetError(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /\bnet::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 100);
  }
}
