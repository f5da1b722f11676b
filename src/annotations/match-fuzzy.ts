/**
 * Fuzzy quote matching: the last anchoring step before giving up.
 *
 * approx-string-match (Myers' bit-parallel edit distance) proposes every
 * lowest-error occurrence of the quote; each is then scored, in the spirit of
 * Hypothesis's match-quote, on how close the quote is, how much of the stored
 * prefix/suffix surrounds it, and how near it is to the old position.
 *
 * Acceptance is deliberately strict. A wrong anchor (a note silently sitting
 * on unrelated text) is worse than an orphan the user is shown and can
 * re-attach, so an approximate quote needs either a close match of the quote
 * itself or strong agreement of its context.
 */
import search from 'approx-string-match';
import { similarity } from './edit-distance';
import { SELF_EVIDENT_QUOTE_CHARS, SHORT_QUOTE_CHARS, type QuoteContext } from './match-exact';

export interface FuzzyMatch {
  start: number;
  end: number;
  /** 0..1 weighted score. */
  score: number;
  quoteScore: number;
  contextScore: number;
}

// Weights of each signal in the combined score (Hypothesis uses the same
// order of importance): the quote dominates, context breaks ties between
// near-equal quote matches, position only separates otherwise identical ones.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Errors allowed while searching: 70% of the quote, so a quote with a whole
 * clause inserted into it can still be found between its intact prefix and
 * suffix (the acceptance rules below decide); capped because the search cost
 * grows with the budget and 256 edits no longer make the same passage.
 */
const MAX_ERROR_SHARE = 0.7;
const MAX_ERRORS_CAP = 256;
/** Only the lowest-error candidates are scored: keeps a long document with a vague quote cheap. */
const MAX_SCORED_CANDIDATES = 100;
/** Quotes shorter than this carry too little signal for edit distance to mean anything. */
export const MIN_FUZZY_QUOTE_CHARS = 6;

/**
 * Acceptance tiers, from "the quote is nearly intact" to "only the context
 * vouches for it". A short quote (a word or two) recurs in any article, so a
 * close match of it needs more context than a long one.
 */
function acceptable(quoteScore: number, contextScore: number, quoteLength: number): boolean {
  // Phrases of a few words recur in news writing with one word changed
  // ("على خدمات أزور" / "إلى خدمات أزور"); only a longer quote carries itself.
  const minContextForClose = quoteLength < SHORT_QUOTE_CHARS ? 0.6 : quoteLength < SELF_EVIDENT_QUOTE_CHARS ? 0.5 : 0.35;
  return (quoteScore >= 0.8 && contextScore >= minContextForClose) || (quoteScore >= 0.5 && contextScore >= 0.7) || (quoteScore >= 0.3 && contextScore >= 0.9);
}

export function matchFuzzy(text: string, ctx: QuoteContext, hint: number | undefined): FuzzyMatch | null {
  const quote = ctx.exact;
  if (quote.trim().length < MIN_FUZZY_QUOTE_CHARS || text.length === 0) return null;
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * MAX_ERROR_SHARE));
  const candidates = search(text, quote, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_SCORED_CANDIDATES);
  let best: FuzzyMatch | null = null;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / quote.length;
    const prefixScore = ctx.prefix.length === 0 ? (candidate.start === 0 ? 1 : 0.5) : similarity(text.slice(Math.max(0, candidate.start - ctx.prefix.length), candidate.start), ctx.prefix);
    const suffixScore = ctx.suffix.length === 0 ? (candidate.end === text.length ? 1 : 0.5) : similarity(text.slice(candidate.end, candidate.end + ctx.suffix.length), ctx.suffix);
    const positionScore = hint === undefined ? 1 : 1 - Math.min(1, Math.abs(candidate.start - hint) / Math.max(1, text.length));
    const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) / TOTAL_WEIGHT;
    const contextScore = (prefixScore + suffixScore) / 2;
    if (!acceptable(quoteScore, contextScore, quote.length)) continue;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score, quoteScore, contextScore };
  }
  return best;
}
