import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daggerAlefVariant, normalize, normalizeWithMap } from '../../../src/text/normalize';

describe('normalize', () => {
  it.each([
    ['تُسهّل', 'تسهل', 'damma and shadda removed'],
    ['مـــايكروسوفت', 'مايكروسوفت', 'tatweel removed'],
    ['أزور', 'ازور', 'alef with hamza above'],
    ['إسرائيل', 'اسراييل', 'alef with hamza below, ئ → ي'],
    ['آب', 'اب', 'alef with madda'],
    ['ٱلْكِتَاب', 'الكتاب', 'alef wasla and sukun'],
    ['مسؤول', 'مسوول', 'ؤ → و'],
    ['على', 'علي', 'alef maqsura → ya'],
    ['الضفة', 'الضفه', 'ta marbuta → ha'],
    ['سماء', 'سماء', 'standalone hamza kept'],
    ['٢٠٢١', '2021', 'Arabic-Indic digits'],
    ['۱۴۰۲', '1402', 'Persian digits'],
    ['کتاب یک', 'كتاب يك', 'Persian keheh and yeh'],
    ['NoAz4Apartheid', 'noaz4apartheid', 'lowercase'],
    ['Café RÉSUMÉ', 'cafe resume', 'Latin accents removed'],
    ['ﻻ', 'لا', 'presentation form (NFKC)'],
    ['ﬁle', 'file', 'Latin ligature (NFKC)'],
    ['Ａｚｕｒｅ', 'azure', 'full-width letters'],
    ['هُدٗى لِّلۡمُتَّقِينَ', 'هدي للمتقين', 'Quranic marks (Uthmani)'],
    ['ا\u0654', 'ا', 'decomposed hamza above'],
    ['\u200fنص\u200e', 'نص', 'bidi marks removed'],
    ['يَدَهُۥ', 'يده', 'small waw (U+06E5, a letter in Unicode) removed'],
    ['فَضۡلِهِۦ', 'فضله', 'small yeh (U+06E6) removed'],
  ])('%s → %s', (input, expected, why) => {
    expect(normalize(input), why).toBe(expected);
  });

  it('agrees with normalizeWithMap', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      expect(normalizeWithMap(s).text).toBe(normalize(s));
    }));
  });
});

describe('normalizeWithMap', () => {
  it('maps a match over a word ending in small waw to the whole word, the small waw included', () => {
    const source = 'وَيَدَهُۥ مَبۡسُوطَةٌ';
    const map = normalizeWithMap(source);
    const [start, end] = map.toOriginalRange(map.text.indexOf('يده'), map.text.indexOf('يده') + 3);
    expect(source.slice(start, end)).toBe('يَدَهُۥ');
  });

  it('maps a match on the normalised text back to the whole original word, trailing marks included', () => {
    const source = 'نحن لا نوفر تكنولوجيا تُسهّل مراقبة المدنيين';
    const map = normalizeWithMap(source);
    const at = map.text.indexOf('تسهل');
    const [start, end] = map.toOriginalRange(at, at + 'تسهل'.length);
    expect(source.slice(start, end)).toBe('تُسهّل');
  });

  it('maps expansions (one original character → several) to the whole original character', () => {
    const source = 'xﻻy';
    const map = normalizeWithMap(source);
    expect(map.text).toBe('xلاy');
    expect(map.toOriginalRange(1, 2)).toEqual([1, 2]);
    expect(map.toOriginalRange(2, 3)).toEqual([1, 2]);
    expect(map.toOriginal(map.text.length)).toBe(source.length);
  });

  it('collapses whitespace on request', () => {
    const map = normalizeWithMap('الجيش \n\t الإسرائيلي', { collapseWhitespace: true });
    expect(map.text).toBe('الجيش الاسراييلي');
    expect(map.toOriginalRange(5, 6)).toEqual([5, 9]);
  });

  it.each([
    [-1, 0],
    [0, 99],
    [3, 2],
    [0.5, 1],
  ])('rejects the out-of-range range [%s, %s) with a clear error', (s, e) => {
    expect(() => normalizeWithMap('abc').toOriginalRange(s, e)).toThrow(/^text: normalised range/);
  });

  describe('properties', () => {
    const arabicish = fc.string({ unit: fc.constantFrom(...'أإآٱاىيةهؤئءو٠١٢ـ\u064b\u064e\u0650\u0651\u0652\u0670\u06d6 Abc\u200c\u200fﻻ'.split('')), maxLength: 50 });
    const anything = fc.oneof(arabicish, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 30 }));

    it('is idempotent', () => {
      fc.assert(fc.property(anything, (s) => {
        expect(normalize(normalize(s))).toBe(normalize(s));
      }), { numRuns: 500 });
    });

    it('maps every normalised range to an ordered original range whose normalisation is that range', () => {
      fc.assert(
        fc.property(anything, fc.nat(), fc.nat(), (s, a, b) => {
          const map = normalizeWithMap(s);
          const n = map.text.length;
          const i = n === 0 ? 0 : a % (n + 1);
          const j = n === 0 ? 0 : i + (b % (n - i + 1));
          const [start, end] = map.toOriginalRange(i, j);
          expect(0 <= start && start <= end && end <= s.length).toBe(true);
          // The original slice normalises to at least the matched text (more only
          // when one original character expanded to several).
          expect(normalize(s.slice(start, end))).toContain(map.text.slice(i, j));
        }),
      );
    });
  });
});

describe('daggerAlefVariant', () => {
  it.each([
    ['ٱلۡكِتَٰبُ', 'الكتاب'],
    ['ٱلصَّلَوٰةَ', 'الصلاه'],
    ['عَلَىٰ', 'علي'],
    ['كتاب', null],
  ])('%s → %s', (input, expected) => {
    expect(daggerAlefVariant(input)).toBe(expected);
  });
});
