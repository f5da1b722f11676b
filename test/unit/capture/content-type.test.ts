import { describe, expect, it } from 'vitest';
import { classifyPage, imageTypeOf } from '../../../src/capture/content-type';
import { CaptureError } from '../../../src/capture/errors';
import { PNG_1X1 } from './helpers/server';

const html = new TextEncoder().encode('<!doctype html><html><body><p>hi</p></body></html>');
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const text = new TextEncoder().encode('Just words.');

describe('classifyPage', () => {
  it.each([
    ['text/html; charset=utf-8', html, 'html'],
    ['application/xhtml+xml', html, 'html'],
    ['text/plain', text, 'text'],
    [null, html, 'html'],
    ['application/octet-stream', html, 'html'],
  ] as const)('%j with matching bytes is %s', (type, bytes, kind) => {
    expect(classifyPage(type, bytes, 'the page')).toBe(kind);
  });

  const refused: [string | null, Uint8Array, RegExp][] = [
    ['application/pdf', pdf, /is a PDF \(application\/pdf\); Daftar captures web pages/],
    ['image/png', PNG_1X1, /is an image \(image\/png\)/],
    ['image/svg+xml', html, /is an image \(image\/svg\+xml\)/],
    ['text/html', pdf, /text\/html, but its content is a PDF/],
    ['text/plain', PNG_1X1, /text\/plain, but its content is an image/],
    [null, pdf, /is a PDF/],
    [null, text, /of no declared type and does not look like HTML/],
    ['application/json', text, /of type application\/json/],
    ['video/mp4', text, /of type video\/mp4/],
  ];
  it.each(refused)('%j refused', (type, bytes, message) => {
    let caught: unknown;
    try {
      classifyPage(type, bytes, 'the page');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CaptureError);
    expect((caught as CaptureError).code).toBe('unsupported');
    expect((caught as CaptureError).message).toMatch(message);
    expect((caught as CaptureError).problem?.reason).toBe('not-a-page');
  });
});

describe('imageTypeOf', () => {
  it('knows raster images by their bytes, not their names', () => {
    expect(imageTypeOf(PNG_1X1)).toEqual({ mime: 'image/png', ext: 'png' });
    expect(imageTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(imageTypeOf(new TextEncoder().encode('GIF89a'))?.ext).toBe('gif');
    expect(imageTypeOf(new TextEncoder().encode('<svg onload="x"/>'))).toBeNull();
    expect(imageTypeOf(new Uint8Array(0))).toBeNull();
  });
});
