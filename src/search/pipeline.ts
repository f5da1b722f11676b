/**
 * Daftar's Lunr configuration: the tokenizer, the pipeline functions and the
 * builder settings. Importing this module registers the pipeline functions
 * with lunr.Pipeline.registerFunction, which lunr.Index.load requires before it
 * can read a serialised index; index-store.ts imports it for that reason.
 *
 * What replaces Lunr's defaults, and why (docs/SEARCH.md):
 * - tokenizer: src/text's, which splits on Arabic punctuation and slashes and
 *   reports positions on the ORIGINAL string (Lunr's lowercases first, then
 *   measures, and splits only on spaces and hyphens);
 * - index pipeline: one function that normalises and stems, emitting every
 *   index key of a word (stem + clitic variants) at the same position; no
 *   trimmer (it deletes Arabic letters) and no stop-word filter (Arabic
 *   function words carry meaning in phrases, and removing them hurt recall);
 * - search pipeline: the query-side key. Daftar never sends user text through
 *   idx.search (Lunr's query syntax would throw on `:` or `^`) and does not
 *   call idx.query either: query.ts reads the inverted index, the token set and
 *   the BM25 field vectors directly (lookup.ts says why). The search pipeline
 *   is kept so a loaded index is complete, and lunr.QueryLexer.termSeparator is
 *   left alone because no Lunr query string is ever parsed.
 */
import lunr from 'lunr';
import { indexKeys, queryKey, tokenize } from '../text';

export const INDEX_FUNCTION_LABEL = 'daftar-index-keys';
export const QUERY_FUNCTION_LABEL = 'daftar-query-key';

/** Fields of a Lunr document (one per passage). */
export const FIELDS = { text: 'text', title: 'title' } as const;
/** A word in the document's title or publisher counts this much more than one in the passage. */
export const TITLE_BOOST = 3;

// Word frequencies are Zipfian: a small cache removes most of the stemming work
// when building. Cleared when full rather than LRU: simpler, and the next
// passages refill it with the words that matter.
const KEY_CACHE_LIMIT = 50_000;
const keyCache = new Map<string, string[]>();

export function cachedIndexKeys(word: string): string[] {
  let keys = keyCache.get(word);
  if (keys === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keys = indexKeys(word);
    keyCache.set(word, keys);
  }
  return keys;
}

/** Index pipeline: a written word → one token per index key, all at the word's position. */
export const indexKeysFunction: lunr.PipelineFunction = (token) => {
  const keys = cachedIndexKeys(token.toString());
  if (keys.length === 0) return undefined as unknown as lunr.Token;
  if (keys.length === 1) return token.update(() => keys[0]!);
  return keys.map((key) => token.clone(() => key)) as unknown as lunr.Token;
};

/** Search pipeline: a typed word → its query key. */
export const queryKeyFunction: lunr.PipelineFunction = (token) => {
  const key = queryKey(token.toString());
  return (key === '' ? undefined : token.update(() => key)) as lunr.Token;
};

lunr.Pipeline.registerFunction(indexKeysFunction, INDEX_FUNCTION_LABEL);
lunr.Pipeline.registerFunction(queryKeyFunction, QUERY_FUNCTION_LABEL);

/** Lunr tokenizer over src/text's tokenizer: tokens carry `position: [start, length]` in the original field text. */
export function lunrTokenizer(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = String(value);
  return tokenize(text).map((t) => new lunr.Token(t.text, { position: [t.start, t.end - t.start], index: t.index }));
}

/** A builder configured for Daftar passages: ref `id`, fields text and title, positions kept. */
export function createBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(indexKeysFunction);
  builder.searchPipeline.add(queryKeyFunction);
  builder.metadataWhitelist = ['position'];
  (builder as unknown as { tokenizer: typeof lunrTokenizer }).tokenizer = lunrTokenizer;
  builder.ref('id');
  builder.field(FIELDS.text);
  builder.field(FIELDS.title, { boost: TITLE_BOOST });
  return builder;
}
