/**
 * Floors on re-anchoring after random edits of real text (the seed's Arabic
 * article and an English text), measured by the same code as
 * `npm run bench:anchor` (bench/anchor/evaluate.ts) with a fixed seed. The
 * full figures are in bench/results/anchor.md; these assert what must hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { judge, makeEdit, rng, type EditKind } from '../../../bench/anchor/edits';
import { evaluateKind, type KindResult } from '../../../bench/anchor/evaluate';
import { anchor } from '../../../src/annotations/anchor';
import { describe } from '../../../src/annotations/describe';

const ROOT = join(__dirname, '../../..');
const CORPORA = {
  arabic: readFileSync(join(ROOT, 'seed/000_808dcebf4dabc6b5.txt'), 'utf8'),
  english: readFileSync(join(ROOT, 'bench/anchor/english.txt'), 'utf8'),
};
const CASES = 80;
const SEED = 4242;

/** Edits that leave the quote's characters intact (modulo folding): anchoring must be exact. */
const MUST_BE_EXACT: EditKind[] = ['insert-before', 'delete-before', 'insert-after', 'delete-after', 'paragraph-moved', 'diacritics-added', 'diacritics-removed', 'whitespace-changed', 'quote-repeated', 'mixed'];

const share = (r: KindResult, n: number) => n / r.cases;

for (const [name, text] of Object.entries(CORPORA)) {
  suite(`anchoring floors: ${name}`, () => {
    for (const [i, kind] of MUST_BE_EXACT.entries()) {
      it(`${kind}: at least 97% exact, no wrong anchor, and at least the baseline`, () => {
        const r = evaluateKind(text, kind, CASES, SEED + i);
        expect(share(r, r.anchor.exact)).toBeGreaterThanOrEqual(0.97);
        expect(r.anchor.wrong).toBe(0);
        expect(r.anchor.exact).toBeGreaterThanOrEqual(r.baseline.exact);
      });
    }

    it('insert-inside: at least 75% re-anchored (exact or overlapping), none wrong', () => {
      const r = evaluateKind(text, 'insert-inside', CASES, SEED + 100);
      expect(share(r, r.anchor.exact + r.anchor.approximate)).toBeGreaterThanOrEqual(0.75);
      expect(r.anchor.wrong).toBe(0);
      expect(r.baseline.exact).toBe(0);
    });

    it('delete-inside: at least 90% re-anchored, none wrong', () => {
      const r = evaluateKind(text, 'delete-inside', CASES, SEED + 101);
      expect(share(r, r.anchor.exact + r.anchor.approximate)).toBeGreaterThanOrEqual(0.9);
      expect(r.anchor.wrong).toBe(0);
    });

    it('quote-deleted: always an orphan, never a wrong anchor', () => {
      const r = evaluateKind(text, 'quote-deleted', CASES * 2, SEED + 102);
      expect(r.anchor.wrong).toBe(0);
      expect(r.anchor.orphan).toBe(r.cases);
    });
  });
}

suite('the evaluation harness itself', () => {
  it('tracks the truth through an edit: the expected range holds the quote for edits outside it', () => {
    const r = rng(7);
    const text = CORPORA.arabic;
    for (const kind of ['insert-before', 'delete-after', 'paragraph-moved', 'quote-repeated'] as EditKind[]) {
      const quote = { start: text.indexOf('الوحدة 8200'), end: text.indexOf('الوحدة 8200') + 11 };
      const c = makeEdit(r, kind, text, quote);
      expect(c.after.slice(c.expected!.start, c.expected!.end), kind).toBe('الوحدة 8200');
    }
  });

  it('judges a deleted quote found anywhere as wrong, and a miss as an orphan', () => {
    expect(judge({ start: 1, end: 2 }, null)).toBe('wrong');
    expect(judge(null, null)).toBe('orphan');
    expect(judge({ start: 5, end: 9 }, { start: 5, end: 9 })).toBe('exact');
    expect(judge({ start: 4, end: 9 }, { start: 5, end: 9 })).toBe('approximate');
    expect(judge({ start: 20, end: 29 }, { start: 5, end: 9 })).toBe('wrong');
  });

  it('a deleted quote that still occurs elsewhere with other context is not anchored there', () => {
    const text = CORPORA.arabic;
    const phrase = 'خدمات "أزور"';
    const second = text.indexOf(phrase, text.indexOf(phrase) + 1);
    const selectors = describe(text, second, second + phrase.length);
    const edited = text.slice(0, second) + text.slice(second + phrase.length);
    const found = anchor(edited, selectors);
    expect(found === null || edited.slice(found.start, found.end) !== phrase || found.start === second).toBe(true);
  });
});
