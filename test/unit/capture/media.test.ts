import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDataImage, resolveImages } from '../../../src/capture/media';
import { withLimits } from '../../../src/capture/limits';
import type { Block } from '../../../src/document/types';
import { PNG_1X1, send, startServer, type TestServer } from './helpers/server';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]);
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/a.png': send(200, 'image/png', PNG_1X1),
    '/same.png': send(200, 'image/png', PNG_1X1),
    '/b.jpg': send(200, 'image/jpeg', JPEG),
    '/c.jpg': send(200, 'image/jpeg', Buffer.concat([JPEG, Buffer.from([1])])),
    '/html.png': send(200, 'text/html', '<script>alert(1)</script>'),
    '/lying.png': send(200, 'image/png', '<svg onload="alert(1)"/>'),
    '/svg': send(200, 'image/svg+xml', '<svg onload="alert(1)"/>'),
    '/hang.png': () => undefined,
  });
});
afterAll(() => server.close());

function figures(n: number): Block[] {
  return Array.from({ length: n }, (_, i) => ({ id: `b${i}`, type: 'figure' as const, alt: `image ${i}`, runs: [] }));
}

describe('resolveImages', () => {
  it('stores raster images by content hash, once each, and points figures at them', async () => {
    const paths = ['/a.png', '/same.png', '/b.jpg'];
    const res = await resolveImages(figures(3), paths.map((p, i) => ({ blockIndex: i, url: server.url(p) })), { limits: withLimits(), fetchImpl: fetch });
    expect(res.warnings).toEqual([]);
    expect(res.media.map((m) => m.name)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.png$/), expect.stringMatching(/^[0-9a-f]{64}\.jpg$/)]);
    expect(res.blocks.map((b) => (b as { src?: string }).src)).toEqual([`media/${res.media[0]!.name}`, `media/${res.media[0]!.name}`, `media/${res.media[1]!.name}`]);
  });

  const dropped: [string, RegExp][] = [
    ['/html.png', /served as text\/html, not an image/],
    ['/lying.png', /is not a PNG, JPEG, GIF, WebP or AVIF image/],
    ['/svg', /is not a PNG, JPEG, GIF, WebP or AVIF image \(SVG/],
    ['/missing.png', /answered HTTP 404/],
  ];
  it.each(dropped)('%s is dropped with a reason; the figure keeps its alt', async (path, reason) => {
    const res = await resolveImages(figures(1), [{ blockIndex: 0, url: server.url(path) }], { limits: withLimits(), fetchImpl: fetch });
    expect(res.media).toEqual([]);
    expect(res.blocks[0]).not.toHaveProperty('src');
    expect(res.blocks[0]).toMatchObject({ alt: 'image 0' });
    expect(res.warnings).toHaveLength(1);
    expect(res.warnings[0]).toMatch(/^capture: image dropped: /);
    expect(res.warnings[0]).toMatch(reason);
  });

  it('a hanging image server costs at most the image time limit', async () => {
    const res = await resolveImages(figures(1), [{ blockIndex: 0, url: server.url('/hang.png') }], { limits: withLimits({ imageTimeoutMs: 200 }), fetchImpl: fetch });
    expect(res.warnings[0]).toMatch(/did not answer within 0.2 s/);
  });

  it('stops at the page budget and at the image count', async () => {
    const budget = await resolveImages(figures(3), ['/b.jpg', '/c.jpg', '/a.png'].map((p, i) => ({ blockIndex: i, url: server.url(p) })), {
      limits: withLimits({ imageBudgetBytes: 4000 }),
      fetchImpl: fetch,
    });
    // b.jpg (3004 bytes) fits; c.jpg would pass the 996 bytes left; a.png (70 bytes) still fits.
    expect(budget.blocks.map((b) => 'src' in b)).toEqual([true, false, true]);
    expect(budget.warnings.join()).toMatch(/over the limit of 996 bytes/);
    const count = await resolveImages(figures(3), ['/a.png', '/b.jpg', '/c.jpg'].map((p, i) => ({ blockIndex: i, url: server.url(p) })), { limits: withLimits({ maxImages: 2 }), fetchImpl: fetch });
    expect(count.blocks.map((b) => 'src' in b)).toEqual([true, true, false]);
    expect(count.warnings.join()).toMatch(/at most 2 images are fetched per page/);
  });

  it('never fetches for an import (no fetchImpl), but stores data: images', async () => {
    const res = await resolveImages(figures(2), [
      { blockIndex: 0, url: server.url('/a.png') },
      { blockIndex: 1, url: `data:image/png;base64,${PNG_1X1.toString('base64')}` },
    ], { limits: withLimits() });
    expect(res.warnings.join()).toMatch(/on the network and imports never fetch/);
    expect(res.blocks.map((b) => 'src' in b)).toEqual([false, true]);
  });

  it('removes a figure left with nothing to show and renumbers the blocks', async () => {
    const blocks: Block[] = [
      { id: 'b0', type: 'paragraph', runs: [{ text: 'before' }] },
      { id: 'b1', type: 'figure', alt: '', runs: [] },
      { id: 'b2', type: 'paragraph', runs: [{ text: 'after' }] },
    ];
    const res = await resolveImages(blocks, [{ blockIndex: 1, url: server.url('/svg') }], { limits: withLimits(), fetchImpl: fetch });
    expect(res.blocks.map((b) => [b.id, b.type])).toEqual([['b0', 'paragraph'], ['b1', 'paragraph']]);
  });
});

describe('decodeDataImage', () => {
  it.each([
    [`data:image/png;base64,${PNG_1X1.toString('base64')}`, PNG_1X1.length],
    ['data:image/png;base64,!!!!', null],
    ['data:image/png,rawbytes', null],
    ['data:text/html;base64,PHA+', null],
  ])('%s', (url, length) => {
    const out = decodeDataImage(url);
    expect(out === null ? null : out.length).toBe(length);
  });
});
