import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arabicIndexKeys, stemArabic, stripArabicPrefix } from '../../../src/text/stem-arabic';
import { normalize } from '../../../src/text/normalize';

const stem = (word: string) => stemArabic(normalize(word));

describe('stemArabic', () => {
  // Groups of spellings that must meet at one stem (real words of the seed article).
  it.each([
    [['الضفة', 'والضفة', 'ضفة', 'بالضفة']],
    [['الكامل', 'بالكامل', 'كامل', 'وبالكامل']],
    [['الإسرائيلي', 'الاسرائيلي', 'إسرائيلي', 'الإسرائيلية', 'إسرائيل']],
    [['أزور', 'وأزور', 'ازور']],
    [['التجسس', 'للتجسس', 'تجسس', 'وللتجسس']],
    [['الغارديان', 'غارديان']],
    [['خدمات', 'الخدمات', 'خدماتها']],
    [['مكالمات', 'مكالماتهم']],
    [['السحابية', 'سحابية']],
    [['الله', 'والله', 'بالله', 'لله']],
  ])('%j meet at one stem', (words) => {
    const stems = new Set(words.map(stem));
    expect([...stems], words.join(' ')).toHaveLength(1);
  });

  it.each([
    ['كتاب', 'تاب', 'ك is not stripped from the stem'],
    ['بريد', 'ريد', 'ب is not stripped from the stem'],
    ['الله', 'له', 'the name of God is not the preposition له'],
    ['فلسطين', 'لسطين', 'ف is not a conjunction here'],
  ])('%s and %s stay apart (%s)', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it.each([
    ['ورق', 'ورق', 'و needs 3 letters after it'],
    ['ال', 'ال', 'too short for the article'],
    ['الم', 'الم', 'article needs 2 letters after it'],
    ['فهم', 'فهم', 'هم needs 3 letters before it'],
    ['بها', 'بها', 'ها needs 2 letters before it'],
    ['يد', 'يد', 'two letters stay'],
  ])('keeps short words: %s → %s (%s)', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('strips the article and conjunction but keeps suffixes for prefix queries', () => {
    expect(stripArabicPrefix(normalize('والخدمات'))).toBe('خدمات');
    expect(stripArabicPrefix(normalize('وبالكامل'))).toBe('كامل');
  });

  it('never returns fewer than 2 letters for a word of 2 or more', () => {
    const letters = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويء'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: letters, minLength: 2, maxLength: 12 }), (word) => {
        expect(stemArabic(word).length).toBeGreaterThanOrEqual(2);
        for (const key of arabicIndexKeys(word)) expect(key.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('arabicIndexKeys', () => {
  it.each([
    ['لخدمات', 'خدمات'],
    ['لموظفي', 'موظفي'],
    ['ولموظفي', 'موظفي'],
    ['بفعل', 'فعل'],
    ['كتاب', 'تاب'],
  ])('indexes %s also under the stem of %s', (written, typed) => {
    const keys = arabicIndexKeys(normalize(written));
    expect(keys[0]).toBe(stem(written));
    expect(keys).toContain(stem(typed));
  });

  it('adds no variant when too little would be left', () => {
    expect(arabicIndexKeys(normalize('بلد'))).toEqual([stem('بلد')]);
  });
});
