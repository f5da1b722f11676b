/**
 * Context-bounded matching: a quote found between its intact prefix and suffix.
 *
 * When a clause is inserted into a highlighted sentence, edit distance prefers
 * a shorter, mangled alignment of the quote and misses the real span. But
 * the stored prefix and suffix, each still present verbatim and in order at a
 * plausible distance, pin the span down exactly. This runs on folded text
 * after the fuzzy step fails; it needs both sides intact and unique, and the
 * text between them still recognisably the quote, so it never lands on
 * unrelated text.
 */
import { similarity } from './edit-distance';
import { findAll, type QuoteContext } from './match-exact';

/** Each side must be at least this long to be evidence on its own. */
const MIN_SIDE_CHARS = 12;
/** The span may have grown to this multiple of the quote (plus a clause) before it stops being the same passage. */
const MAX_GROWTH = 2;
const GROWTH_SLACK = 32;
/** How much of the quote must survive in the span. */
const MIN_QUOTE_SIMILARITY = 0.3;

export interface BetweenMatch {
  start: number;
  end: number;
  quoteScore: number;
}

export function matchBetween(text: string, ctx: QuoteContext): BetweenMatch | null {
  if (ctx.prefix.length < MIN_SIDE_CHARS || ctx.suffix.length < MIN_SIDE_CHARS) return null;
  const prefixes = findAll(text, ctx.prefix);
  const suffixes = findAll(text, ctx.suffix);
  if (prefixes.length !== 1 || suffixes.length !== 1) return null;
  const start = prefixes[0]! + ctx.prefix.length;
  const end = suffixes[0]!;
  const span = end - start;
  if (span <= 0 || span > ctx.exact.length * MAX_GROWTH + GROWTH_SLACK) return null;
  const quoteScore = Math.max(similarity(text.slice(start, end), ctx.exact), 0);
  return quoteScore >= MIN_QUOTE_SIMILARITY ? { start, end, quoteScore } : null;
}
