import { describe, expect, it } from 'vitest';
import type { Envelope, MethodName } from '../../../src/api/contract';
import { createApi, electronTransport, httpTransport } from '../../../renderer/api/client';
import { ApiClientError, unwrapEnvelope } from '../../../renderer/api/errors';
import { takeToken, tokenFromHash } from '../../../renderer/api/token';
import { isOpenableUrl } from '../../../renderer/api/urls';

describe('tokenFromHash', () => {
  const table: [string, string | null][] = [
    ['#token=abcdef0123456789', 'abcdef0123456789'],
    ['token=abcdef0123456789', 'abcdef0123456789'],
    ['#x=1&token=abcdef0123456789', 'abcdef0123456789'],
    ['', null],
    ['#', null],
    ['#token=', null],
    ['#token=short', null],
    ['#token=has%20space%20inside', null],
    ['#token=<script>alert(1)</script>', null],
  ];
  it.each(table)('%j → %j', (hash, expected) => expect(tokenFromHash(hash)).toBe(expected));
});

describe('takeToken', () => {
  function env(hash: string, stored: string | null = null) {
    const store = new Map<string, string>(stored === null ? [] : [['daftar.token', stored]]);
    const replaced: string[] = [];
    return {
      replaced,
      store,
      env: {
        location: { hash, pathname: '/', search: '?a=1' },
        history: { replaceState: (_d: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
        storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
      },
    };
  }
  it('takes the token from the hash, keeps it for the session and clears the address bar', () => {
    const e = env('#token=abcdef0123456789');
    expect(takeToken(e.env)).toBe('abcdef0123456789');
    expect(e.store.get('daftar.token')).toBe('abcdef0123456789');
    expect(e.replaced).toEqual(['/?a=1']);
  });
  it('falls back to the session after a reload (hash already cleared)', () => {
    const e = env('', 'abcdef0123456789');
    expect(takeToken(e.env)).toBe('abcdef0123456789');
    expect(e.replaced).toEqual([]);
  });
  it('returns null when there is none', () => expect(takeToken(env('').env)).toBeNull());
});

describe('unwrapEnvelope', () => {
  it('returns the value of an ok envelope', () => expect(unwrapEnvelope('getSettings', { ok: true, value: 3 })).toBe(3));
  it('rethrows the service error with code and message', () => {
    const err = (() => {
      try {
        unwrapEnvelope('getDocument', { ok: false, error: { code: 'not-found', message: 'library: no document x' } });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiClientError);
    expect(err).toMatchObject({ code: 'not-found', message: 'library: no document x' });
    expect((err as ApiClientError).problem).toBeUndefined();
  });
  it('carries a problem the view can word, and only a well-formed one', () => {
    const thrown = (error: unknown) => {
      try {
        unwrapEnvelope('captureSource', { ok: false, error });
      } catch (e) {
        return e as ApiClientError;
      }
      throw new Error('expected a throw');
    };
    expect(thrown({ code: 'network', message: 'm', problem: { reason: 'timeout', params: { seconds: 30 } } }).problem).toEqual({ reason: 'timeout', params: { seconds: 30 } });
    expect(thrown({ code: 'network', message: 'm', problem: { reason: 'Timeout!', params: {} } }).problem).toBeUndefined();
    expect(thrown({ code: 'network', message: 'm', problem: { reason: 'timeout', params: { seconds: Number.NaN } } })).toMatchObject({ code: 'network', message: 'm', problem: undefined });
  });
  const junk: [string, unknown][] = [
    ['null', null],
    ['a string', 'ok'],
    ['no ok', { value: 1 }],
    ['ok not boolean', { ok: 'yes', value: 1 }],
    ['error without code', { ok: false, error: { message: 'x' } }],
  ];
  it.each(junk)('turns %s into a transport error naming the method', (_name, value) => {
    expect(() => unwrapEnvelope('search', value)).toThrow(/^api: search: /);
  });
});

describe('createApi over a transport', () => {
  it('calls every method through the transport with its request, {} when absent', async () => {
    const calls: [MethodName, unknown][] = [];
    const api = createApi(async (method, request) => {
      calls.push([method, request]);
      return { ok: true, value: method } satisfies Envelope<string>;
    });
    expect(await api.getSettings()).toBe('getSettings');
    expect(await api.getDocument({ id: 'a' })).toBe('getDocument');
    expect(calls).toEqual([
      ['getSettings', {}],
      ['getDocument', { id: 'a' }],
    ]);
  });
  it('wraps a transport that throws into an ApiClientError("transport")', async () => {
    const api = createApi(async () => {
      throw new Error('channel closed');
    });
    await expect(api.getLibrary()).rejects.toMatchObject({ code: 'transport', message: 'api: getLibrary: channel closed' });
  });
  it('uses the Electron bridge invoke(method, request)', async () => {
    const api = createApi(electronTransport({ invoke: async (method, request) => ({ ok: true, value: { method, request } }) }));
    expect(await api.search({ query: 'غزة' })).toEqual({ method: 'search', request: { query: 'غزة' } });
  });
});

describe('httpTransport', () => {
  function fakeFetch(status: number, body: string, seen: { url?: string; init?: RequestInit }[] = []) {
    return (async (url: string, init?: RequestInit) => {
      seen.push({ url, init });
      return new Response(body, { status });
    }) as unknown as typeof fetch;
  }
  it('POSTs JSON to /api/<method> with the token header', async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const api = createApi(httpTransport('abcdef0123456789', fakeFetch(200, '{"ok":true,"value":{"fontSize":20}}', seen)));
    expect(await api.setSettings({ fontSize: 20 })).toEqual({ fontSize: 20 });
    expect(seen[0]!.url).toBe('/api/setSettings');
    expect(seen[0]!.init!.method).toBe('POST');
    expect((seen[0]!.init!.headers as Record<string, string>)['X-Daftar-Token']).toBe('abcdef0123456789');
    expect(seen[0]!.init!.body).toBe('{"fontSize":20}');
  });
  it('passes a 400 envelope through as the service error', async () => {
    const api = createApi(httpTransport('abcdef0123456789', fakeFetch(400, '{"ok":false,"error":{"code":"bad-request","message":"schemas: id: required"}}')));
    await expect(api.getDocument({ id: '' })).rejects.toMatchObject({ code: 'bad-request', message: 'schemas: id: required' });
  });
  const failures: [string, typeof fetch | null, RegExp][] = [
    ['no token', null, /no access token/],
    ['a non-JSON answer', fakeFetch(502, '<html>bad gateway</html>'), /HTTP 502, not JSON/],
    ['a 403 without envelope', fakeFetch(403, '{"message":"forbidden"}'), /refused the token/],
    [
      'a dead host',
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
      /does not answer/,
    ],
  ];
  it.each(failures)('reports %s clearly', async (name, fetchImpl, message) => {
    const api = createApi(httpTransport(name === 'no token' ? null : 'abcdef0123456789', fetchImpl ?? fakeFetch(200, '{}')));
    await expect(api.getLibrary()).rejects.toThrow(message);
  });
});

describe('isOpenableUrl', () => {
  const table: [string, boolean][] = [
    ['https://www.theguardian.com/world/2025/sep/25/x', true],
    ['https://www.aljazeera.net/tech/2025/9/28/هل-أوقفت', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['https://user:pass@example.com/', false],
    ['app://daftar/index.html', false],
    ['not a url', false],
    ['', false],
  ];
  it.each(table)('%s → %s', (url, expected) => expect(isOpenableUrl(url), url).toBe(expected));
});
