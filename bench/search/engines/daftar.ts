/**
 * Daftar's own index (src/search), driven exactly as the app drives it:
 * buildSearchIndex → serializeIndex → writeIndexFile to save; readIndexFile
 * (header check, then body) to load; respond() — parse, run, map match offsets,
 * group by document — for every query, with the query text as typed.
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
import { respond } from '../../../src/search/respond';
import type { Engine } from './types';

const FILE = 'search-index.jsonl';
const HASH = 'bench';

export const daftar: Engine<SearchIndex, SearchIndex> = {
  label: 'Daftar',
  config: 'src/search: Lunr with Daftar pipeline (offset-keeping tokenizer, normaliser, Arabic light stemmer with clitic index keys, Porter for Latin); fields text, title; queries through respond() (parser: all words required, word*), no result limit',
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
    const response = respond({ query: query.text, limit: Number.MAX_SAFE_INTEGER, index, notes: [], status });
    const out: number[] = [];
    for (const group of response.groups) for (const hit of group.hits) out.push(Number(hit.passageId));
    return out;
  },
};
