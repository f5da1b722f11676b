/**
 * importFile over a fake library: file names (path traversal refused before
 * the content is read), kinds (.html/.htm with inlined data: images, .txt in
 * the seed's format or plain, .md), limits, and content that lies about its
 * kind. Nothing is stored on failure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../src/api/context';
import { ApiError } from '../../../src/api/errors';
import { inlineExtractor } from '../../../src/capture/extract-runner';
import { createCapturePart } from '../../../src/api/parts/capture';
import { blockText } from '../../../src/document/types';
import { documentText } from '../../../src/document/text';
import { expectNoActiveContent } from './helpers/active';
import { fakeLibrary, type FakeLibrary } from './helpers/fake-library';
import { encodeSingleByte, fixture, PNG_1X1 } from './helpers/server';

const SEED = join(__dirname, '..', '..', '..', 'seed', '000_808dcebf4dabc6b5.txt');
const b64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

function setup(lib: FakeLibrary = fakeLibrary(), maxPageBytes?: number) {
  const ctx = {
    paths: { bundledArchive: '/nonexistent', userArchive: '/nonexistent', dataDir: '/nonexistent' },
    library: lib,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    log: () => undefined,
    appVersion: '0.1.0',
    transport: 'http',
    systemLocale: 'en',
  } satisfies ServiceContext;
  return { lib, part: createCapturePart(ctx, { extract: inlineExtractor, fetchImpl: () => Promise.reject(new Error('import must not fetch')), ...(maxPageBytes ? { limits: { maxPageBytes } } : {}) }) };
}

async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the import to fail');
}

describe('importFile: file names', () => {
  const bad: [string, string, RegExp][] = [
    ['../../x.html', 'bad-request', /is a path; give the file's base name only/],
    ['a/b.html', 'bad-request', /is a path/],
    ['C:\\x.html', 'bad-request', /is a path/],
    ['C:x.html', 'bad-request', /is a path/],
    ['..\\..\\windows\\x.html', 'bad-request', /is a path/],
    ['/etc/passwd', 'bad-request', /is a path/],
    ['x.html\0.txt', 'bad-request', /contains a NUL character/],
    ['line\nbreak.html', 'bad-request', /contains a control character/],
    ['..', 'bad-request', /is not a file name/],
    [' x.html', 'bad-request', /starts or ends with a space/],
    ['report.pdf', 'unsupported', /is a PDF; Daftar imports .html, .htm, .txt and .md files/],
    ['photo.png', 'unsupported', /is a .png file/],
    ['README', 'unsupported', /a file with no extension/],
    ['', 'bad-request', /the file name is empty/],
    [`${'a'.repeat(300)}.html`, 'bad-request', /longer than 255 characters/],
  ];
  it.each(bad)('%j → %s', async (fileName, code, message) => {
    const { lib, part } = setup();
    const error = await apiFailure(part.importFile({ fileName, contentBase64: b64('<p>hello</p>') }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^capture: import: /);
    expect(error.message).toMatch(message);
    expect(lib.added).toHaveLength(0);
  });
});

describe('importFile: content', () => {
  it('a saved news page imports like a capture, with no network access', async () => {
    const { lib, part } = setup();
    const res = await part.importFile({ fileName: 'news-en.html', contentBase64: b64(fixture('news-en.html')) });
    const v = lib.added[0]!;
    expectNoActiveContent(v);
    expect(documentText(v.document)).toContain('stopped an army intelligence unit');
    expect(v.provenance).toMatchObject({ origin: 'imported', fileName: 'news-en.html', contentType: 'text/html; charset=utf-8', capturedAt: '2026-01-02T03:04:05.000Z' });
    expect(v.provenance).not.toHaveProperty('originalUrl');
    expect(v.meta.url).toBeNull();
    // Relative images of a saved page cannot be resolved and remote ones are never fetched: alt text stays.
    expect(v.media).toEqual([]);
    expect(v.document.blocks.find((b) => b.type === 'figure' && b.alt === 'A data centre at night')).not.toHaveProperty('src');
    expect(res.reanchored).toEqual({ anchored: 0, orphaned: 0 });
  });

  it('a page saved by a browser: its declared address resolves relative links and becomes the source URL, never fetched', async () => {
    const saved = `<!DOCTYPE html>\n<!-- saved from url=(0042)https://news.example/world/2025/story.html -->\n${fixture('news-en.html').toString('utf8')}`;
    const { lib, part } = setup();
    const res = await part.importFile({ fileName: 'story.html', contentBase64: b64(saved) });
    const v = lib.added[0]!;
    expect(v.meta.url).toBe('https://news.example/world/2025/story.html');
    const hrefs = v.document.blocks.flatMap((b) => b.runs.flatMap((r) => r.marks ?? [])).flatMap((m) => (m.type === 'link' ? [m.href] : []));
    expect(hrefs).toContain('https://news.example/photos');
    expect(res.warnings.join('\n')).toMatch(/image dropped: image https:\/\/news\.example\/img\/photo\.png is on the network and imports never fetch/);
    expect(v.provenance).not.toHaveProperty('originalUrl');
  });

  it.each([
    ['<link rel="canonical" href="https://canon.example/a">', 'https://canon.example/a'],
    ['<meta property="og:url" content="https://og.example/b">', 'https://og.example/b'],
    ['<link rel="canonical" href="javascript:alert(1)">', null],
  ])('declared URL from %s', async (head, url) => {
    const { lib, part } = setup();
    await part.importFile({ fileName: 'p.html', contentBase64: b64(`<html><head>${head}<title>T</title></head><body><article><p>${'Readable words in a paragraph. '.repeat(12)}</p></article></body></html>`) });
    expect(lib.added[0]!.meta.url).toBe(url);
  });

  it('a single-file page keeps its inlined raster image as media, never as a data: URL', async () => {
    const page = `<html><head><title>Single file</title><style>p{background:url(data:image/png;base64,${PNG_1X1.toString('base64')})}</style></head><body><article>
      <p>${'This saved page carries its images inside the file itself, as data URLs. '.repeat(4)}</p>
      <figure><img src="data:image/png;base64,${PNG_1X1.toString('base64')}" alt="Inlined"><figcaption>An inlined picture</figcaption></figure>
      <img src="data:image/svg+xml;base64,${b64('<svg onload="alert(1)"/>')}" alt="Inlined SVG">
      <img src="data:text/html;base64,${b64('<script>alert(1)</script>')}" alt="Not an image">
      <p>${'A second paragraph of the saved page, long enough for the reader view. '.repeat(3)}</p></article></body></html>`;
    const { lib, part } = setup();
    await part.importFile({ fileName: 'single.htm', contentBase64: b64(page) });
    const v = lib.added[0]!;
    expectNoActiveContent(v);
    const figures = v.document.blocks.filter((b) => b.type === 'figure');
    expect(figures.find((f) => f.alt === 'Inlined')).toMatchObject({ src: expect.stringMatching(/^media\/[0-9a-f]{64}\.png$/) });
    expect(figures.find((f) => f.alt === 'Inlined SVG')).not.toHaveProperty('src');
    expect(v.media).toHaveLength(1);
    expect(Buffer.from(v.media![0]!.bytes).equals(PNG_1X1)).toBe(true);
  });

  it('a .txt in the seed format reads like the bundled article (headings, embed, ad markers dropped)', async () => {
    const seed = readFileSync(SEED);
    const { lib, part } = setup();
    await part.importFile({ fileName: '000_808dcebf4dabc6b5.txt', contentBase64: b64(seed), sourceId: undefined });
    const v = lib.added[0]!;
    expect(v.document).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(v.document.blocks.some((b) => b.type === 'heading' && blockText(b) === 'تفاصيل إضافية خفية')).toBe(true);
    expect(v.document.blocks.some((b) => b.type === 'embed')).toBe(true);
    expect(v.document.blocks.some((b) => blockText(b) === 'إعلان')).toBe(false);
    expect(v.meta.published).toBe('2025-09-28');
    expect(v.raw.extension).toBe('txt');
  });

  it('a UTF-16 text file with a byte-order mark (Notepad "Unicode") imports', async () => {
    const { lib, part } = setup();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('نص عربي في ملف.\n\nSecond paragraph.', 'utf16le')]);
    await part.importFile({ fileName: 'unicode.txt', contentBase64: b64(utf16) });
    expect(lib.added[0]!.document.blocks.map(blockText)).toEqual(['نص عربي في ملف.', 'Second paragraph.']);
  });

  it('a date line that is not a calendar date is not the seed format: plain text', async () => {
    const { lib, part } = setup();
    await part.importFile({ fileName: 'x.txt', contentBase64: b64(' date 2025-02-30 some text here') });
    expect(lib.added[0]!.document.blocks.map(blockText)).toEqual(['date 2025-02-30 some text here']);
  });

  it('a plain .txt becomes paragraphs, each with its own direction', async () => {
    const { lib, part } = setup();
    await part.importFile({ fileName: 'notes.txt', contentBase64: b64('Title line\n\nFirst paragraph\nwrapped here.\n\n\nنص عربي.') });
    expect(lib.added[0]!.document.blocks.map(blockText)).toEqual(['Title line', 'First paragraph wrapped here.', 'نص عربي.']);
    expect(lib.added[0]!.document.blocks[2]).toMatchObject({ dir: 'rtl' });
    expect(lib.added[0]!.meta.title).toBe('Title line');
  });

  it('a Markdown file: structure kept, raw HTML and script links removed, inlined image stored', async () => {
    const { lib, part } = setup();
    await part.importFile({ fileName: 'article.md', contentBase64: b64(fixture('article.md')) });
    const v = lib.added[0]!;
    expectNoActiveContent(v);
    expect(v.meta.title).toBe('Notes on the cloud contract');
    expect(v.document.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'quote', 'list-item', 'list-item', 'list-item', 'list-item', 'figure', 'paragraph']);
    expect(v.document.blocks[7]).toMatchObject({ alt: 'a tiny image', src: expect.stringMatching(/^media\//) });
    expect(v.document.blocks[8]).toMatchObject({ dir: 'rtl' });
    expect(v.raw.extension).toBe('md');
  });

  // The last column: the reason the UI words in the reader's language.
  const refused: [string, string | Uint8Array, string, RegExp, string][] = [
    ['fake.html', '%PDF-1.7\n1 0 obj', 'unsupported', /text\/html, but its content is a PDF/, 'not-a-page'],
    ['fake.txt', PNG_1X1, 'unsupported', /text\/plain, but its content is an image/, 'not-a-page'],
    ['binary.txt', new Uint8Array([1, 2, 0, 3, 4]), 'unsupported', /content is binary/, 'not-a-page'],
    ['utf16.txt', new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0]), 'unsupported', /binary|NUL bytes/, 'not-a-page'],
    ['nul.md', 'Some text\0with a NUL', 'unsupported', /content is binary/, 'not-a-page'],
    ['empty.html', '', 'bad-request', /is empty/, 'empty-file'],
    ['shell.html', fixture('no-content.html'), 'unsupported', /has no readable content/, 'no-readable-text'],
    ['blank.md', '\n\n   \n<script>alert(1)</script>\n', 'unsupported', /has no readable text/, 'no-readable-text'],
    ['blank.txt', '\n\n  \n', 'unsupported', /has no readable text/, 'no-readable-text'],
  ];
  it.each(refused)('%s → %s', async (fileName, content, code, message, reason) => {
    const { lib, part } = setup();
    const error = await apiFailure(part.importFile({ fileName, contentBase64: b64(content) }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.problem?.reason).toBe(reason);
    expect(lib.added).toHaveLength(0);
  });

  it('refuses a file over the size limit and content that is not base64', async () => {
    const { lib, part } = setup(fakeLibrary(), 1024);
    const big = await apiFailure(part.importFile({ fileName: 'big.html', contentBase64: b64(`<p>${'a'.repeat(2000)}</p>`) }));
    expect(big.code).toBe('too-large');
    expect(big.message).toMatch(/big\.html is 2 kB, over the limit of 1 kB/);
    expect(big.problem).toEqual({ reason: 'file-too-large', params: { limit: '1 kB' } });
    const notB64 = await apiFailure(part.importFile({ fileName: 'x.html', contentBase64: '<p>not base64</p>' }));
    expect(notB64.code).toBe('bad-request');
    expect(notB64.message).toMatch(/not base64/);
    expect(lib.added).toHaveLength(0);
  });

  it('an ISO-8859-6 saved page declaring its charset in <meta> decodes right', async () => {
    const html = '<html><head><meta charset="iso-8859-6"><title>صفحة</title></head><body><article><p>' + 'أعلنت الشركة أنها أوقفت استخدام الوحدة لخدماتها السحابية بعد التحقيق. '.repeat(4) + '</p></article></body></html>';
    const { lib, part } = setup();
    await part.importFile({ fileName: 'saved.html', contentBase64: b64(encodeSingleByte(html, 'iso-8859-6')) });
    expect(documentText(lib.added[0]!.document)).toContain('أعلنت الشركة أنها أوقفت');
    expect(lib.added[0]!.provenance.contentType).toBe('text/html; charset=iso-8859-6');
  });

  it('attaches to an existing source when asked, and refuses an unknown one', async () => {
    const { lib, part } = setup(fakeLibrary([{ id: 'guardian' }]));
    await part.importFile({ fileName: 'g.md', contentBase64: b64('# G\n\nText of the source.'), sourceId: 'guardian' });
    expect(lib.added[0]!.sourceId).toBe('guardian');
    const error = await apiFailure(part.importFile({ fileName: 'g.md', contentBase64: b64('# G\n\nText.'), sourceId: 'missing' }));
    expect(error.code).toBe('not-found');
    expect(lib.added).toHaveLength(1);
  });
});
