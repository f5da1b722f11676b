/**
 * Runs the anchoring evaluation: for each edit kind, many random cases over a
 * corpus text, resolved by anchor() and by the plain exact-quote baseline
 * (text.indexOf(exact)), each judged against the tracked truth.
 */
import { anchor } from '../../src/annotations/anchor';
import { describe } from '../../src/annotations/describe';
import { addDiacritics, chooseQuote, EDIT_KINDS, judge, makeEdit, rng, type EditCase, type EditKind, type Outcome, type Range } from './edits';

export type Tally = Record<Outcome, number>;

export interface KindResult {
  kind: EditKind;
  cases: number;
  anchor: Tally;
  baseline: Tally;
  methods: Record<string, number>;
}

const emptyTally = (): Tally => ({ exact: 0, approximate: 0, orphan: 0, wrong: 0 });

export function baseline(text: string, exact: string): Range | null {
  const at = text.indexOf(exact);
  return at === -1 ? null : { start: at, end: at + exact.length };
}

/** Quote chosen for a kind: a deleted quote must be unique, or "wrong" would include true ambiguity. */
function caseFor(r: () => number, kind: EditKind, text: string): EditCase {
  for (let attempt = 0; ; attempt++) {
    let before = text;
    let quote = chooseQuote(r, text);
    if (kind === 'diacritics-removed') {
      const voweled = addDiacritics(r, text, quote);
      before = voweled.text;
      quote = voweled.expected;
    }
    const exact = before.slice(quote.start, quote.end);
    if (kind === 'quote-deleted' && before.indexOf(exact) !== before.lastIndexOf(exact) && attempt < 50) continue;
    return makeEdit(r, kind, before, quote);
  }
}

export function evaluateKind(text: string, kind: EditKind, cases: number, seed: number, onCase?: (c: EditCase, found: Range | null) => void): KindResult {
  const r = rng(seed);
  const result: KindResult = { kind, cases, anchor: emptyTally(), baseline: emptyTally(), methods: {} };
  for (let i = 0; i < cases; i++) {
    const c = caseFor(r, kind, text);
    const selectors = describe(c.before, c.quote.start, c.quote.end);
    const found = anchor(c.after, selectors);
    result.anchor[judge(found, c.expected)]++;
    const method = found?.method ?? 'orphan';
    result.methods[method] = (result.methods[method] ?? 0) + 1;
    result.baseline[judge(baseline(c.after, selectors[0].exact), c.expected)]++;
    onCase?.(c, found);
  }
  return result;
}

export function evaluateAll(text: string, cases: number, seed: number, kinds: readonly EditKind[] = EDIT_KINDS): KindResult[] {
  return kinds.map((kind, i) => evaluateKind(text, kind, cases, seed + i * 7919));
}
