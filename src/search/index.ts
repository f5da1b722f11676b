/**
 * The search core's public surface, for the service part, the build script and
 * the benchmark. Everything else in src/search is internal.
 *
 *   const index = buildSearchIndex({ documents, passages }, contentHash);
 *   const text = serializeIndex(index);            // one file, header + body
 *   const loaded = parseIndex(text, contentHash);  // { ok, index } or { ok: false, reason, message }
 *   const { mode, hits } = runQuery(index, parseQuery('الجيش "أزور" -أمازون'), { matchesFor: 50 });
 *   hits[i].ref → index.input.passages[ref]; hits[i].matches → [start, end) in that passage's text
 *   (null past matchesFor: offsets are computed for the hits shown)
 */
export { buildSearchIndex, type SearchIndex, type BuildProgress } from './build';
export { indexInputOf, type IndexInput, type IndexedDocument, type Passage } from './passages';
export { serializeIndex, parseIndex, readIndexFile, writeIndexFile, INDEX_FILE_NAME, INDEX_FORMAT_VERSION, type LoadOutcome } from './index-store';
export { parseQuery, type ParsedQuery, type QueryUnit } from './query-parse';
export { runQuery, type RankedHit, type QueryOutcome } from './query';
export { respond } from './respond';
export { findInText, prepareFindText } from './find';
export { writeBundledIndex, ARCHIVE_INDEX_DIR } from './bundle-index';
export type { NotesSearchSource, NoteForSearch } from './notes-source';
