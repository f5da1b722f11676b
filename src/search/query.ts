/**
 * Runs a parsed query over an index: which passages match (lookup.ts), in what
 * order (Lunr-style BM25 weights of the matched keys, postings.ts), and the
 * match ranges of the top hits (computed after ranking, only for the hits a
 * page shows: matching the text again is the costly part).
 *
 * Semantics (docs/SEARCH.md):
 * - every included word/phrase/prefix is required, in the passage text or in
 *   its document's title/publisher; when no passage has them all and there is
 *   more than one, any of them will do and the mode says 'any' — passages
 *   matching more of them rank first;
 * - excluded units remove a passage when found in its text or title;
 * - lang: compares the passage language's primary subtag, source: the doc id;
 * - a document matched only through its title contributes one hit (its first
 *   passage), not one per block, and none when some of its passages match in
 *   their text.
 */
import type { Range } from '../api/contract';
import type { SearchIndex } from './build';
import { matchInText, unitMatches, type UnitMatches } from './lookup';
import { primaryLanguage } from './passages';
import type { ParsedQuery } from './query-parse';

export interface RankedHit {
  /** Index of the passage in index.input.passages. */
  ref: number;
  score: number;
  /**
   * Merged, sorted match ranges in the passage text (original offsets);
   * null past `matchesFor` (runQuery), since offsets cost a pass over the text.
   */
  matches: Range[] | null;
  /** Some unit shows in the passage text (not only in its document's title). */
  inText: boolean;
  /** How many included units the passage matches (all of them in mode 'all'). */
  unitsMatched: number;
}

export interface QueryOutcome {
  mode: 'all' | 'any';
  /** Every matching passage, best first (past RunOptions.matchesFor: unordered). */
  hits: RankedHit[];
}

export interface RunOptions {
  /**
   * Only this many hits from the top are ranked in order and get match
   * ranges; the others follow in no given order (default: all).
   */
  matchesFor?: number;
}

/** Prefix expansions count less than a word typed in full. */
const PREFIX_BOOST = 0.5;
/** A phrase's words count more together than apart. */
const PHRASE_BOOST = 1.5;

/** Sorted, overlapping or touching ranges merged. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Where the included units occur in a passage's text: the ranges a hit shows. */
export function matchesOf(index: SearchIndex, parsed: ParsedQuery, ref: number): Range[] {
  return mergeRanges(matchInText(index.input.passages[ref]!.text, parsed.include).flat());
}

/** null when the query has no lang: or source: filter (most queries: no per-passage check at all). */
function allowedRefs(index: SearchIndex, parsed: ParsedQuery): ((ref: number) => boolean) | null {
  if (!parsed.lang && parsed.sources.length === 0) return null;
  const sources = new Set(parsed.sources);
  return (ref) => {
    const passage = index.input.passages[ref]!;
    if (parsed.lang && primaryLanguage(passage.lang) !== parsed.lang) return false;
    if (sources.size > 0 && !sources.has(index.input.documents[passage.doc]!.id)) return false;
    return true;
  };
}

const BOOSTS = { word: 1, prefix: PREFIX_BOOST, phrase: PHRASE_BOOST } as const;

export function runQuery(index: SearchIndex, parsed: ParsedQuery, options: RunOptions = {}): QueryOutcome {
  if (parsed.include.length === 0) return { mode: 'all', hits: [] };
  const allowed = allowedRefs(index, parsed);
  const excluded = new Set<number>();
  for (const unit of parsed.exclude) for (const ref of unitMatches(index, unit).keys()) excluded.add(ref);
  const perUnit: UnitMatches[] = parsed.include.map((unit) => unitMatches(index, unit));

  // Score, units matched and text presence per passage, in typed arrays: a
  // common word touches thousands of passages, and objects per passage (and
  // a comparator reading them) were most of a query's time.
  const n = index.input.passages.length;
  const score = new Float64Array(n);
  const units = new Uint8Array(n);
  const inText = new Uint8Array(n);
  const touched: number[] = [];
  perUnit.forEach((matches, i) => {
    const boost = BOOSTS[parsed.include[i]!.type];
    for (const [ref, m] of matches) {
      if (excluded.has(ref) || (allowed && !allowed(ref))) continue;
      if (units[ref] === 0) touched.push(ref);
      units[ref]!++;
      score[ref]! += boost * m.weight;
      if (m.inText) inText[ref] = 1;
    }
  });
  let mode: QueryOutcome['mode'] = 'all';
  let refs = touched.filter((ref) => units[ref] === perUnit.length);
  if (refs.length === 0 && perUnit.length > 1 && touched.length > 0) {
    mode = 'any';
    refs = touched;
  }
  // A document matched only through its title gives one hit, its first
  // passage (title-only passages of a document tie, so the lowest ref ranks
  // first); documents with text matches give none of those.
  const passages = index.input.passages;
  const docsWithText = new Set<number>();
  for (const ref of refs) if (inText[ref]) docsWithText.add(passages[ref]!.doc);
  const titleOnly = new Map<number, number>();
  let anyTitleOnly = false;
  for (const ref of refs) {
    if (inText[ref]) continue;
    anyTitleOnly = true;
    const doc = passages[ref]!.doc;
    const first = titleOnly.get(doc);
    if (!docsWithText.has(doc) && (first === undefined || ref < first)) titleOnly.set(doc, ref);
  }
  const kept = anyTitleOnly ? refs.filter((ref) => inText[ref] || titleOnly.get(passages[ref]!.doc) === ref) : refs;

  // A passage showing the words beats one that only inherits them from its title.
  const better = (a: number, b: number) => units[b]! - units[a]! || inText[b]! - inText[a]! || score[b]! - score[a]! || a - b;
  const matchesFor = Math.min(kept.length, options.matchesFor ?? kept.length);
  sortTop(kept, matchesFor, better);
  const hits: RankedHit[] = kept.map((ref) => ({ ref, score: score[ref]!, matches: null, inText: inText[ref] === 1, unitsMatched: units[ref]! }));
  for (let i = 0; i < matchesFor; i++) hits[i]!.matches = hitMatches(index, parsed, hits[i]!);
  return { mode, hits };
}

/**
 * Puts the best `top` items first, in order; the rest follow in no given
 * order. A page shows 50 hits of a common word's thousands: selecting them
 * (quickselect) and sorting those costs a fraction of sorting all.
 */
export function sortTop(items: number[], top: number, compare: (a: number, b: number) => number): void {
  if (top <= 0) return;
  if (top * 4 >= items.length) {
    items.sort(compare);
    return;
  }
  let lo = 0;
  let hi = items.length - 1;
  const k = top - 1;
  while (lo < hi) {
    const pivot = items[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (compare(items[i]!, pivot) < 0) i++;
      while (compare(items[j]!, pivot) > 0) j--;
      if (i <= j) {
        const t = items[i]!;
        items[i] = items[j]!;
        items[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  const head = items.slice(0, top).sort(compare);
  for (let i = 0; i < top; i++) items[i] = head[i]!;
}

function hitMatches(index: SearchIndex, parsed: ParsedQuery, hit: RankedHit): Range[] {
  return hit.inText ? matchesOf(index, parsed, hit.ref) : [];
}
