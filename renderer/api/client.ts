/**
 * The typed DaftarApi client, the only way the UI reaches the service.
 *
 * Two transports carry the same contract (docs/DESIGN.md §3):
 *  - Electron: the preload exposes `window.daftar` (main/bridge.ts);
 *    `invoke(method, request)` resolves to an Envelope.
 *  - HTTP (`daftar serve`): `POST /api/<method>` with the request as JSON and
 *    the per-run token in `X-Daftar-Token`; the answer is an Envelope.
 * Both end in the same ApiClientError, so views never care which one runs.
 */
import { METHOD_NAMES, type DaftarApi, type MethodName } from '../../src/api/contract';
import { ApiClientError, unwrapEnvelope } from './errors';
import { takeToken } from './token';
import { isOpenableUrl } from './urls';

/** Sends one call and resolves to what the other side answered (an Envelope, normally). */
export type Transport = (method: MethodName, request: unknown) => Promise<unknown>;

export function createApi(transport: Transport, overrides: Partial<DaftarApi> = {}): DaftarApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (request?: unknown) => {
      let answer: unknown;
      try {
        answer = await transport(method, request ?? {});
      } catch (error) {
        if (error instanceof ApiClientError) throw error;
        throw new ApiClientError('transport', `api: ${method}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return unwrapEnvelope(method, answer);
    };
  }
  return { ...(api as unknown as DaftarApi), ...overrides };
}

/**
 * What the renderer needs of `window.daftar` (main/bridge.ts defines the full
 * DaftarBridge; the renderer does not import main/): one call that resolves to
 * an Envelope and never rejects for service errors.
 */
export interface Bridge {
  invoke(method: MethodName, request?: unknown): Promise<unknown>;
}

export function electronTransport(bridge: Bridge): Transport {
  return (method, request) => bridge.invoke(method, request);
}

function isBridge(value: unknown): value is Bridge {
  return typeof value === 'object' && value !== null && typeof (value as Bridge).invoke === 'function';
}

export function httpTransport(token: string | null, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, request) => {
    if (token === null) {
      throw new ApiClientError('transport', 'api: no access token; open the full address that `daftar serve` printed (it ends in #token=…)');
    }
    let response: Response;
    try {
      response = await fetchImpl(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Daftar-Token': token },
        body: JSON.stringify(request),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiClientError('transport', `api: ${method}: the Daftar host does not answer (was \`daftar serve\` stopped?)`);
    }
    const body = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new ApiClientError('transport', `api: ${method}: HTTP ${response.status}, not JSON`);
    }
    if (response.status === 403 && !isEnvelope(parsed)) {
      throw new ApiClientError('transport', `api: ${method}: the host refused the token (HTTP 403); open the address that \`daftar serve\` printed`);
    }
    return parsed;
  };
}

function isEnvelope(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** In a browser the system browser is this browser: a new tab, without opener or referrer. */
function browserOpenExternal(open: (url: string, target: string, features: string) => unknown): DaftarApi['openExternal'] {
  return async ({ url }) => {
    if (!isOpenableUrl(url)) return { opened: false };
    open(url, '_blank', 'noopener,noreferrer');
    return { opened: true };
  };
}

/** The client for the window the UI runs in. */
export function connectApi(win: Window = window): DaftarApi {
  const bridge = (win as Window & { daftar?: unknown }).daftar;
  if (isBridge(bridge)) return createApi(electronTransport(bridge));
  const token = takeToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  return createApi(httpTransport(token, win.fetch.bind(win)), {
    openExternal: browserOpenExternal((url, target, features) => win.open(url, target, features)),
  });
}
