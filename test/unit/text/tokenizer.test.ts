import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../../src/text/tokenizer';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    // [input, expected token texts, why]
    ['أعلنت "مايكروسوفت" في الأيام', ['أعلنت', 'مايكروسوفت', 'في', 'الأيام'], 'Latin double quotes stick to nothing'],
    ['سبتمبر/أيلول', ['سبتمبر', 'أيلول'], 'slash separates the two month names'],
    ['أغسطس/آب الماضي', ['أغسطس', 'آب', 'الماضي'], 'slash and space'],
    ['مكالماتهم، وفق', ['مكالماتهم', 'وفق'], 'Arabic comma'],
    ['هل توقف؟ أم', ['هل', 'توقف', 'أم'], 'Arabic question mark'],
    ['قال: «نحن»؛ ثم', ['قال', 'نحن', 'ثم'], 'guillemets and Arabic semicolon'],
    ['الطرفين -أي الجيش', ['الطرفين', 'أي', 'الجيش'], 'hyphen before a word'],
    ['(1/2) pic.twitter.com/ZfEpPvaxtE', ['1', '2', 'pic', 'twitter', 'com', 'ZfEpPvaxtE'], 'brackets, slashes and dots'],
    ['(@NoAz4Apartheid)', ['NoAz4Apartheid'], 'Latin letters and digits stay one word'],
    ['تُسهّل', ['تُسهّل'], 'tashkeel stays inside its word'],
    ['مـــايكروسوفت', ['مـــايكروسوفت'], 'tatweel stays inside its word'],
    ['٢٠٢١م', ['٢٠٢١', 'م'], 'digits and Arabic letters split'],
    ['عام2021', ['عام', '2021'], 'Arabic letters and ASCII digits split'],
    ['Azure؟', ['Azure'], 'Latin word before Arabic punctuation'],
    ['\u200fمرحبا\u200e hello', ['مرحبا', 'hello'], 'bidi marks separate'],
    ['می\u200cخواهم', ['می\u200cخواهم'], 'ZWNJ joins a Persian word'],
    ['ـــ  \u064e  ', [], 'tatweel or marks alone are not tokens'],
    ['😀مرحبا😀', ['مرحبا'], 'emoji separate'],
    ['', [], 'empty string'],
    ['a+b^c~d:e', ['a', 'b', 'c', 'd', 'e'], 'lunr syntax characters separate'],
  ])('%s', (input, expected, why) => {
    expect(texts(input), why).toEqual(expected);
  });

  it('keeps UTF-16 offsets of the original string and numbers tokens in order', () => {
    const source = 'في 𝐀𝐁 «الغارديان»';
    const tokens = tokenize(source);
    expect(tokens.map((t) => [t.start, t.end, t.index])).toEqual([
      [0, 2, 0],
      [3, 7, 1], // two astral letters: 4 code units
      [9, 18, 2],
    ]);
    for (const t of tokens) expect(source.slice(t.start, t.end)).toBe(t.text);
  });

  it('tags scripts', () => {
    expect(tokenize('الوحدة 8200 ٨٢٠٠ Azure Привет NoAz4Apartheid').map((t) => t.script)).toEqual([
      'arabic',
      'digit',
      'digit',
      'latin',
      'other',
      'latin',
    ]);
  });

  describe('properties', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...'مايكروسوفت والضفة ،؛؟«»/ - تُسهّل ٢٠٢١ Azure 8200 ـ\u064e\u200c\u200f"\'().'.split('')), maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );

    it('every token slices back to its text, is non-empty, and tokens never overlap', () => {
      fc.assert(
        fc.property(anyText, (s) => {
          let previousEnd = 0;
          tokenize(s).forEach((t, i) => {
            expect(t.text.length).toBeGreaterThan(0);
            expect(s.slice(t.start, t.end)).toBe(t.text);
            expect(t.start).toBeGreaterThanOrEqual(previousEnd);
            expect(t.index).toBe(i);
            previousEnd = t.end;
          });
        }),
      );
    });

    it('text between tokens holds no letter or digit', () => {
      fc.assert(
        fc.property(anyText, (s) => {
          let cursor = 0;
          let gaps = '';
          for (const t of tokenize(s)) {
            gaps += s.slice(cursor, t.start);
            cursor = t.end;
          }
          gaps += s.slice(cursor);
          expect(/[\p{L}\p{N}]/u.test(gaps.replace(/\u0640/g, ''))).toBe(false);
        }),
      );
    });
  });
});
