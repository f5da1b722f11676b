import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, indexKeys, prefixKey, prefixSurfaces, queryKey } from '../../../src/text/analyze';

/** Does typing `typed` find `written`? The rule search applies. */
const finds = (typed: string, written: string) => indexKeys(written).includes(queryKey(typed));

describe('typed word → written word', () => {
  it.each([
    ['تسهل', 'تُسهّل', 'no diacritics'],
    ['تُسهّل', 'تسهل', 'diacritics in the query'],
    ['الاسرائيلي', 'الإسرائيلي', 'hamza on alef'],
    ['اسرائيل', 'الإسرائيلي', 'article and nisba'],
    ['غارديان', 'الغارديان', 'article'],
    ['الغارديان', 'غارديان', 'article in the query'],
    ['أزور', 'وأزور', 'conjunction'],
    ['ازور', 'أزور', 'bare alef'],
    ['تجسس', 'للتجسس', 'لل'],
    ['الضفه', 'والضفة', 'ta marbuta typed as ha'],
    ['كامل', 'بالكامل', 'بال'],
    ['خدمات', 'لخدمات', 'single-letter proclitic'],
    ['2021', '٢٠٢١', 'Arabic-Indic digits'],
    ['٢٠٢١', '2021', 'Latin digits in the text'],
    ['۸۲۰۰', '8200', 'Persian digits'],
    ['azure', 'Azure', 'case'],
    ['apartheid', 'Apartheid', 'case'],
    ['noaz4apartheid', 'NoAz4Apartheid', 'mixed letters and digits'],
    ['reports', 'reported', 'English stemming'],
    ['مكالمات', 'مكالماتهم', 'attached pronoun'],
    ['الكتاب', 'ٱلۡكِتَٰبُ', 'Uthmani dagger alef'],
    ['الصلاة', 'ٱلصَّلَوٰةَ', 'Uthmani waw with dagger alef'],
    ['ذلك', 'ذَٰلِكَ', 'dagger alef dropped'],
    ['على', 'عَلَىٰ', 'alef maqsura with dagger'],
  ])('%s finds %s (%s)', (typed, written) => {
    expect(finds(typed, written)).toBe(true);
  });

  it.each([
    ['كتاب', 'تاب'],
    ['بريد', 'ريد'],
    ['له', 'الله'],
    ['azure', 'أزور'],
    ['2021', '2020'],
  ])('%s does not find %s', (typed, written) => {
    expect(finds(typed, written)).toBe(false);
  });
});

describe('prefix queries', () => {
  it.each([
    ['مايكرو', 'مايكروسوفت'],
    ['الاسرا', 'الإسرائيلي'],
    ['خدما', 'لخدمات'],
    ['apart', 'Apartheid'],
  ])('%s* finds %s', (typed, written) => {
    expect(prefixSurfaces(written).some((s) => s.startsWith(prefixKey(typed)))).toBe(true);
  });
});

describe('analyze', () => {
  it('keeps original offsets and consecutive indexes, dropping nothing that has letters', () => {
    const text = 'يذكر أن تعاون مايكروسوفت بدأ مع الوحدة 8200 في عام 2021، ولكن';
    const tokens = analyze(text);
    expect(tokens.map((t) => t.text)).toEqual(['يذكر', 'أن', 'تعاون', 'مايكروسوفت', 'بدأ', 'مع', 'الوحدة', '8200', 'في', 'عام', '2021', 'ولكن']);
    tokens.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.keys.length).toBeGreaterThan(0);
    });
  });

  it('property: a word always finds itself, with or without its diacritics', () => {
    const letters = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ'.split(''));
    const marks = fc.constantFrom('', '\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b');
    const word = fc.array(fc.tuple(letters, marks), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(word, (parts) => {
        const bare = parts.map(([l]) => l).join('');
        const marked = parts.map(([l, m]) => l + m).join('');
        expect(finds(bare, bare)).toBe(true);
        expect(finds(bare, marked)).toBe(true);
        expect(finds(marked, bare)).toBe(true);
      }),
    );
  });
});
