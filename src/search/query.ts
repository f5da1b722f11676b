/**
 * Runs a parsed query over an index: which passages match (lookup.ts), in what
 * order (Lunr's BM25 weights of the matched keys, lookup.ts keyWeight), and
 * the match ranges of each.
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
import { keyWeight, unitMatches, type UnitMatches } from './lookup';
import { primaryLanguage } from './passages';
import type { ParsedQuery } from './query-parse';

export interface RankedHit {
  /** Index of the passage in index.input.passages. */
  ref: number;
  score: number;
  /** Merged, sorted match ranges in the passage text (original offsets). */
  matches: Range[];
  /** How many included units the passage matches (all of them in mode 'all'). */
  unitsMatched: number;
}

export interface QueryOutcome {
  mode: 'all' | 'any';
  /** Every matching passage, best first. */
  hits: RankedHit[];
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

function allowedRefs(index: SearchIndex, parsed: ParsedQuery): (ref: number) => boolean {
  const sources = new Set(parsed.sources);
  return (ref) => {
    const passage = index.input.passages[ref]!;
    if (parsed.lang && primaryLanguage(passage.lang) !== parsed.lang) return false;
    if (sources.size > 0 && !sources.has(index.input.documents[passage.doc]!.id)) return false;
    return true;
  };
}

/** Score of a passage: Lunr's BM25 weights of the keys that matched it, per unit. */
function scoreOf(index: SearchIndex, parsed: ParsedQuery, perUnit: UnitMatches[], ref: number): number {
  let score = 0;
  perUnit.forEach((matches, i) => {
    const found = matches.get(ref);
    if (!found) return;
    const unit = parsed.include[i]!;
    let unitScore = 0;
    for (const key of found.keys) unitScore += keyWeight(index, key, ref);
    // A prefix stands for several words: its best-weighted key counts, discounted.
    if (unit.type === 'prefix') unitScore = PREFIX_BOOST * Math.max(0, ...[...found.keys].map((k) => keyWeight(index, k, ref)));
    // A phrase found as such is worth more than its words scattered.
    if (unit.type === 'phrase') unitScore *= PHRASE_BOOST;
    score += unitScore;
  });
  return score;
}

export function runQuery(index: SearchIndex, parsed: ParsedQuery): QueryOutcome {
  if (parsed.include.length === 0) return { mode: 'all', hits: [] };
  const allowed = allowedRefs(index, parsed);
  const excluded = new Set<number>();
  for (const unit of parsed.exclude) for (const ref of unitMatches(index, unit).keys()) excluded.add(ref);
  const perUnit: UnitMatches[] = parsed.include.map((unit) => {
    const matches = unitMatches(index, unit);
    for (const ref of matches.keys()) if (excluded.has(ref) || !allowed(ref)) matches.delete(ref);
    return matches;
  });

  const counts = new Map<number, number>();
  for (const matches of perUnit) for (const ref of matches.keys()) counts.set(ref, (counts.get(ref) ?? 0) + 1);
  let refs = [...counts.keys()].filter((ref) => counts.get(ref) === perUnit.length);
  let mode: QueryOutcome['mode'] = 'all';
  if (refs.length === 0 && perUnit.length > 1) {
    refs = [...counts.keys()];
    if (refs.length > 0) mode = 'any';
  }

  const hits: RankedHit[] = refs.map((ref) => {
    const ranges: Range[] = [];
    for (const matches of perUnit) ranges.push(...(matches.get(ref)?.ranges ?? []));
    return { ref, score: scoreOf(index, parsed, perUnit, ref), matches: mergeRanges(ranges), unitsMatched: counts.get(ref)! };
  });
  // A passage showing the words beats one that only inherits them from its title.
  const shows = (h: RankedHit) => (h.matches.length > 0 ? 1 : 0);
  hits.sort((a, b) => b.unitsMatched - a.unitsMatched || shows(b) - shows(a) || b.score - a.score || a.ref - b.ref);

  // A document matched only through its title gives one hit (its first
  // passage stands for it); documents with text matches give none of those.
  const docsWithText = new Set(hits.filter((h) => h.matches.length > 0).map((h) => index.input.passages[h.ref]!.doc));
  return {
    mode,
    hits: hits.filter((hit) => {
      if (hit.matches.length > 0) return true;
      const doc = index.input.passages[hit.ref]!.doc;
      if (docsWithText.has(doc)) return false;
      docsWithText.add(doc);
      return true;
    }),
  };
}
