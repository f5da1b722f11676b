/**
 * Where each query unit occurs in the index: for every passage (Lunr ref) the
 * fields it was found in and, for the passage text, the exact `[start, end)`
 * of each occurrence in the ORIGINAL passage text, read from the `position`
 * metadata the tokenizer stored, and the BM25 weight Lunr computed for each
 * key in each passage (keyWeight), which query.ts sums into a score.
 *
 * Reads lunr.Index#invertedIndex, #tokenSet and #fieldVectors directly: the
 * query API cannot express "this word in any field" as a requirement (a
 * required clause must match in every field it names), and idx.query scores
 * every passage holding any query word, which is slow for common words.
 */
import lunr from 'lunr';
import type { Range } from '../api/contract';
import { analyze, prefixSurfaces, tokenize } from '../text';
import type { SearchIndex } from './build';
import { titleFieldOf } from './build';
import { FIELDS } from './pipeline';
import type { QueryUnit } from './query-parse';

/** ref → flat [start, length, start, length…] (build.ts compactPositions). */
type FieldPostings = Record<string, number[]>;
type Posting = Record<string, FieldPostings>;

export interface UnitOccurrence {
  inTitle: boolean;
  /** Occurrences in the passage text, sorted, original offsets. */
  ranges: Range[];
  /** The index keys that matched in this passage (for scoring). */
  keys: Set<string>;
}

/** ref → where the unit occurs in that passage. */
export type UnitMatches = Map<number, UnitOccurrence>;

/** A prefix may expand to at most this many index keys (a 2-letter prefix could otherwise expand to thousands). */
export const MAX_PREFIX_EXPANSION = 256;
/** Stems are at most this much shorter than the word they come from (ـاتهما). */
const MAX_SUFFIX_STRIPPED = 5;

function postingOf(index: SearchIndex, key: string): Posting | undefined {
  const inverted = (index.lunr as unknown as { invertedIndex: Record<string, Posting> }).invertedIndex;
  return Object.prototype.hasOwnProperty.call(inverted, key) ? inverted[key] : undefined;
}

function occurrence(matches: UnitMatches, ref: number): UnitOccurrence {
  let found = matches.get(ref);
  if (!found) {
    found = { inTitle: false, ranges: [], keys: new Set() };
    matches.set(ref, found);
  }
  return found;
}

function addPosting(matches: UnitMatches, key: string, posting: Posting, accept?: (ref: number, range: Range) => boolean, acceptTitle?: (ref: number) => boolean): void {
  const inText = posting[FIELDS.text] ?? {};
  // for…in rather than Object.entries: no intermediate arrays for common words.
  for (const refText in inText) {
    const flat = inText[refText]!;
    const ref = Number(refText);
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const range: Range = [flat[i]!, flat[i]! + flat[i + 1]!];
      if (accept && !accept(ref, range)) continue;
      const found = occurrence(matches, ref);
      found.ranges.push(range);
      found.keys.add(key);
    }
  }
  const inTitle = posting[FIELDS.title] ?? {};
  for (const refText in inTitle) {
    const ref = Number(refText);
    if (acceptTitle && !acceptTitle(ref)) continue;
    const found = occurrence(matches, ref);
    found.inTitle = true;
    found.keys.add(key);
  }
}

function sortRanges(matches: UnitMatches): UnitMatches {
  for (const [ref, found] of matches) {
    if (found.ranges.length === 0 && !found.inTitle) {
      matches.delete(ref);
      continue;
    }
    found.ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    found.ranges = found.ranges.filter((r, i, all) => i === 0 || r[0] !== all[i - 1]![0] || r[1] !== all[i - 1]![1]);
  }
  return matches;
}

