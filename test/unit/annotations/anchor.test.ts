import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import type { Selector } from '../../../src/api/contract';
import { anchor } from '../../../src/annotations/anchor';
import { CONTEXT_CHARS, describe, DescribeError } from '../../../src/annotations/describe';
import { SELF_EVIDENT_QUOTE_CHARS } from '../../../src/annotations/match-exact';
import { matchFuzzy } from '../../../src/annotations/match-fuzzy';

const ARTICLE = readFileSync(join(__dirname, '../../../seed/000_808dcebf4dabc6b5.txt'), 'utf8');
const at = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${needle} not in text`);
  return { start, end: start + needle.length };
};

suite('describe', () => {
  it('emits a quote with up to 32 characters of context and the position', () => {
    const { start, end } = at(ARTICLE, 'الوحدة 8200');
    const [quote, position] = describe(ARTICLE, start, end);
    expect(quote.exact).toBe('الوحدة 8200');
    expect(quote.prefix).toBe(ARTICLE.slice(start - CONTEXT_CHARS, start));
    expect(quote.suffix).toBe(ARTICLE.slice(end, end + CONTEXT_CHARS));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('clips context at the text edges', () => {
    const [quote] = describe('abc def', 0, 3);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: ' def' });
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = 'x'.repeat(5) + '😀' + 'y'.repeat(31) + 'QUOTE';
    const start = text.indexOf('QUOTE');
    const [quote] = describe(text, start, start + 5);
    expect(quote.prefix.startsWith('\udE00')).toBe(false);
    expect(quote.prefix.length).toBe(31);
  });

  const bad: [string, number, number, RegExp][] = [
    ['empty range', 3, 3, /is empty/],
    ['reversed range', 5, 2, /is empty/],
    ['negative start', -1, 2, /outside the text/],
    ['past the end', 0, 999, /outside the text/],
    ['fractional offsets', 0.5, 2, /not whole numbers/],
    ['only whitespace', 3, 4, /only whitespace/],
  ];
  for (const [name, start, end, message] of bad) {
    it(`refuses ${name}`, () => {
      expect(() => describe('abc def', start, end)).toThrow(DescribeError);
      expect(() => describe('abc def', start, end)).toThrow(message);
    });
  }
});

suite('anchor: strategies in order', () => {
  const original = ARTICLE;
  const target = at(original, 'خالفت شروط الاستخدام الخاصة بالشركة');
  const selectors = describe(original, target.start, target.end);

  it('uses the position when the text is unchanged', () => {
    expect(anchor(original, selectors)).toEqual({ ...target, method: 'position', score: 1 });
  });

  it('finds the exact quote after text was inserted before it', () => {
    const edited = 'سطر جديد أضيف في البداية.\n\n' + original;
    expect(anchor(edited, selectors)).toEqual({ start: target.start + 27, end: target.end + 27, method: 'quote', score: 1 });
  });

  it('matches through added tashkeel and maps back to raw offsets covering the marks', () => {
    const edited = original.replace('خالفت شروط', 'خَالَفَتْ شُرُوط');
    const found = anchor(edited, selectors)!;
    expect(found.method).toBe('normalized');
    expect(edited.slice(found.start, found.end)).toBe('خَالَفَتْ شُرُوط الاستخدام الخاصة بالشركة');
  });

  it('matches through hamza forms, tatweel and reflowed whitespace', () => {
    const text = 'قال المسؤول إن الأمر انتهى. ثم أضاف أن القرار نهائي.';
    const quoteSelectors = describe(text, text.indexOf('إن الأمر'), text.indexOf('انتهى') + 5);
    const edited = 'تمهيد. ' + text.replace('إن الأمر', 'ان  الامـــر\n');
    const found = anchor(edited, quoteSelectors)!;
    expect(found.method).toBe('normalized');
    expect(edited.slice(found.start, found.end)).toBe('ان  الامـــر\n انتهى');
  });

  it('falls back to fuzzy matching when words inside the quote changed', () => {
    const edited = original.replace('خالفت شروط الاستخدام الخاصة بالشركة', 'خالفت شروط الاستعمال الخاصة بالشركة');
    const found = anchor(edited, selectors)!;
    expect(found.method).toBe('fuzzy');
    expect(found.score).toBeLessThan(1);
    expect(found.start).toBe(target.start);
    expect(Math.abs(found.end - target.end)).toBeLessThanOrEqual(2);
  });

  it('orphans the note when the quote was deleted', () => {
    const edited = original.replace('خالفت شروط الاستخدام الخاصة بالشركة', '');
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('chooses among repeats by context, not by first occurrence', () => {
    const text = 'The unit stopped. Later the unit moved its data. Finally the unit said nothing.';
    const second = at(text, 'the unit', 20);
    const sel = describe(text, second.start, second.end);
    const edited = 'Intro. ' + text;
    expect(anchor(edited, sel)).toMatchObject({ start: second.start + 7, end: second.end + 7, method: 'quote' });
  });

  it('does not trust an old position whose short quote now belongs to another sentence', () => {
    const text = 'He read the report and the statement.';
    const target2 = at(text, 'the', 20);
    const sel = describe(text, target2.start, target2.end);
    // Shift by exactly the distance between the two "the": the old offsets now hold the first one.
    const edited = text.slice(0, 8) + 'the re' + text.slice(8);
    const found = anchor(edited, sel)!;
    expect(edited.slice(found.start - 4, found.end + 10)).toBe('and the statement');
  });

  it('refuses a repeated short word whose original place and context are gone', () => {
    const text = 'أكدت أن الجيش الإسرائيلي اعتمد على الخدمات. ويعني هذا أن الجيش سيستمر.';
    const second = at(text, 'الجيش', 20);
    const sel = describe(text, second.start, second.end);
    const edited = text.slice(0, text.indexOf(' ويعني')) + ' وانتهى الخبر.';
    expect(anchor(edited, sel)).toBeNull();
  });

  it('uses position-only selectors only on the same text', () => {
    const sel: Selector[] = [{ type: 'TextPositionSelector', start: 2, end: 5 }];
    expect(anchor('abcdefgh', sel, { sameText: true })).toEqual({ start: 2, end: 5, method: 'position', score: 1 });
    expect(anchor('abcdefgh', sel)).toBeNull();
    expect(anchor('abc', sel, { sameText: true })).toBeNull();
  });

  it('returns null for an empty text or a quote of only marks', () => {
    expect(anchor('', selectors)).toBeNull();
    expect(anchor(original, [{ type: 'TextQuoteSelector', exact: '\u064E\u064F', prefix: '', suffix: '' }])).toBeNull();
  });
});

suite('fuzzy scoring is ordinal', () => {
  // A quote compared with candidates of growing difference: scores must fall strictly.
  const ctx = { prefix: 'تقرير الغارديان إلى أن الجيش ', exact: 'كان يفكر في نقل مشروع التجسس الضخم', suffix: ' الخاص به إلى خدمات أمازون' };
  const variants = ['كان يفكر في نقل مشروع التجسس الضخم', 'كان يفكر في نقل مشروع التجسس الكبير', 'كان يخطط في نقل مشروع التجسس الكبير', 'كان يخطط لنقل برنامج التجسس الكبير'];
  it('a closer quote scores higher', () => {
    const scores = variants.map((v) => matchFuzzy(`${ctx.prefix}${v}${ctx.suffix}`, ctx, ctx.prefix.length)?.score ?? 0);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!, `variant ${i}`).toBeLessThan(scores[i - 1]!);
    expect(scores[scores.length - 1]).toBeGreaterThan(0);
  });
});

suite('anchor: whitespace at a quote\'s edges', () => {
  // Found by the insertion property below (seed 65377480): a quote that starts
  // with a space, after an insertion right before it, was found on folded text
  // and mapped back with the extra space of the collapsed run.
  it('keeps exactly the quote\'s own edge whitespace after an insertion beside it', () => {
    const text = 'الجيش data أزور الجيش الجيش';
    for (let where = 0; where <= 15; where++) {
      for (let end = 17; end <= text.length; end++) {
        const exact = text.slice(15, end);
        if (text.indexOf(exact) !== text.lastIndexOf(exact)) continue;
        const edited = text.slice(0, where) + 'XQ ' + text.slice(where);
        const found = anchor(edited, describe(text, 15, end));
        if (found) expect({ where, end, start: found.start, stop: found.end }).toEqual({ where, end, start: 18, stop: end + 3 });
        if (found) expect(edited.slice(found.start, found.end)).toBe(exact);
      }
    }
  });
});

suite('anchor: properties', () => {
  const words = fc.constantFrom('الجيش', 'مايكروسوفت', 'أزور', 'the', 'unit', 'cloud', '8200', 'في', 'على', 'data');
  const textArb = fc.array(words, { minLength: 3, maxLength: 40 }).map((w) => w.join(' '));

  it('re-describing an unchanged text anchors exactly where it was described', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        fc.pre(text.slice(start, end).trim().length > 0);
        expect(anchor(text, describe(text, start, end))).toEqual({ start, end, method: 'position', score: 1 });
      }),
    );
  });

  it('after an insertion before the quote, a unique quote moves with it and a repeated one never lands on other words', () => {
    const insertedArb = fc.array(fc.constantFrom('XQ', 'ZZZ', 'KW'), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(textArb, insertedArb, fc.nat(), fc.nat(), fc.nat(), (text, inserted, a, b, c) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const exact = text.slice(start, end);
        fc.pre(exact.trim().length > 0);
        const where = c % (start + 1);
        const edited = text.slice(0, where) + inserted + ' ' + text.slice(where);
        const found = anchor(edited, describe(text, start, end));
        const shift = inserted.length + 1;
        const unique = text.indexOf(exact) === text.lastIndexOf(exact);
        // A unique quote may be orphaned (an insertion right beside a one-letter quote destroys its only evidence) but never moved elsewhere.
        if (unique && found) expect(found).toMatchObject({ start: start + shift, end: end + shift });
        if (unique && exact.length >= SELF_EVIDENT_QUOTE_CHARS) expect(found).not.toBeNull();
        if (!unique && found) expect(edited.slice(found.start, found.end)).toBe(exact);
      }),
      { numRuns: 500 },
    );
  });
});
