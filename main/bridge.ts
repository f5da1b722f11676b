/**
 * What the preload puts on `window.daftar`, and how it is built.
 *
 * The bridge returns Envelopes instead of throwing: an Error thrown across
 * `contextBridge` arrives in the page as a plain Error whose custom properties
 * (our `code`) are gone. So the page receives `{ ok, value | error }` and its
 * client (renderer/api/) rethrows with code and message intact.
 *
 * Kept free of `electron` so it runs under plain Node in tests; preload.ts only
 * hands it `ipcRenderer.invoke`. It must stay small: it is bundled into the
 * sandboxed preload, which may require nothing but `electron`.
 */
import { METHOD_NAMES, channelOf } from '../src/api/contract';
import type { ApiErrorShape, Envelope, ErrorProblem, MethodName, RequestOf, ResponseOf } from '../src/api/contract';
import { problemOf } from '../src/api/errors';

/** One method per contract method, each resolving to an Envelope (never rejecting). */
export type EnvelopeApi = {
  [M in MethodName]: (req?: RequestOf<M>) => Promise<Envelope<ResponseOf<M>>>;
};

/** The exact shape of `window.daftar` in the Electron renderer. */
export interface DaftarBridge {
  /** Lets the renderer tell the transports apart without sniffing. */
  readonly transport: 'electron';
  /** Bumped if this shape ever changes incompatibly. */
  readonly bridgeVersion: 1;
  readonly methods: readonly MethodName[];
  /** Calls one contract method; unknown methods resolve to a 'bad-request' envelope. */
  invoke<M extends MethodName>(method: M, req?: RequestOf<M>): Promise<Envelope<ResponseOf<M>>>;
  /** The same calls as named functions. */
  readonly api: EnvelopeApi;
}

/** The single IPC primitive the bridge needs (ipcRenderer.invoke in the preload). */
export type InvokeChannel = (channel: string, req: unknown) => Promise<unknown>;

const KNOWN = new Set<string>(METHOD_NAMES);

function failure(code: ApiErrorShape['code'], message: string, problem?: ErrorProblem): { ok: false; error: ApiErrorShape } {
  return { ok: false, error: problem ? { code, message, problem } : { code, message } };
}

/** Anything main sends back is checked: a malformed reply becomes an 'internal' envelope, not a crash in the page. */
export function asEnvelope(reply: unknown, method: string): Envelope<unknown> {
  if (typeof reply === 'object' && reply !== null) {
    const r = reply as { ok?: unknown; value?: unknown; error?: unknown };
    if (r.ok === true && 'value' in r) return { ok: true, value: r.value };
    if (r.ok === false && typeof r.error === 'object' && r.error !== null) {
      const e = r.error as { code?: unknown; message?: unknown; problem?: unknown };
      if (typeof e.code === 'string' && typeof e.message === 'string') return failure(e.code as ApiErrorShape['code'], e.message, problemOf(e.problem));
    }
  }
  return failure('internal', `bridge: ${method}: the main process sent a malformed reply`);
}

export function createBridge(invokeChannel: InvokeChannel): DaftarBridge {
  async function invoke(method: string, req?: unknown): Promise<Envelope<unknown>> {
    // The page is untrusted in principle: it can only reach the contract's channels, never an arbitrary one.
    if (typeof method !== 'string' || !KNOWN.has(method)) {
      return failure('bad-request', `bridge: unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
    }
    try {
      return asEnvelope(await invokeChannel(channelOf(method as MethodName), req), method);
    } catch (error) {
      // Only when main has no handler or the channel broke (main validates and never throws).
      const message = error instanceof Error ? error.message : String(error);
      return failure('internal', `bridge: ${method}: ${message}`);
    }
  }
  const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, (req?: unknown) => invoke(m, req)])) as unknown as EnvelopeApi;
  return {
    transport: 'electron',
    bridgeVersion: 1,
    methods: [...METHOD_NAMES],
    invoke: invoke as DaftarBridge['invoke'],
    api,
  };
}
