import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, decodeBytes } from '../../../src/capture/charset';
import { encodeSingleByte } from './helpers/server';

const ARABIC = 'هل أوقفت مايكروسوفت حقا تعاونها مع الجيش؟';
const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe('charset detection', () => {
  it.each([
    ['text/html; charset=windows-1256', 'windows-1256'],
    ['text/html;charset="ISO-8859-6"', 'ISO-8859-6'],
    ['text/html; Charset = utf-8 ; foo=bar', 'utf-8'],
    ['text/html', null],
    [null, null],
  ])('charset of Content-Type %j is %j', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });

  it.each([
    ['<meta charset="windows-1256">', 'windows-1256'],
    ["<meta charset='iso-8859-6'/>", 'iso-8859-6'],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1256">', 'windows-1256'],
    ['<meta content="text/html; charset=iso-8859-6" http-equiv="content-type">', 'iso-8859-6'],
    ['<meta name="description" content="charset=nothing">', null],
    ['<p>no meta</p>', null],
  ])('meta %j declares %j', (html, expected) => {
    expect(charsetFromMeta(ascii(`<!doctype html><html><head>${html}</head>`))).toBe(expected);
  });

  it('decodes a windows-1256 page declared in the header', () => {
    const bytes = concat(ascii('<p>'), encodeSingleByte(ARABIC, 'windows-1256'), ascii('</p>'));
    const decoded = decodeBytes(bytes, 'text/html; charset=windows-1256');
    expect(decoded).toMatchObject({ text: `<p>${ARABIC}</p>`, encoding: 'windows-1256', from: 'header' });
  });

  it('decodes an ISO-8859-6 page declared only in a <meta http-equiv>', () => {
    const bytes = concat(ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6"></head><body><p>'), encodeSingleByte(ARABIC, 'iso-8859-6'), ascii('</p>'));
    const decoded = decodeBytes(bytes, 'text/html');
    expect(decoded.encoding).toBe('iso-8859-6');
    expect(decoded.from).toBe('meta');
    expect(decoded.text).toContain(ARABIC);
  });

  it('the header wins over the meta; a BOM wins over both', () => {
    const body = concat(ascii('<meta charset="iso-8859-6"><p>'), encodeSingleByte(ARABIC, 'windows-1256'));
    expect(decodeBytes(body, 'text/html; charset=windows-1256').text).toContain(ARABIC);
    const bom = concat(new Uint8Array([0xef, 0xbb, 0xbf]), ascii('<meta charset="windows-1256">'), new TextEncoder().encode(ARABIC));
    expect(decodeBytes(bom, 'text/html; charset=windows-1256')).toMatchObject({ from: 'bom', encoding: 'utf-8' });
    expect(decodeBytes(bom, 'text/html; charset=windows-1256').text).toContain(ARABIC);
  });

  it('an unknown label is ignored with a warning, then UTF-8 is tried', () => {
    const decoded = decodeBytes(new TextEncoder().encode(ARABIC), 'text/html; charset=klingon-8');
    expect(decoded.text).toBe(ARABIC);
    expect(decoded.warnings.join()).toMatch(/unknown character encoding "klingon-8"/);
  });

  it('undeclared bytes that are not UTF-8 are read as windows-1252 with a warning', () => {
    const decoded = decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), null);
    expect(decoded.text).toBe('café');
    expect(decoded.from).toBe('default');
    expect(decoded.warnings).toHaveLength(1);
  });

  it('a <meta> inside a text file means nothing when sniffing is off', () => {
    const bytes = concat(ascii('<meta charset="iso-8859-6"> '), new TextEncoder().encode(ARABIC));
    expect(decodeBytes(bytes, null, false).text).toContain(ARABIC);
  });

  it('round-trips any Arabic text through windows-1256 and ISO-8859-6 (property)', () => {
    // Letters common to both code pages: the basic Arabic alphabet, space and Arabic comma.
    const letters = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي ،';
    const text = fc.string({ unit: fc.constantFrom(...letters), maxLength: 200 });
    fc.assert(
      fc.property(text, fc.constantFrom<'windows-1256' | 'iso-8859-6'>('windows-1256', 'iso-8859-6'), (s, enc) => {
        return decodeBytes(encodeSingleByte(s, enc), `text/html; charset=${enc}`).text === s;
      }),
    );
  });
});
