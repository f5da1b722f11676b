/**
 * Extraction in a worker thread: the same result as on the calling thread,
 * CaptureErrors cross back with their code, and a page that takes too long is
 * stopped at the time limit. Plus the shape guard that refuses pages whose
 * nesting or size would make jsdom and Readability run for minutes.
 */
import { describe, expect, it } from 'vitest';
import { CaptureError } from '../../../src/capture/errors';
import { inlineExtractor, workerEntry, workerExtractor } from '../../../src/capture/extract-runner';
import { extractHtml } from '../../../src/capture/extract';
import { checkHtmlShape, measureHtml } from '../../../src/capture/shape-guard';
import { fixture } from './helpers/server';

const entry = workerEntry(`${__dirname}/../../../src/capture`)!;

describe('workerExtractor', () => {
  // Worker start-up (tsx, jsdom) takes seconds on a busy machine: a wider limit than the suite default.
  it('finds the worker source and gives the same document as inline extraction', { timeout: 60_000 }, async () => {
    expect(entry.file).toMatch(/worker\.ts$/);
    const html = fixture('news-ar.html').toString('utf8');
    const options = { url: 'https://example.org/a', where: 'news-ar' };
    const [inWorker, inline] = await Promise.all([workerExtractor(entry)(html, options), inlineExtractor(html, options)]);
    expect(inWorker).toEqual(inline);
  });

  it('passes a CaptureError back with its code', { timeout: 60_000 }, async () => {
    const error = await workerExtractor(entry)(fixture('no-content.html').toString('utf8'), { where: 'empty page' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).code).toBe('unsupported');
    expect((error as CaptureError).message).toMatch(/empty page has no readable content/);
    expect((error as CaptureError).problem, 'the reason survives the worker boundary').toEqual({ reason: 'no-readable-text', params: {} });
  });

  it('stops a worker that runs past the time limit', async () => {
    const html = `<html><body>${'<div><p>Words of a paragraph in a page that is large. </p>'.repeat(3000)}${'</div>'.repeat(3000)}</body></html>`;
    const started = Date.now();
    const error = await workerExtractor(entry, 50)(html, { where: 'slow page' }).catch((e: unknown) => e);
    expect((error as CaptureError).code).toBe('too-large');
    expect((error as CaptureError).message).toMatch(/slow page took longer than 0.05 s to read; stopped/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('shape guard', () => {
  it('measures depth and elements, ignoring void tags, optional end tags, comments and scripts', () => {
    expect(measureHtml('<div><section><p>a<p>b<br><img src=x></section></div>')).toEqual({ elements: 6, depth: 2 });
    expect(measureHtml('<div><!-- <div><div><div> --><script>"<div><div>"</script></div>')).toEqual({ elements: 2, depth: 1 });
    expect(measureHtml('<ul>' + '<li>item'.repeat(1000) + '</ul>').depth).toBe(1);
  });

  it.each([
    ['2000 nested divs', '<div>'.repeat(2000) + 'x' + '</div>'.repeat(2000), /nests elements about 2000 deep \(the limit is 400\)/],
    ['60000 paragraphs', '<p>x</p>'.repeat(60_000), /has about 6000\d elements \(the limit is 40000\)/],
  ])('%s is refused before any DOM is built', (_name, body, message) => {
    const started = Date.now();
    const html = `<html><body>${body}</body></html>`;
    expect(() => checkHtmlShape(html, 'hostile')).toThrow(message);
    let caught: unknown;
    try {
      extractHtml(html, { where: 'hostile' });
    } catch (e) {
      caught = e;
    }
    expect((caught as CaptureError).code).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('real fixture pages pass', () => {
    for (const name of ['news-en.html', 'news-ar.html']) expect(checkHtmlShape(fixture(name).toString('utf8'), name).depth).toBeLessThan(20);
  });
});
