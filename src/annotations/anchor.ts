/**
 * anchor(): where a note's selectors land in the current text of its document.
 *
 * Pure: text and selectors in, a range or null out. Strategies go from cheap
 * and certain to expensive and approximate (STYLE.md habit 5):
 *   1. position     the stored offsets, accepted only if they still hold the quote;
 *   2. quote        the exact quote, repeats told apart by context then by
 *                   nearness to the old position (match-exact.ts);
 *   3. normalized   the same on folded text (diacritics, hamza forms, tatweel,
 *                   whitespace…, normalize-map.ts), mapped back to raw offsets;
 *   4. fuzzy        approximate quote on folded text (match-fuzzy.ts), then the
 *                   span between an intact prefix and suffix (match-between.ts);
 *   otherwise null: an orphan, which the UI lists as "needs attention".
 *
 * Position-only selectors (an imported note without a quote) are trusted only
 * when the caller says the document text is the one they were made on
 * (`sameText`): offsets into a changed text point at arbitrary words.
 */
import type { Anchor, Selector } from '../api/contract';
import { positionOf, quoteOf } from './describe';
import { matchBetween } from './match-between';
import { contextAgreement, matchExact, requiredAgreement, SELF_EVIDENT_QUOTE_CHARS, type QuoteContext } from './match-exact';
import { matchFuzzy } from './match-fuzzy';
import { normalize, normalizeWithMap, rangeToRaw, rawToNormalized, type NormalizedText } from './normalize-map';

/** A document text prepared once for anchoring many notes (the folded form is computed lazily). */
export interface AnchorText {
  readonly text: string;
  readonly normalized: NormalizedText;
}

export function prepareText(text: string): AnchorText {
  let cached: NormalizedText | undefined;
  return {
    text,
    get normalized() {
      return (cached ??= normalizeWithMap(text));
    },
  };
}

export interface AnchorOptions {
  /** The text is exactly the one the selectors were described on (content hash equal). */
  sameText?: boolean;
  /** Skip the fuzzy step (baseline measurements). */
  noFuzzy?: boolean;
}

/** Score given to a match found only after folding: the characters differ, the words do not. */
export const NORMALIZED_SCORE = 0.95;

export function anchor(input: string | AnchorText, selectors: readonly Selector[], options: AnchorOptions = {}): Anchor | null {
  const doc = typeof input === 'string' ? prepareText(input) : input;
  const { text } = doc;
  const quote = quoteOf(selectors);
  const position = positionOf(selectors);
  const positionValid = position !== undefined && position.start < position.end && position.end <= text.length;

  if (!quote) {
    return positionValid && options.sameText ? { start: position.start, end: position.end, method: 'position', score: 1 } : null;
  }
  if (positionValid && text.slice(position.start, position.end) === quote.exact && positionVouchedFor(text, position.start, position.end, quote)) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }

  const hint = position?.start;
  const exact = matchExact(text, quote, hint);
  if (exact) return { start: exact.start, end: exact.end, method: 'quote', score: 1 };

  const norm = doc.normalized;
  const folded: QuoteContext = { exact: normalize(quote.exact), prefix: normalize(quote.prefix), suffix: normalize(quote.suffix) };
  if (folded.exact.trim().length === 0) return null;
  const normHint = hint === undefined ? undefined : rawToNormalized(norm, Math.min(hint, text.length));
  const viaFolding = matchExact(norm.text, folded, normHint);
  if (viaFolding) return { ...trimmed(text, rangeToRaw(norm, viaFolding.start, viaFolding.end), quote.exact), method: 'normalized', score: NORMALIZED_SCORE };

  if (options.noFuzzy) return null;
  const fuzzy = matchFuzzy(norm.text, folded, normHint);
  if (fuzzy) return { ...trimmed(text, rangeToRaw(norm, fuzzy.start, fuzzy.end), quote.exact), method: 'fuzzy', score: round(fuzzy.score) };
  const between = matchBetween(norm.text, folded);
  if (between) return { ...trimmed(text, rangeToRaw(norm, between.start, between.end), quote.exact), method: 'fuzzy', score: round(between.quoteScore) };
  return null;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

/**
 * The old offsets still holding the quote prove little for a short quote
 * ("the" moved on by an insertion lands on the next "the"): ask its context too.
 */
function positionVouchedFor(text: string, start: number, end: number, quote: QuoteContext): boolean {
  return quote.exact.length >= SELF_EVIDENT_QUOTE_CHARS || contextAgreement(text, start, end, quote) >= requiredAgreement(quote);
}

/** Drops whitespace a folded match picked up at its edges (a collapsed run maps to its first raw char only). */
function trimmed(text: string, range: { start: number; end: number }, exact: string): { start: number; end: number } {
  // Folding collapses whitespace runs, so a range mapped back can carry more
  // of a run than the quote had: keep exactly as much edge whitespace as the
  // quote itself (none, usually), taken next to the words.
  const lead = /^\s*/.exec(exact)![0].length;
  const trail = /\s*$/.exec(exact)![0].length;
  let first = range.start;
  while (first < range.end && /\s/.test(text[first]!)) first++;
  let last = range.end;
  while (last > first && /\s/.test(text[last - 1]!)) last--;
  const start = Math.max(range.start, first - lead);
  const end = Math.min(range.end, last + trail);
  return end > start ? { start, end } : range;
}
