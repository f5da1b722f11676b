/**
 * Opening the notes database safely: pragmas, recovery, migrations.
 *
 * Guarantees (docs/NOTES.md, "Durability"):
 * - WAL with synchronous=FULL: a COMMIT has reached the disk when it returns,
 *   so an acknowledged write survives a crash or power loss.
 * - A file that is not a database, fails quick_check, or carries a schema
 *   version newer than ours is never written to: it is MOVED aside (renamed,
 *   with its -wal/-shm companions), a notice says where, and a fresh database
 *   is started. The old file stays for recovery.
 * - Before each migration of a database that holds data, a consistent copy
 *   (VACUUM INTO) is written beside it.
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { DatabaseSync as Db } from 'node:sqlite';
import { MIGRATIONS } from './store-schema';

/** The migrations to run; injectable so tests can exercise an upgrade past the current version. */
export type Migrations = ReadonlyArray<(db: Db) => void>;

/** How long a writer waits for another process's transaction before failing (ms). */
export const BUSY_TIMEOUT_MS = 5000;

export type StoreNoticeCode = 'notes-db-corrupt' | 'notes-db-newer' | 'notes-db-migrated';

/** Something the user should be told about their notes database. */
export interface StoreNotice {
  code: StoreNoticeCode;
  message: string;
  /** Where the old file now is (moved aside, or the pre-migration copy). */
  keptAt: string;
}

export interface OpenedDatabase {
  db: DatabaseSync;
  notices: StoreNotice[];
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return Number(row?.user_version ?? 0);
}

function configure(db: DatabaseSync): void {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
  if (mode.journal_mode !== 'wal') throw new Error(`annotations: could not switch the notes database to WAL (got ${mode.journal_mode})`);
  db.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
}

/** Renames `file` (and its WAL/SHM) to `<file>.<label>-<time>`; returns the new path. */
function moveAside(file: string, label: string, now: Date): string {
  const target = `${file}.${label}-${stamp(now)}`;
  renameSync(file, target);
  for (const companion of ['-wal', '-shm']) if (existsSync(file + companion)) renameSync(file + companion, target + companion);
  return target;
}

type Probe = { ok: true; db: DatabaseSync; version: number } | { ok: false; reason: 'corrupt' | 'newer'; detail: string };

function probe(file: string, latest: number): Probe {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file);
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const version = userVersion(db);
    if (version > latest) {
      db.close();
      return { ok: false, reason: 'newer', detail: `schema version ${version}, this Daftar reads up to ${latest}` };
    }
    const check = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    if (check.length !== 1 || check[0]!.quick_check !== 'ok') {
      db.close();
      return { ok: false, reason: 'corrupt', detail: check.map((r) => r.quick_check).slice(0, 3).join('; ') };
    }
    return { ok: true, db, version };
  } catch (error) {
    try {
      db?.close();
    } catch {
      /* already unusable */
    }
    const message = error instanceof Error ? error.message : String(error);
    // Only damage is a reason to move the user's file; a lock, a permission
    // problem or a full disk is reported and the file left where it is.
    if (/not a database|malformed|corrupt/i.test(message)) return { ok: false, reason: 'corrupt', detail: message };
    throw new Error(`annotations: cannot open the notes database ${file}: ${message}`);
  }
}

function migrate(db: DatabaseSync, file: string, from: number, now: Date, notices: StoreNotice[], migrations: Migrations): void {
  for (let version = from; version < migrations.length; version++) {
    if (version > 0) {
      const copy = `${file}.before-v${version + 1}-${stamp(now)}`;
      db.prepare('VACUUM INTO ?').run(copy);
      notices.push({ code: 'notes-db-migrated', message: `annotations: notes database upgraded from version ${version} to ${version + 1}; a copy of the old one was kept`, keptAt: copy });
    }
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have migrated while we waited for the lock.
      if (userVersion(db) !== version) {
        db.exec('ROLLBACK');
        continue;
      }
      migrations[version]!(db);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Opens (or creates) the notes database at `file`, recovering from a bad file as described above. */
export function openDatabase(file: string, now: () => Date, migrations: Migrations = MIGRATIONS): OpenedDatabase {
  const notices: StoreNotice[] = [];
  if (existsSync(file) && statSync(file).size > 0) {
    const probed = probe(file, migrations.length);
    if (probed.ok) {
      configure(probed.db);
      migrate(probed.db, file, probed.version, now(), notices, migrations);
      return { db: probed.db, notices };
    }
    const keptAt = moveAside(file, probed.reason === 'newer' ? 'newer' : 'corrupt', now());
    notices.push(
      probed.reason === 'newer'
        ? { code: 'notes-db-newer', message: `annotations: the notes database was written by a newer Daftar (${probed.detail}); it was moved aside untouched and a new one started`, keptAt }
        : { code: 'notes-db-corrupt', message: `annotations: the notes database could not be read (${probed.detail}); it was moved aside and a new one started`, keptAt },
    );
  }
  const db = new DatabaseSync(file);
  configure(db);
  migrate(db, file, userVersion(db), now(), notices, migrations);
  return { db, notices };
}
