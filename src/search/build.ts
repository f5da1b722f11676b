/**
 * Builds the search index over passages. Pure and synchronous: the worker
 * (worker.ts) runs it off the UI thread, tests and the archive build script
 * run it in-process. A passage's ref is its position in `input.passages`.
 *
 * Each word of a passage (and of its document's title and publisher) is
 * counted under every index key (src/text indexKeys) and every prefix surface
 * (prefixSurfaces, marked with SURFACE_MARK); postings.ts stores the counts
 * and computes Lunr's BM25 weights from them when a query reads them.
 */
import { tokenize } from '../text';
import type { IndexInput } from './passages';
import { cachedIndexKeys, cachedPrefixSurfaces } from './pipeline';
import { SURFACE_MARK, writeVarint, type Postings } from './postings';

export interface SearchIndex {
  input: IndexInput;
  /** Library.contentHash() of what was indexed. */
  contentHash: string;
  postings: Postings;
  /** Derived when built or loaded (not stored): passages of each document, in order. */
  docPassages: number[][];
  averageTextLength: number;
  averageTitleLength: number;
}

export type BuildProgress = (done: number, total: number) => void;

/** How often (in passages) progress is reported. */
const PROGRESS_EVERY = 250;

export function titleFieldOf(doc: { title: string; publisher?: string }): string {
  return doc.publisher ? `${doc.title}\n${doc.publisher}` : doc.title;
}

const markedCache = new Map<string, string[]>();

/** Prefix surfaces of a written word, as marked terms. */
function surfaceTerms(word: string): string[] {
  let terms = markedCache.get(word);
  if (terms === undefined) {
    if (markedCache.size >= 50_000) markedCache.clear();
    terms = cachedPrefixSurfaces(word).map((s) => SURFACE_MARK + s);
    markedCache.set(word, terms);
  }
  return terms;
}

/** Term counts of one field; `length` counts index keys only, as Lunr's field length did. */
function countTerms(text: string): { length: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let length = 0;
  for (const token of tokenize(text)) {
    const keys = cachedIndexKeys(token.text);
    if (keys.length === 0) continue;
    length += keys.length;
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const surface of surfaceTerms(token.text)) counts.set(surface, (counts.get(surface) ?? 0) + 1);
  }
  return { length, counts };
}

/** Adds what is derived from the stored parts (document → passages, average field lengths). */
export function completeIndex(input: IndexInput, contentHash: string, postings: Postings): SearchIndex {
  const docPassages: number[][] = input.documents.map(() => []);
  let text = 0;
  let title = 0;
  input.passages.forEach((passage, ref) => {
    docPassages[passage.doc]!.push(ref);
    text += postings.textLengths[ref]!;
    title += postings.titleLengths[passage.doc]!;
  });
  const n = Math.max(1, input.passages.length);
  return { input, contentHash, postings, docPassages, averageTextLength: text / n, averageTitleLength: title / n };
}

export function buildSearchIndex(input: IndexInput, contentHash: string, onProgress?: BuildProgress): SearchIndex {
  const total = input.passages.length;
  // term → flat [id, tf, id, tf…] per field, ids ascending by construction.
  const byTerm = new Map<string, { text: number[]; title: number[] }>();
  const entry = (term: string) => {
    let e = byTerm.get(term);
    if (!e) {
      e = { text: [], title: [] };
      byTerm.set(term, e);
    }
    return e;
  };
  const textLengths = new Uint32Array(total);
  input.passages.forEach((passage, i) => {
    if (!input.documents[passage.doc]) throw new Error(`search: passage ${i} points at document ${passage.doc}, which is not in the input`);
    const { length, counts } = countTerms(passage.text);
    textLengths[i] = length;
    for (const [term, tf] of counts) entry(term).text.push(i, tf);
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, total);
  });
  const titleLengths = new Uint32Array(input.documents.length);
  input.documents.forEach((doc, d) => {
    const { length, counts } = countTerms(titleFieldOf(doc));
    titleLengths[d] = length;
    for (const [term, tf] of counts) entry(term).title.push(d, tf);
  });

  const terms = [...byTerm.keys()].sort();
  const bytes: number[] = [];
  const offsets = new Uint32Array(terms.length + 1);
  const chunks: Uint8Array[] = [];
  let written = 0;
  terms.forEach((term, t) => {
    offsets[t] = written + bytes.length;
    const { text, title } = byTerm.get(term)!;
    for (const flat of [text, title]) {
      writeVarint(bytes, flat.length / 2);
      let previous = 0;
      for (let i = 0; i < flat.length; i += 2) {
        writeVarint(bytes, flat[i]! - previous);
        previous = flat[i]!;
        writeVarint(bytes, flat[i + 1]!);
      }
    }
    // Flush now and then: one huge number[] costs more memory than the bytes.
    if (bytes.length > 1 << 20) {
      chunks.push(Uint8Array.from(bytes));
      written += bytes.length;
      bytes.length = 0;
    }
  });
  chunks.push(Uint8Array.from(bytes));
  written += bytes.length;
  offsets[terms.length] = written;
  const data = new Uint8Array(written);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.length;
  }
  onProgress?.(total, total);
  return completeIndex(input, contentHash, { terms, data, offsets, textLengths, titleLengths });
}
