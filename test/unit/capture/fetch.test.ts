import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureError } from '../../../src/capture/errors';
import { fetchUrl, USER_AGENT, type FetchOptions } from '../../../src/capture/fetch';
import { redirect, send, startServer, type TestServer } from './helpers/server';

let server: TestServer;
const options = (over: Partial<FetchOptions> = {}): FetchOptions => ({ fetchImpl: fetch, maxBytes: 1024 * 1024, timeoutMs: 2000, maxRedirects: 5, ...over });

beforeAll(async () => {
  server = await startServer({
    '/ok': send(200, 'text/html; charset=utf-8', '<p>hello</p>', { 'set-cookie': 'tracker=1' }),
    '/again': send(200, 'text/html', '<p>again</p>'),
    '/r1': redirect('/r2', 301),
    '/r2': redirect('/ok', 308),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    ...Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`/hop${i}`, redirect(`/hop${i + 1}`)])),
    '/hop7': send(200, 'text/html', '<p>far</p>'),
    '/to-js': redirect('javascript:alert(1)'),
    '/to-file': redirect('file:///etc/passwd'),
    '/to-data': redirect('data:text/html,<script>alert(1)</script>'),
    '/to-creds': redirect('http://admin:pw@127.0.0.1/'),
    '/no-location': (_req, res) => {
      res.writeHead(302);
      res.end();
    },
    '/missing': send(404, 'text/html', 'gone'),
    '/error': send(500, 'text/html', 'boom'),
    '/declared-big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<p>'); // then hang: the declared length alone must refuse it
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        res.once('drain', pump);
      };
      res.on('error', () => undefined);
      pump();
    },
    '/hang': () => undefined,
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
    },
  });
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<CaptureError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CaptureError);
    return error as CaptureError;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchUrl', () => {
  it('fetches a page with a plain user agent, no cookies and no credentials', async () => {
    await fetchUrl(server.url('/ok'), options());
    const got = await fetchUrl(server.url('/again'), options());
    expect(new TextDecoder().decode(got.bytes)).toBe('<p>again</p>');
    expect(got.status).toBe(200);
    const seen = server.requests.find((r) => r.path === '/again')!;
    expect(seen.headers['user-agent']).toBe(USER_AGENT);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers.referer).toBeUndefined();
  });

  it('follows redirects hop by hop and records the chain', async () => {
    const got = await fetchUrl(server.url('/r1'), options());
    expect(got.originalUrl).toBe(server.url('/r1'));
    expect(got.finalUrl).toBe(server.url('/ok'));
    expect(got.chain).toEqual([server.url('/r1'), server.url('/r2'), server.url('/ok')]);
  });

  // The third column is the problem the UI words in the reader's language (renderer/capture/task.ts).
  const refused: [string, string, RegExp, object][] = [
    ['/loop-a', 'network', /redirect loop: .*loop-a → .*loop-b → .*loop-a/, { reason: 'redirects', params: {} }],
    ['/hop0', 'network', /too many redirects \(more than 5\)/, { reason: 'redirects', params: {} }],
    ['/to-js', 'network', /redirects to javascript:/, { reason: 'redirects', params: {} }],
    ['/to-file', 'network', /redirects to file:/, { reason: 'redirects', params: {} }],
    ['/to-data', 'network', /redirects to data:/, { reason: 'redirects', params: {} }],
    ['/to-creds', 'bad-request', /redirect target .* contains a user name or password/, { reason: 'redirects', params: {} }],
    ['/no-location', 'network', /answered 302 \(a redirect\) without a Location header/, { reason: 'redirects', params: {} }],
    ['/missing', 'network', /answered HTTP 404/, { reason: 'http-status', params: { status: 404 } }],
    ['/error', 'network', /answered HTTP 500/, { reason: 'http-status', params: { status: 500 } }],
    ['/declared-big', 'too-large', /is 50 MB, over the limit of 1 MB/, { reason: 'page-too-large', params: { limit: '1 MB' } }],
    ['/endless', 'too-large', /over the limit of 1 MB \(stopped reading at/, { reason: 'page-too-large', params: { limit: '1 MB' } }],
  ];
  it.each(refused)('%s fails with %s', async (path, code, message, problem) => {
    const error = await failure(fetchUrl(server.url(path), options()));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.problem).toEqual(problem);
  });

  it('gives up on a server that never answers, within the time limit', async () => {
    const started = Date.now();
    const error = await failure(fetchUrl(server.url('/hang'), options({ timeoutMs: 300 })));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/did not answer within 0.3 s/);
    expect(error.problem).toEqual({ reason: 'timeout', params: { seconds: 0.3 } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on a body that stops arriving', async () => {
    const error = await failure(fetchUrl(server.url('/slow-body'), options({ timeoutMs: 300 })));
    expect(error.message).toMatch(/did not answer within 0.3 s/);
  });

  it('reports a refused connection clearly', async () => {
    const closed = await startServer({});
    const url = closed.url('/x');
    await closed.close();
    const error = await failure(fetchUrl(url, options()));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/could not fetch .*: the connection was refused/);
    expect(error.problem).toEqual({ reason: 'connection-refused', params: { host: new URL(url).host } });
  });

  it('refuses a bad URL before any request', async () => {
    let calls = 0;
    const counting = ((...args: Parameters<typeof fetch>) => {
      calls++;
      return fetch(...args);
    }) as typeof fetch;
    const error = await failure(fetchUrl('file:///etc/passwd', options({ fetchImpl: counting })));
    expect(error.code).toBe('bad-request');
    expect(error.problem?.reason).toBe('bad-url');
    expect(calls).toBe(0);
  });

  // Electron's net.fetch (main/capture-fetch.ts) fails with Chromium's net error names in the message, not a Node cause code.
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'host-not-found', /the host name could not be resolved/],
    ['net::ERR_INTERNET_DISCONNECTED', 'host-not-found', /the host name could not be resolved/],
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused', /the connection was refused/],
    ['net::ERR_CONNECTION_RESET', 'connection-closed', /closed by the server/],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls-rejected', /TLS certificate was rejected \(ERR_CERT_AUTHORITY_INVALID\)/],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls-rejected', /TLS certificate was rejected/],
  ])('explains an Electron failure %s', async (netError, reason, message) => {
    const electronLike = async () => {
      throw new Error(netError);
    };
    const error = await failure(fetchUrl('https://news.example.test/a', options({ fetchImpl: electronLike })));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(message);
    expect(error.problem).toEqual({ reason, params: { host: 'news.example.test' } });
  });

  it('keeps an unknown failure as it was, without a reason', async () => {
    const odd = async () => {
      throw new Error('net::SOMETHING_ELSE happened');
    };
    const error = await failure(fetchUrl('https://news.example.test/a', options({ fetchImpl: odd })));
    expect(error.message).toMatch(/could not fetch https:\/\/news\.example\.test\/a: net::SOMETHING_ELSE happened/);
    expect(error.problem).toBeUndefined();
  });

  it('holds the time limit even when an injected fetch ignores the signal', async () => {
    const stubborn = async () => new Response(new ReadableStream({ start() {} }), { status: 200, headers: { 'content-type': 'text/html' } });
    const error = await failure(fetchUrl('https://example.invalid/', options({ fetchImpl: stubborn, timeoutMs: 200 })));
    expect(error.message).toMatch(/did not answer within 0.2 s/);
  });
});