/** Index keys a prefix can stand for: keys starting with it, and stems it already runs past (خدما* → خدم). */
export function expandPrefix(index: SearchIndex, prefix: string): string[] {
  const pattern = (lunr.TokenSet as unknown as { fromString(s: string): lunr.TokenSet }).fromString(`${prefix}*`);
  const tokenSet = (index.lunr as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
  const keys = tokenSet.intersect(pattern).toArray().slice(0, MAX_PREFIX_EXPANSION);
  for (let cut = 1; cut <= MAX_SUFFIX_STRIPPED && prefix.length - cut >= 2; cut++) {
    const shorter = prefix.slice(0, -cut);
    if (postingOf(index, shorter) && !keys.includes(shorter)) keys.push(shorter);
  }
  return keys;
}

function wordMatches(index: SearchIndex, key: string): UnitMatches {
  const matches: UnitMatches = new Map();
  const posting = postingOf(index, key);
  if (posting) addPosting(matches, key, posting);
  return sortRanges(matches);
}

function prefixMatches(index: SearchIndex, prefix: string): UnitMatches {
  const matches: UnitMatches = new Map();
  const titleCache = new Map<number, boolean>();
  const surfaceOk = (word: string) => prefixSurfaces(word).some((s) => s.startsWith(prefix));
  // Expansion works on stems; the surface check keeps only words that really start with the prefix.
  const accept = (ref: number, [s, e]: Range) => surfaceOk(index.input.passages[ref]!.text.slice(s, e));
  const acceptTitle = (ref: number) => {
    const doc = index.input.passages[ref]!.doc;
    let ok = titleCache.get(doc);
    if (ok === undefined) {
      ok = tokenize(titleFieldOf(index.input.documents[doc]!)).some((t) => surfaceOk(t.text));
      titleCache.set(doc, ok);
    }
    return ok;
  };
  for (const key of expandPrefix(index, prefix)) {
    const posting = postingOf(index, key);
    if (posting) addPosting(matches, key, posting, accept, acceptTitle);
  }
  return sortRanges(matches);
}

/** True when nothing searchable lies between two offsets of a text (only spaces and punctuation). */
function adjacent(text: string, end: number, nextStart: number): boolean {
  return nextStart >= end && tokenize(text.slice(end, nextStart)).length === 0;
}

function phraseMatches(index: SearchIndex, keys: readonly string[]): UnitMatches {
  const perWord = keys.map((key) => wordMatches(index, key));
  const matches: UnitMatches = new Map();
  const [first, ...rest] = perWord;
  if (!first) return matches;
  for (const [ref, start] of first) {
    const others = rest.map((m) => m.get(ref)?.ranges);
    if (others.some((r) => !r || r.length === 0)) continue;
    const text = index.input.passages[ref]!.text;
    for (const head of start.ranges) {
      let current = head;
      let ok = true;
      for (const ranges of others as Range[][]) {
        const next = ranges.find((r) => r[0] >= current[1]);
        if (!next || !adjacent(text, current[1], next[0])) {
          ok = false;
          break;
        }
        current = next;
      }
      if (ok) {
        const found = occurrence(matches, ref);
        found.ranges.push([head[0], current[1]]);
        for (const key of keys) found.keys.add(key);
      }
    }
  }
  return sortRanges(matches);
}

export function unitMatches(index: SearchIndex, unit: QueryUnit): UnitMatches {
  if (unit.type === 'word') return wordMatches(index, unit.key);
  if (unit.type === 'prefix') return prefixMatches(index, unit.key);
  return phraseMatches(index, unit.keys);
}

/**
 * Lunr's BM25 weight of `key` in a passage, summed over its fields: the
 * builder stores, per field of each passage, a vector of (term index, weight)
 * with the field boost applied. Reading it directly scores only the passages
 * that matched, instead of Lunr's query scoring every passage holding a common
 * word (that was 200-300 ms for الله or من at 25k passages).
 */
export function keyWeight(index: SearchIndex, key: string, ref: number): number {
  const posting = postingOf(index, key);
  if (!posting) return 0;
  const termIndex = (posting as unknown as { _index: number })._index;
  const vectors = (index.lunr as unknown as { fieldVectors: Record<string, { elements: number[] }> }).fieldVectors;
  return weightIn(vectors[`${FIELDS.text}/${ref}`]?.elements, termIndex) + weightIn(vectors[`${FIELDS.title}/${ref}`]?.elements, termIndex);
}

/** Binary search of a Lunr vector's flat [index, value, index, value…] elements. */
function weightIn(elements: number[] | undefined, termIndex: number): number {
  if (!elements) return 0;
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = elements[mid * 2]!;
    if (at === termIndex) return elements[mid * 2 + 1]!;
    if (at < termIndex) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * The same matching on a free text, token by token (notes, and tests that
 * check the index against a direct scan): for each unit, the ranges where it
 * occurs in `text` (empty when it does not).
 */
export function matchInText(text: string, units: readonly QueryUnit[]): Range[][] {
  const tokens = analyze(text);
  return units.map((unit) => {
    const ranges: Range[] = [];
    if (unit.type === 'word') {
      for (const t of tokens) if (t.keys.includes(unit.key)) ranges.push([t.start, t.end]);
    } else if (unit.type === 'prefix') {
      for (const t of tokens) if (prefixSurfaces(t.text).some((s) => s.startsWith(unit.key))) ranges.push([t.start, t.end]);
    } else {
      for (let i = 0; i + unit.keys.length <= tokens.length; i++) {
        if (unit.keys.every((key, k) => tokens[i + k]!.keys.includes(key))) ranges.push([tokens[i]!.start, tokens[i + unit.keys.length - 1]!.end]);
      }
    }
    return ranges;
  });
}
