/**
 * MiniSearch 7 with its default tokenizer and term processing (lowercase
 * only), the way its README shows. Required words: combineWith 'AND'; prefix
 * queries: `prefix: true`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { Engine } from './types';

interface Doc {
  id: number;
  text: string;
  title: string;
}

const OPTIONS = { fields: ['text', 'title'], idField: 'id' };

export const miniSearch: Engine<MiniSearch<Doc>, MiniSearch<Doc>> = {
  label: 'MiniSearch',
  config: 'MiniSearch 7.2 defaults (Unicode space/punctuation tokenizer, lowercase); fields text, title; combineWith AND; prefix: true for word*',
  build(corpus) {
    const ms = new MiniSearch<Doc>(OPTIONS);
    ms.addAll(corpus.map((p) => ({ id: p.n, text: p.text, title: p.title })));
    return ms;
  },
  save(ms, dir) {
    const file = join(dir, 'minisearch.json');
    writeFileSync(file, JSON.stringify(ms));
    return [file];
  },
  load(dir) {
    return MiniSearch.loadJSON<Doc>(readFileSync(join(dir, 'minisearch.json'), 'utf8'), OPTIONS);
  },
  search(ms, query) {
    return ms.search(query.words.join(' '), { combineWith: 'AND', prefix: query.kind === 'prefix' }).map((r) => Number(r.id));
  },
};
