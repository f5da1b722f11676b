/**
 * Which passages a query unit matches, and how much each match weighs, read
 * from Daftar's postings (postings.ts): a word by its key, a prefix by the
 * surfaces it starts (a range of the sorted term list, found by binary
 * search), a phrase by the passages holding all its words, then checked on
 * the passage text. Where the matches are inside a passage is not stored:
 * matchInText finds them, for the hits that are shown (and for notes).
 */
import type { Range } from '../api/contract';
import { tokenize } from '../text';
import { cachedIndexKeys, cachedPrefixSurfaces } from './pipeline';
import type { SearchIndex } from './build';
import { bm25, decodeTerm, findTerm, idf, lowerBound, SURFACE_MARK, TITLE_BOOST } from './postings';
import type { QueryUnit } from './query-parse';

/** How a unit matches one passage. */
export interface UnitMatch {
  /** BM25 weight of what matched (text and title), before unit boosts. */
  weight: number;
  /** Found in the passage text (not only in its document's title). */
  inText: boolean;
}

/** ref → how the unit matches that passage. */
export type UnitMatches = Map<number, UnitMatch>;

/** A prefix may expand to at most this many surfaces (a 2-letter prefix could otherwise expand to thousands). */
export const MAX_PREFIX_EXPANSION = 4096;

/** Calls `visit` for every passage holding the term, with the term's weight there (text + title). */
function forEachPassage(index: SearchIndex, term: string, visit: (ref: number, weight: number, inText: boolean) => void): void {
  const t = findTerm(index.postings.terms, term);
  if (t < 0) return;
  const p = decodeTerm(index.postings, t);
  const passages = index.input.passages;
  let df = p.textRefs.length;
  for (const doc of p.titleDocs) df += index.docPassages[doc]!.length;
  const termIdf = idf(df, passages.length);
  const titleWeight = new Map<number, number>();
  for (let i = 0; i < p.titleDocs.length; i++) {
    const doc = p.titleDocs[i]!;
    titleWeight.set(doc, bm25(termIdf, p.titleTf[i]!, index.postings.titleLengths[doc]!, index.averageTitleLength, TITLE_BOOST));
  }
  const { textLengths } = index.postings;
  const average = index.averageTextLength;
  const seen = titleWeight.size > 0 ? new Set<number>() : null;
  for (let i = 0; i < p.textRefs.length; i++) {
    const ref = p.textRefs[i]!;
    const weight = bm25(termIdf, p.textTf[i]!, textLengths[ref]!, average, 1);
    if (seen) {
      seen.add(ref);
      visit(ref, weight + (titleWeight.get(passages[ref]!.doc) ?? 0), true);
    } else visit(ref, weight, true);
  }
  for (const [doc, weight] of titleWeight) {
    for (const ref of index.docPassages[doc]!) if (!seen!.has(ref)) visit(ref, weight, false);
  }
}

function wordMatches(index: SearchIndex, key: string): UnitMatches {
  const matches: UnitMatches = new Map();
  forEachPassage(index, key, (ref, weight, inText) => matches.set(ref, { weight, inText }));
  return matches;
}

/** Surface terms starting with one of the prefixes (the stripped and the typed form), capped. */
export function expandPrefix(index: SearchIndex, prefixes: readonly string[]): string[] {
  const terms = index.postings.terms;
  const out = new Set<string>();
  for (const prefix of prefixes) {
    const marked = SURFACE_MARK + prefix;
    for (let i = lowerBound(terms, marked); i < terms.length && terms[i]!.startsWith(marked) && out.size < MAX_PREFIX_EXPANSION; i++) out.add(terms[i]!);
  }
  return [...out];
}

function prefixMatches(index: SearchIndex, unit: Extract<QueryUnit, { type: 'prefix' }>): UnitMatches {
  const matches: UnitMatches = new Map();
  // A prefix stands for several words: its best-weighted surface counts.
  for (const term of expandPrefix(index, prefixesOf(unit))) {
    forEachPassage(index, term, (ref, weight, inText) => {
      const found = matches.get(ref);
      if (!found) matches.set(ref, { weight, inText });
      else {
        found.weight = Math.max(found.weight, weight);
        found.inText ||= inText;
      }
    });
  }
  return matches;
}

function phraseMatches(index: SearchIndex, unit: Extract<QueryUnit, { type: 'phrase' }>): UnitMatches {
  // Passages whose text holds every word, rarest word first, then checked on the text.
  const perWord = unit.keys.map((key) => wordMatches(index, key)).sort((a, b) => a.size - b.size);
  const matches: UnitMatches = new Map();
  const [rarest, ...rest] = perWord;
  if (!rarest) return matches;
  for (const [ref, first] of rarest) {
    if (!first.inText) continue;
    let weight = first.weight;
    let all = true;
    for (const other of rest) {
      const found = other.get(ref);
      if (!found?.inText) {
        all = false;
        break;
      }
      weight += found.weight;
    }
    if (all && matchInText(index.input.passages[ref]!.text, [unit])[0]!.length > 0) matches.set(ref, { weight, inText: true });
  }
  return matches;
}

export function unitMatches(index: SearchIndex, unit: QueryUnit): UnitMatches {
  if (unit.type === 'word') return wordMatches(index, unit.key);
  if (unit.type === 'prefix') return prefixMatches(index, unit);
  return phraseMatches(index, unit);
}

/** What a written word's surfaces may start with to match a prefix unit. */
function prefixesOf(unit: Extract<QueryUnit, { type: 'prefix' }>): string[] {
  return unit.surface && unit.surface !== unit.key ? [unit.key, unit.surface] : [unit.key];
}

/** True when a written word matches a prefix unit. */
export function prefixMatchesWord(unit: Extract<QueryUnit, { type: 'prefix' }>, word: string): boolean {
  const prefixes = prefixesOf(unit);
  return cachedPrefixSurfaces(word).some((s) => prefixes.some((p) => s.startsWith(p)));
}

/**
 * The same matching on a free text, token by token: for each unit, the
 * ranges where it occurs in `text` (empty when it does not). This is where
 * the offsets of shown hits come from, and how notes are searched.
 */
export function matchInText(text: string, units: readonly QueryUnit[]): Range[][] {
  // analyze() from src/text, with the cached keys: shown hits are re-read on every keystroke.
  const tokens: { start: number; end: number; text: string; keys: string[] }[] = [];
  for (const t of tokenize(text)) {
    const keys = cachedIndexKeys(t.text);
    if (keys.length > 0) tokens.push({ start: t.start, end: t.end, text: t.text, keys });
  }
  return units.map((unit) => {
    const ranges: Range[] = [];
    if (unit.type === 'word') {
      for (const t of tokens) if (t.keys.includes(unit.key)) ranges.push([t.start, t.end]);
    } else if (unit.type === 'prefix') {
      for (const t of tokens) if (prefixMatchesWord(unit, t.text)) ranges.push([t.start, t.end]);
    } else {
      for (let i = 0; i + unit.keys.length <= tokens.length; i++) {
        if (unit.keys.every((key, k) => tokens[i + k]!.keys.includes(key))) ranges.push([tokens[i]!.start, tokens[i + unit.keys.length - 1]!.end]);
      }
    }
    return ranges;
  });
}
