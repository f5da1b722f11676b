/**
 * The index keys and prefix surfaces of written words, cached for building
 * and for finding the offsets of shown hits. Word frequencies are
 * Zipfian: a small cache removes most of the normalising and stemming work
 * when a whole library is indexed. Cleared when full rather than LRU: simpler,
 * and the next passages refill it with the words that matter.
 *
 * (Up to index format 2 this module configured a Lunr builder; Daftar now
 * keeps its own postings, see postings.ts and docs/SEARCH.md.)
 */
import { indexKeys, prefixSurfaces } from '../text';

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

const surfaceCache = new Map<string, string[]>();

/** prefixSurfaces(word), deduplicated, without empty surfaces; cached like the keys. */
export function cachedPrefixSurfaces(word: string): string[] {
  let surfaces = surfaceCache.get(word);
  if (surfaces === undefined) {
    if (surfaceCache.size >= KEY_CACHE_LIMIT) surfaceCache.clear();
    surfaces = [...new Set(prefixSurfaces(word))].filter((x) => x !== '');
    surfaceCache.set(word, surfaces);
  }
  return surfaces;
}
