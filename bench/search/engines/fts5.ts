/**
 * SQLite FTS5 through Node's built-in node:sqlite, tokenizer
 * `unicode61 remove_diacritics 2` (the strongest diacritic folding FTS5 ships).
 * Each query word is a quoted FTS5 string (so user text cannot inject FTS5
 * syntax); words are implicitly ANDed; prefix queries use `"pre"*`.
 * The "serialised index" is the database file itself; loading = opening it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Engine } from './types';

const FILE = 'fts5.sqlite';

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

interface Loaded {
  db: DatabaseSync;
  match: StatementSync;
}

export const fts5: Engine<DatabaseSync, Loaded> = {
  label: 'SQLite FTS5',
  config: "node:sqlite FTS5, tokenize = 'unicode61 remove_diacritics 2'; columns text, title; quoted terms ANDed, \"pre\"* for prefixes",
  build(corpus, dir) {
    // Built straight into the file: for SQLite the on-disk database is the index.
    const file = join(dir, FILE);
    rmSync(file, { force: true });
    const db = new DatabaseSync(file);
    db.exec("CREATE VIRTUAL TABLE passages USING fts5(text, title, tokenize = 'unicode61 remove_diacritics 2')");
    const insert = db.prepare('INSERT INTO passages(rowid, text, title) VALUES (?, ?, ?)');
    db.exec('BEGIN');
    for (const p of corpus) insert.run(p.n, p.text, p.title);
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
    // Opening is lazy; one cheap statement makes the schema and first pages load.
    db.prepare('SELECT count(*) FROM passages').get();
    return { db, match: db.prepare('SELECT rowid FROM passages WHERE passages MATCH ?') };
  },
  search({ match: statement }, query) {
    const match = query.kind === 'prefix' ? `${quote(query.words[0]!)}*` : query.words.map(quote).join(' ');
    return statement.all(match).map((row) => Number(row.rowid));
  },
};
