import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_PARTITION, captureUserAgent, createCaptureFetch, hardenCaptureSession, isCapturableUrl, stripCredentials, type CaptureSessionLike } from '../../../main/capture-fetch';

function fakeCaptureSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const state: { userAgent?: string; spellcheck?: boolean } = {};
  const fetch = vi.fn(async (_input: string | Request, _init?: RequestInit) => new Response('<html>page</html>', { status: 200 }));
  const session: CaptureSessionLike = {
    fetch,
    setUserAgent: (ua) => void (state.userAgent = ua),
    setSpellCheckerEnabled: (on) => void (state.spellcheck = on),
    setPermissionRequestHandler: (h) => void (handlers.permissionRequest = h as never),
    setPermissionCheckHandler: (h) => void (handlers.permissionCheck = h as never),
    webRequest: {
      onBeforeRequest: (l) => void (handlers.beforeRequest = l as never),
      onBeforeSendHeaders: (l) => void (handlers.beforeSendHeaders = l as never),
    },
  };
  return { session, fetch, handlers, state };
}

describe('the capture partition', () => {
  it('is in-memory (no persist: prefix), so nothing it stores outlives the run', () => {
    expect(CAPTURE_PARTITION).toBe('capture');
    expect(CAPTURE_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('createCaptureFetch', () => {
  it('fetches http(s) through the capture session, without credentials and without custom protocol handlers', async () => {
    const { session, fetch } = fakeCaptureSession();
    const captureFetch = createCaptureFetch(session);
    const res = await captureFetch('https://www.theguardian.com/world/2025/sep/25/microsoft', { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(await res.text()).toBe('<html>page</html>');
    expect(fetch).toHaveBeenCalledWith('https://www.theguardian.com/world/2025/sep/25/microsoft', {
      redirect: 'manual',
      headers: { accept: 'text/html' },
      credentials: 'omit',
      bypassCustomProtocolHandlers: true,
    });
  });

  it('overrides a caller asking to include credentials', async () => {
    const { session, fetch } = fakeCaptureSession();
    await createCaptureFetch(session)(new URL('http://example.org/a'), { credentials: 'include' });
    expect(fetch.mock.calls[0]![0]).toBe('http://example.org/a');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'omit' });
  });

  it('passes a Request object through as is (method and body kept)', async () => {
    const { session, fetch } = fakeCaptureSession();
    const request = new Request('https://example.org/form', { method: 'HEAD' });
    await createCaptureFetch(session)(request);
    expect(fetch.mock.calls[0]![0]).toBe(request);
  });

  it.each(['file:///etc/passwd', 'app://daftar/index.html', 'data:text/html,<script>x</script>', 'javascript:alert(1)', 'ftp://example.org/x', 'http://', 'not a url', ''])(
    'refuses %j with a TypeError naming the URL, before any network',
    async (url) => {
      const { session, fetch } = fakeCaptureSession();
      await expect(createCaptureFetch(session)(url)).rejects.toThrow(/^capture-fetch: only http\(s\) URLs can be captured, got /);
      await expect(createCaptureFetch(session)(url)).rejects.toBeInstanceOf(TypeError);
      expect(fetch).not.toHaveBeenCalled();
    },
  );
});

describe('hardenCaptureSession', () => {
  it('sets a plain user agent, turns spellcheck off and denies permissions', () => {
    const { session, handlers, state } = fakeCaptureSession();
    hardenCaptureSession(session, '0.1.0', vi.fn());
    expect(state.userAgent).toBe(captureUserAgent('0.1.0'));
    expect(state.userAgent).toBe('Daftar/0.1.0 (offline archive reader; explicit capture)');
    expect(state.spellcheck).toBe(false);
    const cb = vi.fn();
    (handlers.permissionRequest as unknown as (wc: unknown, p: string, cb: (g: boolean) => void) => void)({}, 'notifications', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });

  it.each([
    ['https://example.org/', false],
    ['http://example.org/', false],
    ['file:///etc/passwd', true],
    ['app://daftar/index.html', true],
    ['ws://example.org/', true],
  ])('request %s → cancel %s (redirects to other schemes die here too)', (url, cancel) => {
    const { session, handlers } = fakeCaptureSession();
    hardenCaptureSession(session, '0.1.0', vi.fn());
    const cb = vi.fn();
    (handlers.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel });
  });

  it('strips cookies and authorization from every request it sends', () => {
    const { session, handlers } = fakeCaptureSession();
    hardenCaptureSession(session, '0.1.0', vi.fn());
    const cb = vi.fn();
    (handlers.beforeSendHeaders as unknown as (d: { requestHeaders: Record<string, string> }, cb: (r: unknown) => void) => void)(
      { requestHeaders: { Cookie: 'sid=1', Authorization: 'Basic x', 'Proxy-Authorization': 'y', Accept: 'text/html' } },
      cb,
    );
    expect(cb).toHaveBeenCalledWith({ requestHeaders: { Accept: 'text/html' } });
  });
});

describe('helpers', () => {
  it('isCapturableUrl', () => {
    expect(isCapturableUrl('https://www.aljazeera.net/news/2025/9/28/مايكروسوفت')).toBe(true);
    expect(isCapturableUrl('HTTP://EXAMPLE.ORG')).toBe(true);
    expect(isCapturableUrl('https:example')).toBe(true); // the URL parser repairs it to https://example/
    expect(isCapturableUrl('mailto:a@b.c')).toBe(false);
  });
  it('stripCredentials is case-insensitive', () => {
    expect(stripCredentials({ cookie: 'a', COOKIE: 'b', 'x-other': 'c' })).toEqual({ 'x-other': 'c' });
  });
});
