/**
 * captureSource end to end over the local test server and a fake library:
 * every hostile page either becomes a clean document (no active content, no
 * network reference but link hrefs) or fails with a clear ApiError, and a
 * failure stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../src/api/context';
import { ApiError } from '../../../src/api/errors';
import { inlineExtractor } from '../../../src/capture/extract-runner';
import { createCapturePart, type CapturePartOptions } from '../../../src/api/parts/capture';
import { blockText } from '../../../src/document/types';
import { documentText } from '../../../src/document/text';
import { expectNoActiveContent } from './helpers/active';
import { fakeLibrary, type FakeLibrary } from './helpers/fake-library';
import { encodeSingleByte, fixture, PNG_1X1, redirect, send, startServer, type TestServer } from './helpers/server';

const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
const ARABIC_PARAGRAPH = 'أعلنت الشركة يوم الخميس أنها أوقفت استخدام وحدة عسكرية لخدماتها السحابية بعد تحقيق صحفي كشف تخزين ملايين المكالمات.';
const legacyPage = (declare: string) =>
  `<html><head>${declare}<title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1><p>${ARABIC_PARAGRAPH}</p><p>${ARABIC_PARAGRAPH}</p></article></body></html>`;
const bytes = (...parts: (string | Uint8Array)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

let server: TestServer;
beforeAll(async () => {
  const html = 'text/html; charset=utf-8';
  server = await startServer({
    '/news-en': send(200, html, fixture('news-en.html')),
    '/news-ar': send(200, html, fixture('news-ar.html')),
    '/img/photo.png': send(200, 'image/png', PNG_1X1),
    '/img/evil.svg': send(200, 'image/svg+xml', SVG_WITH_SCRIPT),
    '/photos': send(200, html, '<p>photos</p>'),
    '/win1256': send(200, 'text/html; charset=windows-1256', encodeSingleByte(legacyPage(''), 'windows-1256')),
    '/iso88596': send(200, 'text/html', encodeSingleByte(legacyPage('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'), 'iso-8859-6')),
    '/no-content': send(200, html, fixture('no-content.html')),
    '/refresh-only': send(200, html, '<html><head><meta http-equiv="refresh" content="0; url=/news-en"><script>location="/x"</script></head><body></body></html>'),
    '/deep': send(200, html, `<html><body>${'<div>'.repeat(3000)}text${'</div>'.repeat(3000)}</body></html>`),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/moved': redirect('/news-en', 301),
    '/big': send(200, html, bytes('<html><body><p>', 'a'.repeat(300 * 1024), '</p></body></html>')),
    '/pdf': send(200, 'application/pdf', bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')),
    '/image': send(200, 'image/png', PNG_1X1),
    '/pdf-as-html': send(200, 'text/html', bytes('%PDF-1.4\n')),
    '/hang': () => undefined,
    '/plain': send(200, 'text/plain; charset=utf-8', 'A plain text page.\n\nIts second paragraph has more words in it.'),
    '/v1': send(200, html, '<html><head><title>Versioned</title></head><body><article><p>The first text of this page, long enough to be read as an article by the reader view of Daftar.</p></article></body></html>'),
  });
});
afterAll(() => server.close());

function setup(lib: FakeLibrary, options: CapturePartOptions = {}) {
  const logs: string[] = [];
  const ctx = {
    paths: { bundledArchive: '/nonexistent', userArchive: '/nonexistent', dataDir: '/nonexistent' },
    library: lib,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    log: (level: string, message: string) => logs.push(`${level}: ${message}`),
    appVersion: '0.1.0',
    transport: 'http',
    systemLocale: 'en',
  } satisfies ServiceContext;
  // Extraction on this thread keeps the suite fast; the worker is tested in extract-runner.test.ts and the integration tests.
  return { part: createCapturePart(ctx, { limits: { maxPageBytes: 256 * 1024, pageTimeoutMs: 2000 }, extract: inlineExtractor, ...options }), logs };
}

async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('captureSource: pages that give a clean document', () => {
  it('English news page: article kept, chrome and active content gone, photo stored, SVG dropped', async () => {
    const lib = fakeLibrary();
    const { part } = setup(lib);
    const res = await part.captureSource({ url: server.url('/news-en') });
    expect(lib.added).toHaveLength(1);
    const v = lib.added[0]!;
    expectNoActiveContent(v);
    const text = documentText(v.document);
    expect(text).toContain('stopped an army intelligence unit');
    expect(text).toContain('The company said it would keep reviewing');
    for (const chrome of ['Buy the best VPN', 'Celebrity gossip', 'cheap pills', 'Great article', 'Privacy', 'Enter your password']) expect(text).not.toContain(chrome);
    expect(v.document.blocks.some((b) => b.type === 'quote' && blockText(b).includes('not in the business'))).toBe(true);
    expect(v.document.blocks.some((b) => b.type === 'list-item' && b.depth === 1 && blockText(b) === 'office software')).toBe(true);
    const figure = v.document.blocks.find((b) => b.type === 'figure' && b.alt === 'A data centre at night');
    expect(figure).toMatchObject({ src: expect.stringMatching(/^media\/[0-9a-f]{64}\.png$/) });
    expect(v.media).toHaveLength(1);
    expect(Buffer.from(v.media![0]!.bytes).equals(PNG_1X1)).toBe(true);
    expect(res.warnings.join('\n')).toMatch(/image dropped: .*evil\.svg/);
    expect(v.meta).toMatchObject({ title: expect.stringContaining('Cloud company cuts off army unit'), url: server.url('/news-en'), lang: 'en', dir: 'ltr' });
    expect(v.provenance).toMatchObject({ origin: 'captured', capturedAt: '2026-01-02T03:04:05.000Z', originalUrl: server.url('/news-en'), finalUrl: server.url('/news-en'), httpStatus: 200, contentType: 'text/html; charset=utf-8' });
    expect(v.provenance.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(v.raw.bytes).equals(fixture('news-en.html'))).toBe(true);
    expect(v.raw.extension).toBe('html');
    expect(res).toMatchObject({ version: 'v1', reanchored: { anchored: 0, orphaned: 0 } });
    const links = v.document.blocks.flatMap((b) => b.runs.flatMap((r) => r.marks ?? [])).filter((m) => m.type === 'link');
    expect(links).toContainEqual({ type: 'link', href: 'https://example.org/investigation' });
  });

  it('Arabic news page: rtl document, English quote and paragraph marked ltr', async () => {
    const lib = fakeLibrary();
    const { part } = setup(lib);
    await part.captureSource({ url: server.url('/news-ar') });
    const v = lib.added[0]!;
    expectNoActiveContent(v);
    expect(v.document).toMatchObject({ lang: 'ar', dir: 'rtl' });
    const text = documentText(v.document);
    expect(text).toContain('أوقفت استخدام وحدة استخبارات عسكرية');
    for (const chrome of ['اشترك الآن', 'أول تعليق', 'جميع الحقوق', 'الرئيسية']) expect(text).not.toContain(chrome);
    const quote = v.document.blocks.find((b) => b.type === 'quote');
    expect(quote).toMatchObject({ lang: 'en', dir: 'ltr' });
    const english = v.document.blocks.find((b) => blockText(b).startsWith('The company declined'));
    expect(english).toMatchObject({ dir: 'ltr' });
    const mixed = v.document.blocks.find((b) => blockText(b).startsWith('Microsoft قالت'));
    expect(mixed?.dir).toBeUndefined(); // Arabic majority: follows the document
    expect(v.meta.publisher).toBe('الموقع المثال');
  });

  it.each([
    ['/win1256', 'windows-1256 (header)'],
    ['/iso88596', 'ISO-8859-6 (meta http-equiv)'],
  ])('%s: %s decodes to the right Arabic', async (path) => {
    const lib = fakeLibrary();
    const { part } = setup(lib);
    await part.captureSource({ url: server.url(path) });
    const v = lib.added[0]!;
    expect(documentText(v.document)).toContain(ARABIC_PARAGRAPH);
    expect(v.meta.title).toBe('عنوان الصفحة');
    expect(v.document.dir).toBe('rtl');
  });

  it('a redirect is followed and both URLs are recorded', async () => {
    const lib = fakeLibrary();
    const { part } = setup(lib);
    const res = await part.captureSource({ url: server.url('/moved') });
    expect(lib.added[0]!.provenance).toMatchObject({ originalUrl: server.url('/moved'), finalUrl: server.url('/news-en') });
    expect(res.warnings.join()).toMatch(/followed 1 redirect/);
  });

  it('a text/plain page becomes paragraphs', async () => {
    const lib = fakeLibrary();
    const { part } = setup(lib);
    await part.captureSource({ url: server.url('/plain') });
    expect(lib.added[0]!.document.blocks.map(blockText)).toEqual(['A plain text page.', 'Its second paragraph has more words in it.']);
    expect(lib.added[0]!.raw.extension).toBe('txt');
  });
});

describe('captureSource: pages that fail clearly and store nothing', () => {
  // The last column: the reason the ApiError carries for the UI to word (none where the core's sentence is all there is).
  const failing: [string, string, RegExp, { timeoutMs?: number } | undefined, string | undefined][] = [
    ['/no-content', 'unsupported', /has no readable content/, undefined, 'no-readable-text'],
    ['/refresh-only', 'unsupported', /has no readable content .*it sends readers on to http:\/\/127\.0\.0\.1:\d+\/news-en with <meta http-equiv=refresh> — capture that address instead/, undefined, 'no-readable-text'],
    ['/deep', 'too-large', /nests elements about 3000 deep/, undefined, undefined],
    ['/loop-a', 'network', /redirect loop/, undefined, 'redirects'],
    ['/big', 'too-large', /over the limit of 256 kB/, undefined, 'page-too-large'],
    ['/pdf', 'unsupported', /is a PDF \(application\/pdf\)/, undefined, 'not-a-page'],
    ['/image', 'unsupported', /is an image \(image\/png\)/, undefined, 'not-a-page'],
    ['/pdf-as-html', 'unsupported', /text\/html, but its content is a PDF/, undefined, 'not-a-page'],
    ['/hang', 'network', /did not answer within 0.3 s/, { timeoutMs: 300 }, 'timeout'],
    ['/does-not-exist', 'network', /answered HTTP 404/, undefined, 'http-status'],
  ];
  it.each(failing)('%s → %s', async (path, code, message, opts, reason) => {
    const lib = fakeLibrary();
    const { part } = setup(lib, opts?.timeoutMs ? { limits: { pageTimeoutMs: opts.timeoutMs, maxPageBytes: 256 * 1024 } } : {});
    const error = await apiFailure(part.captureSource({ url: server.url(path) }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^capture: /);
    expect(error.message).toMatch(message);
    expect(error.problem?.reason).toBe(reason);
    expect(error.toJSON().problem?.reason, 'the problem crosses the transports with the error').toBe(reason);
    expect(lib.added).toHaveLength(0);
  });

  it.each([
    ['file:///etc/passwd', /uses file:/],
    ['javascript:alert(1)', /uses javascript:/],
    ['data:text/html,<p>x</p>', /uses data:/],
    ['https://user:pw@example.org/', /user name or password/],
    ['example.org', /not a valid absolute URL/],
  ])('bad URL %j → bad-request', async (url, message) => {
    const lib = fakeLibrary();
    const { part } = setup(lib);
    const error = await apiFailure(part.captureSource({ url }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(message);
    expect(lib.added).toHaveLength(0);
  });

  it('an unknown sourceId fails before any request', async () => {
    const lib = fakeLibrary();
    const before = server.requests.length;
    const { part } = setup(lib);
    const error = await apiFailure(part.captureSource({ url: server.url('/news-en'), sourceId: 'nope' }));
    expect(error.code).toBe('not-found');
    expect(server.requests.length).toBe(before);
  });

  it('the article is not a source: a capture cannot replace its text', async () => {
    const lib = fakeLibrary([{ id: 'the-article', kind: 'article' }]);
    const { part } = setup(lib);
    const error = await apiFailure(part.captureSource({ url: server.url('/v1'), sourceId: 'the-article' }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(/"the-article" is the archive's article, not a source/);
    expect(lib.added).toHaveLength(0);
  });

  it('a library failure comes back as an error, with nothing half-done reported as success', async () => {
    const lib = fakeLibrary();
    lib.failNext = new Error('disk full');
    const { part } = setup(lib);
    const error = await apiFailure(part.captureSource({ url: server.url('/v1') }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/disk full/);
  });
});

describe('re-capture', () => {
  it('a second capture of the same source is a new version and its notes are re-anchored', async () => {
    const lib = fakeLibrary([{ id: 'src-a', url: server.url('/v1') }]);
    const calls: [string, string, string][] = [];
    const { part } = setup(lib, {
      reanchor: async (docId, text, hash) => {
        calls.push([docId, text, hash]);
        return { anchored: 3, orphaned: 1 };
      },
    });
    const first = await part.captureSource({ url: server.url('/v1'), sourceId: 'src-a' });
    expect(first).toMatchObject({ version: 'v1', reanchored: { anchored: 0, orphaned: 0 } });
    expect(calls).toHaveLength(0); // nothing to move on a first capture
    // No sourceId: the URL matches the entry, so this is a re-capture, not a duplicate.
    const second = await part.captureSource({ url: server.url('/v1') });
    expect(lib.added[1]!.sourceId).toBe('src-a');
    expect(second).toMatchObject({ version: 'v2', reanchored: { anchored: 3, orphaned: 1 } });
    expect(second.warnings.join()).toMatch(/the bytes are identical to version v1/);
    expect(first.warnings.join()).not.toMatch(/identical/);
    expect(calls).toEqual([['src-a', documentText(lib.added[1]!.document), 'hash-v2']]);
  });

  it('a failing re-anchor keeps the new version and says so', async () => {
    const lib = fakeLibrary([{ id: 'src-b', url: null, versions: [{ version: 'v1', capturedAt: '2025-01-01T00:00:00.000Z', sha256: 'a'.repeat(64), current: true }] }]);
    const { part, logs } = setup(lib, { reanchor: async () => Promise.reject(new Error('store locked')) });
    const res = await part.captureSource({ url: server.url('/v1'), sourceId: 'src-b' });
    expect(res.version).toBe('v2');
    expect(res.warnings.join()).toMatch(/notes could not be moved to it \(store locked\); they stay on version v1/);
    expect(logs.join()).toMatch(/re-anchoring notes of src-b failed/);
  });
});
