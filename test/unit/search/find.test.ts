import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findInText, MAX_FIND_MATCHES, prepareFindText } from '../../../src/search/find';
import { normalize } from '../../../src/text';

const TEXT = 'أعلنت "مايكروسوفت" إنهاء التعاون مع الجيش الإسرائيلي.\n\nنحن لا نوفر تكنولوجيا تُسهّل مراقبة المدنيين، في سبتمبر/أيلول ٢٠٢١.\n\nMicrosoft and  Azure';
const find = (query: string, text = TEXT) => findInText(prepareFindText(text), query);
const found = (query: string, text = TEXT) => find(query, text).matches.map(([s, e]) => text.slice(s, e));

describe('findInText', () => {
  it.each([
    ['تسهل', ['تُسهّل']],
    ['الاسرائيلي', ['الإسرائيلي']],
    ['اسرائيل', ['إسرائيل']],
    ['مايكرو', ['مايكرو']],
    ['سبتمبر/ايلول', ['سبتمبر/أيلول']],
    ['2021', ['٢٠٢١']],
    ['azure', ['Azure']],
    ['microsoft and azure', ['Microsoft and  Azure']],
    ['"مايكروسوفت"', ['"مايكروسوفت"']],
    ['ال', ['ال', 'ال', 'ال', 'ال']],
  ])('%s finds %j', (query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it('returns nothing, without a problem, for an empty query or one that matches nothing', () => {
    expect(find('')).toEqual({ matches: [] });
    expect(find('   ')).toEqual({ matches: [] });
    expect(find('غير موجود')).toEqual({ matches: [] });
  });

  it('explains a query made only of marks or invisible characters', () => {
    expect(find('\u064e\u0651').problem?.message).toMatch(/^search: nothing to find/);
    expect(find('\u200f').problem?.message).toMatch(/^search: nothing to find/);
  });

  it('stops at the match cap and says so', () => {
    const text = 'ا '.repeat(MAX_FIND_MATCHES + 10);
    const r = find('ا', text);
    expect(r.matches).toHaveLength(MAX_FIND_MATCHES);
    expect(r.problem?.message).toMatch(/more than 5000 matches/);
  });

  it('property: every match normalises to the query', () => {
    const unit = fc.constantFrom(...'أإآاىيةهؤو ـ\u064e\u0651٢2aA'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.string({ unit, minLength: 1, maxLength: 3 }), (text, query) => {
        const needle = normalize(query).replace(/\s+/g, ' ').trim();
        for (const [s, e] of find(query, text).matches) {
          expect(normalize(text.slice(s, e)).replace(/\s+/g, ' ')).toBe(needle);
        }
      }),
    );
  });
});
