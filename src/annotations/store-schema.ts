/**
 * The notes database schema and its migrations, versioned by PRAGMA user_version.
 *
 * MIGRATIONS[i] takes a database at version i to version i + 1. Version 0 is
 * an empty file. A database whose user_version is above SCHEMA_VERSION was
 * written by a newer Daftar: store-open.ts moves it aside rather than guess
 * at its shape. Never edit a shipped migration; append a new one.
 */
import type { DatabaseSync } from 'node:sqlite';

export const SCHEMA_VERSION = 1;

export const MIGRATIONS: ReadonlyArray<(db: DatabaseSync) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE annotations (
        id           TEXT PRIMARY KEY NOT NULL,
        doc_id       TEXT NOT NULL,
        created      TEXT NOT NULL,
        modified     TEXT NOT NULL,
        motivation   TEXT NOT NULL,
        color        TEXT NOT NULL,
        note         TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        -- JSON array of W3C selectors (TextQuoteSelector, TextPositionSelector).
        selectors    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX annotations_by_doc ON annotations (doc_id);
      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE ON UPDATE CASCADE,
        position      INTEGER NOT NULL,
        tag           TEXT NOT NULL,
        PRIMARY KEY (annotation_id, position)
      ) STRICT;
      CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag);
    `);
  },
];

if (MIGRATIONS.length !== SCHEMA_VERSION) throw new Error(`annotations: ${MIGRATIONS.length} migrations for schema version ${SCHEMA_VERSION}`);
