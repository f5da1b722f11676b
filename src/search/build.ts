/**
 * Builds the Lunr index over passages. Pure and synchronous: the worker
 * (worker.ts) runs it off the UI thread, tests and the archive build script
 * run it in-process. One Lunr document per passage, ref = the passage's
 * position in `input.passages` (short refs keep the serialised index small).
 */
import type lunr from 'lunr';
import { createBuilder, FIELDS } from './pipeline';
import type { IndexInput } from './passages';

export interface SearchIndex {
  lunr: lunr.Index;
  input: IndexInput;
  /** Library.contentHash() of what was indexed. */
  contentHash: string;
}

export type BuildProgress = (done: number, total: number) => void;

/** How often (in passages) progress is reported. */
const PROGRESS_EVERY = 250;

export function titleFieldOf(doc: { title: string; publisher?: string }): string {
  return doc.publisher ? `${doc.title}\n${doc.publisher}` : doc.title;
}

export function buildSearchIndex(input: IndexInput, contentHash: string, onProgress?: BuildProgress): SearchIndex {
  const builder = createBuilder();
  const total = input.passages.length;
  input.passages.forEach((passage, i) => {
    const doc = input.documents[passage.doc];
    if (!doc) throw new Error(`search: passage ${i} points at document ${passage.doc}, which is not in the input`);
    builder.add({ id: String(i), [FIELDS.text]: passage.text, [FIELDS.title]: titleFieldOf(doc) });
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, total);
  });
  const index = builder.build();
  onProgress?.(total, total);
  return { lunr: index, input, contentHash };
}
