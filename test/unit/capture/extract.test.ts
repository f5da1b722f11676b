/**
 * extract.ts on small pages written for each rule: the title becomes the
 * first heading once, the document's language and direction come from the
 * page or from its letters, a page Readability cannot read falls back to its
 * body, and metadata (author, site, date) is read when the page states it.
 */
import { describe, expect, it } from 'vitest';
import { CaptureError } from '../../../src/capture/errors';
import { extractHtml } from '../../../src/capture/extract';
import { blockText } from '../../../src/document/types';

const words = (n: number, w = 'Words of an ordinary paragraph in the article. ') => w.repeat(n);

describe('extractHtml', () => {
  it('puts the title first as a heading, without repeating a heading that already says it', () => {
    const once = extractHtml(`<html><head><title>Story title</title></head><body><article><h1>Story title</h1><p>${words(10)}</p></article></body></html>`, { where: 'x' });
    expect(once.document.blocks.filter((b) => blockText(b) === 'Story title')).toHaveLength(1);
    expect(once.document.blocks[0]).toMatchObject({ type: 'heading', level: 1, id: 'b0' });
    expect(once.document.blocks.map((b) => b.id)).toEqual(once.document.blocks.map((_, i) => `b${i}`));
  });

  it.each([
    ['<html lang="ar" dir="rtl">', words(8, 'كلمات فقرة عادية في المقال. '), 'ar', 'rtl'],
    ['<html lang="en_GB">', words(8), 'en-GB', 'ltr'],
    ['<html>', words(8, 'كلمات فقرة عادية في المقال. '), 'ar', 'rtl'],
    ['<html>', words(8), 'und', 'ltr'],
    ['<html lang="!!" dir="sideways">', words(8), 'und', 'ltr'],
  ])('%s with its text → lang %s, dir %s', (open, text, lang, dir) => {
    const out = extractHtml(`${open}<head><title>T</title></head><body><article><p>${text}</p><p>${text}</p></article></body></html>`, { where: 'x' });
    expect(out.document).toMatchObject({ lang, dir });
  });

  it('reads author, site name and date when the page states them', () => {
    const out = extractHtml(
      `<html><head><title>T</title><meta name="author" content="A. Writer"><meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-09-25T23:30:00-02:00"></head><body><article><p>${words(10)}</p></article></body></html>`,
      { where: 'x' },
    );
    expect(out).toMatchObject({ author: 'A. Writer', publisher: 'Example News', published: '2025-09-26' });
  });

  it('keeps the text of a short page Readability does not take as an article', () => {
    const out = extractHtml('<html><body><div>A short note of twenty or more letters here.</div></body></html>', { where: 'short', fallbackTitle: 'short note' });
    expect(out.document.blocks.map(blockText)).toContain('A short note of twenty or more letters here.');
    expect(out.title).toBe('short note');
  });

  it('an empty or letterless page is an error naming the page', () => {
    for (const html of ['', '<html><body>   </body></html>', '<p>12345 — 678</p>', '<script>document.write("lots of text")</script>']) {
      expect(() => extractHtml(html, { where: 'page.html' }), html).toThrow(CaptureError);
      expect(() => extractHtml(html, { where: 'page.html' }), html).toThrow(/page\.html has no readable content/);
    }
  });
});
