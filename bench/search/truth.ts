/**
 * Ground truth and scoring. A passage is relevant to a query when, for every
 * query word, it contains a token whose normalised form equals the word's
 * normalised form (for a prefix query: starts with it). Exact normalised
 * words, no stemming: an engine that stems may find more, which shows up as
 * lower precision, not as higher recall.
 */
import type { Passage } from './corpus';
import type { BenchQuery } from './queries';

/** Turns text into normalised word forms; which normaliser is used is reported with the results. */
export interface TruthText {
  name: string;
  words(text: string): string[];
  normalise(word: string): string;
}

export class GroundTruth {
  private readonly postings = new Map<string, Set<number>>();

  constructor(corpus: readonly Passage[], private readonly text: TruthText) {
    for (const passage of corpus) {
      for (const word of text.words(passage.text)) {
        if (word.length === 0) continue;
        let set = this.postings.get(word);
        if (!set) this.postings.set(word, (set = new Set()));
        set.add(passage.n);
      }
    }
  }

  relevant(query: BenchQuery): Set<number> {
    const sets = query.words.map((w) => this.matching(this.text.normalise(w), query.kind === 'prefix'));
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    const out = new Set<number>();
    for (const n of smallest ?? []) if (rest.every((s) => s.has(n))) out.add(n);
    return out;
  }

  private matching(norm: string, prefix: boolean): Set<number> {
    if (!prefix) return this.postings.get(norm) ?? new Set();
    const out = new Set<number>();
    for (const [word, set] of this.postings) if (word.startsWith(norm)) for (const n of set) out.add(n);
    return out;
  }
}

export interface Quality {
  /** Mean over queries of |found ∩ relevant| / |relevant| (queries with no relevant passage skipped). */
  recall: number;
  /** Mean over queries that returned something of |found ∩ relevant| / |found|. */
  precision: number;
  /** Queries with relevant passages that returned nothing at all. */
  emptyQueries: number;
  /** Queries that threw in the engine (counted as returning nothing). */
  failedQueries: number;
  judged: number;
}

export function score(truth: GroundTruth, queries: readonly BenchQuery[], found: readonly (number[] | null)[]): Quality {
  let recallSum = 0;
  let judged = 0;
  let precisionSum = 0;
  let answered = 0;
  let emptyQueries = 0;
  let failedQueries = 0;
  queries.forEach((query, i) => {
    const result = found[i];
    if (result === null || result === undefined) failedQueries++;
    const ids = new Set(result ?? []);
    const relevant = truth.relevant(query);
    let hit = 0;
    for (const n of ids) if (relevant.has(n)) hit++;
    if (relevant.size > 0) {
      judged++;
      recallSum += hit / relevant.size;
      if (ids.size === 0) emptyQueries++;
    }
    if (ids.size > 0) {
      answered++;
      precisionSum += hit / ids.size;
    }
  });
  return {
    recall: judged ? recallSum / judged : 0,
    precision: answered ? precisionSum / answered : 0,
    emptyQueries,
    failedQueries,
    judged,
  };
}
