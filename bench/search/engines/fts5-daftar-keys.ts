/**
 * A sketch, not a product: SQLite FTS5 fed Daftar's own analysis (src/text).
 * Each passage is stored as two contentless columns: its index keys
 * (analyze → indexKeys: normalised, light-stemmed, clitic variants) and its
 * prefix surfaces (prefixSurfaces); a query word is looked up by queryKey, a
 * prefix by prefixKey, exactly as Daftar's parser does. It answers passage ids
 * only (no match offsets, no Daftar ranking), so it is not a drop-in
 * replacement; it is here to separate what the normalisation costs from what
 * Lunr costs, for the search core's choice of "how Lunr is used".
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { analyze, prefixKey, prefixSurfaces, queryKey } from '../../../src/text';
import type { Engine } from './types';

const FILE = 'fts5-daftar.sqlite';

interface Loaded {
  db: DatabaseSync;
  match: StatementSync;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const fts5DaftarKeys: Engine<DatabaseSync, Loaded> = {
  label: 'FTS5 + Daftar keys (sketch)',
  config: "node:sqlite FTS5 (contentless, unicode61) over Daftar's analysis: index keys and prefix surfaces from src/text, queries by queryKey / prefixKey; ids only, no offsets or Daftar ranking",
  build(corpus, dir) {
    const file = join(dir, FILE);
    rmSync(file, { force: true });
    const db = new DatabaseSync(file);
    db.exec("CREATE VIRTUAL TABLE passages USING fts5(keys, surfaces, content = '', tokenize = 'unicode61 remove_diacritics 0')");
    const insert = db.prepare('INSERT INTO passages(rowid, keys, surfaces) VALUES (?, ?, ?)');
    db.exec('BEGIN');
    for (const p of corpus) {
      const tokens = analyze(`${p.title} ${p.text}`);
      insert.run(p.n, tokens.map((t) => t.keys.join(' ')).join(' '), tokens.map((t) => prefixSurfaces(t.text).join(' ')).join(' '));
    }
    db.exec('COMMIT');
    db.exec("INSERT INTO passages(passages) VALUES ('optimize')");
    return db;
  },
  save(db, dir) {
    db.close();
    return [join(dir, FILE)];
  },
  load(dir) {
    const db = new DatabaseSync(join(dir, FILE), { readOnly: true });
    db.prepare('SELECT count(*) FROM passages').get();
    return { db, match: db.prepare('SELECT rowid FROM passages WHERE passages MATCH ?') };
  },
  search({ match }, query) {
    const expression =
      query.kind === 'prefix'
        ? `surfaces : ${quote(prefixKey(query.words[0]!))}*`
        : query.words
            .map(queryKey)
            .filter((k) => k !== '')
            .map((k) => `keys : ${quote(k)}`)
            .join(' AND ');
    if (expression === '' || /: ""\*?$/.test(expression)) return [];
    return match.all(expression).map((row) => Number(row.rowid));
  },
};
