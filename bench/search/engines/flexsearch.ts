/**
 * FlexSearch 0.8 `Index` with default options (tokenize 'strict': whole words
 * only, so prefix queries get no special treatment — that is its default).
 * The passage and its title are indexed as one string, as a plain Index holds
 * one text per id. Multi-word queries are intersected (FlexSearch's default).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import type { Engine } from './types';

type Index = InstanceType<typeof FlexSearch.Index>;

/** Larger than any corpus: recall is measured on the whole answer. */
const NO_LIMIT = 1_000_000;

export const flexSearch: Engine<Index, Index> = {
  label: 'FlexSearch',
  config: 'FlexSearch 0.8 Index defaults (tokenize strict, default encoder); title + text as one string; limit 1e6',
  build(corpus) {
    const index = new FlexSearch.Index();
    for (const p of corpus) index.add(p.n, `${p.title} ${p.text}`);
    return index;
  },
  save(index, dir) {
    const parts: Record<string, string> = {};
    index.export((key: string, data: string) => {
      parts[key] = data;
    });
    const file = join(dir, 'flexsearch.json');
    writeFileSync(file, JSON.stringify(parts));
    return [file];
  },
  load(dir) {
    const parts = JSON.parse(readFileSync(join(dir, 'flexsearch.json'), 'utf8')) as Record<string, string>;
    const index = new FlexSearch.Index();
    for (const [key, data] of Object.entries(parts)) index.import(key, data);
    return index;
  },
  search(index, query) {
    return (index.search(query.words.join(' '), { limit: NO_LIMIT }) as (string | number)[]).map(Number);
  },
};
