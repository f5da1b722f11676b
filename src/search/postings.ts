/**
 * Daftar's inverted index in memory and on disk: a sorted term list and one
 * byte string of varint-coded postings. It replaces Lunr's serialised index
 * (format ≤ 2), whose per-occurrence position objects and BM25 field vectors
 * made a 25k-passage file 37 MB and 2.7 s of CPU to load (docs/SEARCH.md).
 *
 * A term is an index key (stem, clitic variant: src/text indexKeys) or, marked
 * with SURFACE_MARK, a surface a prefix query compares (src/text
 * prefixSurfaces). Per term, in order:
 *   varint n, then n × (passage ref − previous ref, tf) for the passage text;
 *   varint m, then m × (document − previous document, tf) for the titles.
 * Titles are per document (every passage of a document shares its title), so
 * a title word is stored once, not once per passage.
 *
 * Weights are computed when a posting is read, with Lunr's BM25 (k1 1.2,
 * b 0.75, idf log(1 + (N − df + 0.5)/(df + 0.5)), rounded to 3 decimals), so
 * scores are what Lunr's field vectors held, without storing those vectors.
 * No positions: match offsets are computed for the hits shown, by analysing
 * those passages again (respond.ts, lookup.ts matchInText).
 */

/** Marks a prefix surface in the term list; sorts before every letter. */
export const SURFACE_MARK = '\u0001';
const K1 = 1.2;
const B = 0.75;
export const TITLE_BOOST = 3;

export interface Postings {
  /** Sorted term list (String `<` order). */
  terms: string[];
  /** Varint stream, one record per term (layout above). */
  data: Uint8Array;
  /** Byte offset of each term's record; length terms.length + 1. */
  offsets: Uint32Array;
  /** Number of keys emitted for each passage's text (Lunr's field length). */
  textLengths: Uint32Array;
  /** Number of keys emitted for each document's title field. */
  titleLengths: Uint32Array;
}

/** Index of `term` in the sorted list, or −1. */
export function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = terms[mid]!;
    if (at === term) return mid;
    if (at < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index whose term is ≥ `term`. */
export function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** One term's postings, decoded. */
export interface TermPostings {
  textRefs: number[];
  textTf: number[];
  titleDocs: number[];
  titleTf: number[];
}

export function decodeTerm(p: Postings, termIndex: number): TermPostings {
  const data = p.data;
  let at = p.offsets[termIndex]!;
  const end = p.offsets[termIndex + 1]!;
  const read = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (at >= end) throw new Error(`search: the postings of term ${termIndex} are truncated`);
      const byte = data[at++]!;
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 128;
    }
  };
  const out: TermPostings = { textRefs: [], textTf: [], titleDocs: [], titleTf: [] };
  for (const [ids, tfs] of [[out.textRefs, out.textTf], [out.titleDocs, out.titleTf]] as const) {
    const count = read();
    let previous = 0;
    for (let i = 0; i < count; i++) {
      previous += read();
      ids.push(previous);
      tfs.push(read());
    }
  }
  return out;
}

/** Lunr's idf: `df` counts (passage, field) pairs holding the term. */
export function idf(df: number, passages: number): number {
  return Math.log(1 + Math.abs((passages - df + 0.5) / (df + 0.5)));
}

/** Lunr's BM25 weight of a term in one field of one passage, rounded as Lunr stores it. */
export function bm25(idfValue: number, tf: number, fieldLength: number, averageLength: number, boost: number): number {
  const norm = averageLength > 0 ? fieldLength / averageLength : 1;
  const score = ((idfValue * ((K1 + 1) * tf)) / (K1 * (1 - B + B * norm) + tf)) * boost;
  return Math.round(score * 1000) / 1000;
}
