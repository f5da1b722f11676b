/**
 * Stock lunr 2.3.9 with lunr-languages' Arabic plugin, used the way its README
 * shows: `this.use(lunr.ar)`, queries through `idx.search` (Lunr syntax, so
 * required words are written `+word` and prefixes `word*`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import type { Engine } from './types';

// lunr-languages are CommonJS plugins that patch the lunr object they are given.
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.ar')(lunr);

const plugin = (lunr as unknown as { ar: lunr.Builder.Plugin }).ar;

export const lunrAr: Engine<lunr.Index, lunr.Index> = {
  label: 'lunr + lunr.ar',
  config: 'lunr 2.3.9 + lunr-languages lunr.ar (stock pipeline, stop words, root stemmer); fields text, title; queries via idx.search with +word / word*',
  build(corpus) {
    return lunr(function () {
      this.use(plugin);
      this.ref('n');
      this.field('text');
      this.field('title');
      for (const p of corpus) this.add({ n: String(p.n), text: p.text, title: p.title });
    });
  },
  save(index, dir) {
    const file = join(dir, 'lunr-ar.json');
    writeFileSync(file, JSON.stringify(index));
    return [file];
  },
  load(dir) {
    return lunr.Index.load(JSON.parse(readFileSync(join(dir, 'lunr-ar.json'), 'utf8')));
  },
  search(index, query) {
    const text = query.kind === 'prefix' ? query.text : query.words.map((w) => `+${w}`).join(' ');
    return index.search(text).map((r) => Number(r.ref));
  },
};
