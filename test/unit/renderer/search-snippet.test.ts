import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../renderer/search/snippet';

const ARTICLE =
  'قالت صحيفة الغارديان في تقريرها إن الجيش الإسرائيلي استخدم نظام Azure السحابي لتخزين المكالمات، بحسب وثائق مسربة نشرت في أيلول/سبتمبر ٢٠٢٤. ' +
  'وأضاف التقرير أن الشركة لم تكن تعلم بطبيعة البيانات المخزنة على خوادمها في هولندا وإيرلندا، وهو ما نفته مصادر داخلية تحدثت إلى الصحيفة لاحقا.';

describe('makeSnippet', () => {
  it('keeps a short passage whole, with its matches in order', () => {
    const text = 'الجيش الإسرائيلي';
    expect(makeSnippet(text, [[6, 16], [0, 5]])).toEqual({ text, matches: [[0, 5], [6, 16]] });
  });

  it('cuts a long passage around the first match, at spaces, with ellipses, and the match still lands on the word', () => {
    const start = ARTICLE.indexOf('هولندا');
    const snippet = makeSnippet(ARTICLE, [[start, start + 'هولندا'.length]], 80);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const [[s, e]] = snippet.matches as [[number, number]];
    expect(snippet.text.slice(s, e)).toBe('هولندا');
    // Cut at whitespace: the shown text never begins or ends in the middle of a word.
    const inner = snippet.text.slice(1, -1);
    expect(ARTICLE.includes(inner)).toBe(true);
    const at = ARTICLE.indexOf(inner);
    expect(at === 0 || /\s/.test(ARTICLE[at - 1]!)).toBe(true);
    expect(/\s/.test(ARTICLE[at + inner.length] ?? ' ')).toBe(true);
  });

  it.each([
    ['negative start', [[-1, 3]]],
    ['end past the text', [[0, 10_000]]],
    ['empty range', [[4, 4]]],
    ['reversed range', [[9, 3]]],
    ['fractional offsets', [[1.5, 3]]],
  ] as const)('drops a bad match from the service (%s) instead of painting garbage', (_name, matches) => {
    expect(makeSnippet('نص قصير للاختبار', matches as unknown as [number, number][]).matches).toEqual([]);
  });

  it('property: every shown match is a piece of an original match, and the snippet stays near the limit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('ا', 'ل', 'م', ' ', 'ب', 'a', 'z', '،', 'ـ', '\u064e'), minLength: 0, maxLength: 600 }),
        fc.array(fc.tuple(fc.nat(600), fc.nat(40)), { maxLength: 6 }),
        fc.integer({ min: 20, max: 300 }),
        (text, raw, max) => {
          const matches = raw.map(([s, len]) => [s, s + len] as [number, number]).filter(([s, e]) => e <= text.length && s < e);
          const snippet = makeSnippet(text, matches, max);
          expect(snippet.text.length).toBeLessThanOrEqual(Math.max(text.length, max + 2));
          for (const [s, e] of snippet.matches) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(snippet.text.length);
            const piece = snippet.text.slice(s, e);
            // The piece is the original text at the same place, inside one of the original matches.
            expect(matches.some(([ms, me]) => text.slice(ms, me).includes(piece))).toBe(true);
          }
        },
      ),
    );
  });
});
