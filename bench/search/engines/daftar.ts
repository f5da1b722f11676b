/**
 * Daftar's own index (src/search), driven exactly as the app drives it:
 * buildSearchIndex → serializeIndex → writeIndexFile to save; readIndexFile
 * (header check, then body) to load; respond() — parse, run, rank, group by
 * document, match offsets for the page of hits shown (DEFAULT_LIMIT, 50) — for
 * every query, with the query text as typed. Recall is measured on every
 * ranked hit (respondWithHits), not only on the page.
 *
 * The corpus maps onto Daftar's model as one document per chapter and
 * language, each verse a passage (block). The serialised index holds the
 * passage texts too (hits need them for snippets without reading the archive),
 * so its size includes the corpus text, which the other engines (except FTS5,
 * which stores its content) do not carry.
 */
import { join } from 'node:path';
import { buildSearchIndex, type SearchIndex } from '../../../src/search/build';
import { readIndexFile, serializeIndex, writeIndexFile } from '../../../src/search/index-store';
import type { IndexInput } from '../../../src/search/passages';
import { DEFAULT_LIMIT, respondWithHits } from '../../../src/search/respond';
import type { Engine } from './types';

const FILE = 'search-index.jsonl';
const HASH = 'bench';

export const daftar: Engine<SearchIndex, SearchIndex> = {
  label: 'Daftar',
  config: 'src/search: own varint postings with Lunr-style BM25 over the Daftar analysis (offset-keeping tokenizer, normaliser, Arabic light stemmer with clitic index keys, prefix surfaces, Porter for Latin); fields text, title; queries through respond() (parser: all words required, word*), offsets for the 50 shown hits, recall on all ranked hits',
  build(corpus) {
    const input: IndexInput = { documents: [], passages: [] };
    const docs = new Map<string, number>();
    for (const p of corpus) {
      const key = `${p.lang}:${p.title}`;
      let doc = docs.get(key);
      if (doc === undefined) {
        doc = input.documents.length;
        docs.set(key, doc);
        input.documents.push({ id: `d${doc}`, title: p.title });
      }
      input.passages.push({ doc, blockId: String(p.n), lang: p.lang, start: 0, text: p.text });
    }
    return buildSearchIndex(input, HASH);
  },
  save(index, dir) {
    const file = join(dir, FILE);
    writeIndexFile(file, serializeIndex(index));
    return [file];
  },
  load(dir) {
    const outcome = readIndexFile(join(dir, FILE), HASH);
    if (!outcome.ok) throw new Error(`bench: Daftar index did not load (${outcome.reason}): ${outcome.message}`);
    return outcome.index;
  },
  search(index, query) {
    const status = { state: 'ready' as const, progress: 1, documents: index.input.documents.length, passages: index.input.passages.length };
    const { hits } = respondWithHits({ query: query.text, limit: DEFAULT_LIMIT, index, notes: [], status });
    return hits.map((hit) => Number(index.input.passages[hit.ref]!.blockId));
  },
};
