import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryProblem } from '../../../src/api/contract';
import { parseQuery } from '../../../src/search/query-parse';
import { problemText } from '../../../renderer/search/problem-text';

describe('query problems in the reader\'s language', () => {
  it('words each problem of the parser in Arabic and English, isolating the values from the query', () => {
    const [problem] = parseQuery('Azure lang:fr').problems;
    expect(problem).toMatchObject({ code: 'bad-lang', params: { value: 'fr' } });
    expect(problemText(problem!, 'ar')).toBe('تقبل lang: القيمتين ar أو en، لا \u2068fr\u2069');
    expect(problemText(problem!, 'en')).toBe('lang: takes ar or en, not \u2068fr\u2069');
  });

  it('falls back to the core\'s English for a code it does not know', () => {
    const future = { code: 'something-new', message: 'search: a newer core says so', start: 0, end: 1 } as unknown as QueryProblem;
    expect(problemText(future, 'ar')).toBe('a newer core says so');
  });

  it('has words for every problem the parser can report (property: any query)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '«', '-', '*', ' ', 'lang:', 'source:', 'x', 'ب', 'ّ', '\u200f', 'ab', 'كلمة') , maxLength: 40 }), (query) => {
        for (const problem of parseQuery(query).problems) {
          for (const lang of ['ar', 'en'] as const) {
            const text = problemText(problem, lang);
            expect(text).not.toMatch(/\{\w+\}/);
            expect(text).not.toMatch(/^search:/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
