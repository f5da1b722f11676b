import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../../src/api/contract';
import { ApiError } from '../../../src/api/errors';
import { describe } from '../../../src/annotations/describe';
import { createAnnotation, nextModified } from '../../../src/annotations/model';
import { openAnnotationStore, type AnnotationStore } from '../../../src/annotations/store';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/annotations/store-schema';

const TEXT = 'أعلنت مايكروسوفت إنهاء التعاون مع الوحدة 8200 من الجيش.';
let dir: string;
let file: string;
const logs: { level: string; message: string; code?: string }[] = [];
const log = (level: 'info' | 'warn' | 'error', message: string, code?: string) => void logs.push({ level, message, code });
const open = (extra: Partial<Parameters<typeof openAnnotationStore>[1]> = {}) => openAnnotationStore(file, { now: () => new Date('2026-01-01T00:00:00Z'), log, ...extra });
const note = (overrides: Partial<Annotation> = {}, text = 'first note') =>
  ({ ...createAnnotation({ docId: 'article', contentHash: 'h1', selectors: describe(TEXT, 6, 16), color: 'yellow', note: text, tags: ['مصدر', 'cloud'], now: new Date('2026-01-01T00:00:00Z') }), ...overrides }) as Annotation;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-store-'));
  file = join(dir, 'daftar.sqlite');
  logs.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pragma(name: string): unknown {
  const db = new DatabaseSync(file);
  try {
    return Object.values(db.prepare(`PRAGMA ${name}`).get() as object)[0];
  } finally {
    db.close();
  }
}

suite('store: basics', () => {
  let store: AnnotationStore;
  beforeEach(() => (store = open()));
  afterEach(() => store.close());

  it('round-trips an annotation exactly, tags in order, Arabic intact', () => {
    const a = note();
    store.insert(a);
    expect(store.get(a.id)).toEqual(a);
    expect(store.list('article')).toEqual([a]);
    expect(store.list('other')).toEqual([]);
  });

  it('uses WAL, foreign keys, and records the schema version', () => {
    store.insert(note());
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('user_version')).toBe(SCHEMA_VERSION);
    const db = new DatabaseSync(file);
    db.exec('PRAGMA foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO annotation_tags VALUES ('urn:uuid:none', 0, 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a duplicate id with a conflict and keeps the first', () => {
    const a = note();
    store.insert(a);
    expect(() => store.insert({ ...a, body: { note: 'other', tags: [] } })).toThrow(/already exists/);
    expect(store.get(a.id)!.body.note).toBe('first note');
  });

  it('update: optimistic check on modified gives a conflict, and nothing changes', () => {
    const a = note();
    store.insert(a);
    const b = store.update(a.id, (c) => ({ ...c, modified: nextModified(c.modified, new Date(0)), body: { ...c.body, note: 'edited' } }), a.modified);
    expect(b.body.note).toBe('edited');
    let error: unknown;
    try {
      store.update(a.id, (c) => ({ ...c, body: { ...c.body, note: 'stale edit' } }), a.modified);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('conflict');
    expect(store.get(a.id)!.body.note).toBe('edited');
  });

  it('update and delete of an unknown id are not-found', () => {
    expect(() => store.update('urn:uuid:00000000-0000-4000-8000-000000000000', (c) => c)).toThrow(/no note with id/);
    expect(() => store.delete('urn:uuid:00000000-0000-4000-8000-000000000000')).toThrow(/no note with id/);
  });

  it('an update that produces an invalid annotation throws and leaves the row as it was', () => {
    const a = note();
    store.insert(a);
    expect(() => store.update(a.id, (c) => ({ ...c, body: { note: 'x'.repeat(20_001), tags: [] } }))).toThrow(/at most 20000/);
    expect(() => store.update(a.id, (c) => ({ ...c, target: { ...c.target, selector: [{ type: 'TextPositionSelector', start: 9, end: 3 }] } }))).toThrow(/not after start/);
    expect(store.get(a.id)).toEqual(a);
  });

  it('delete returns the before-image and removes its tags (cascade)', () => {
    const a = note();
    store.insert(a);
    expect(store.delete(a.id)).toEqual(a);
    expect(store.get(a.id)).toBeUndefined();
    const db = new DatabaseSync(file);
    expect((db.prepare('SELECT count(*) AS n FROM annotation_tags').get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('a transaction that throws commits nothing', () => {
    const a = note();
    const b = note({ id: 'urn:uuid:11111111-1111-4111-8111-111111111111' });
    expect(() =>
      store.transaction(() => {
        store.insert(a);
        store.insert(b);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.list()).toEqual([]);
  });

  it('a row edited outside Daftar into something invalid is skipped and reported, not returned', () => {
    const a = note();
    store.insert(a);
    const db = new DatabaseSync(file);
    db.prepare("UPDATE annotations SET color = 'orange' WHERE id = ?").run(a.id);
    db.close();
    expect(store.list()).toEqual([]);
    expect(logs.some((l) => l.code === 'notes-row-invalid' && l.message.includes(a.id))).toBe(true);
  });
});

suite('store: two instances on one file (two windows / hosts)', () => {
  it('interleaved read-modify-write updates of different fields are all kept', () => {
    const one = open();
    const two = open();
    const a = note();
    one.insert(a);
    for (let i = 0; i < 12; i++) {
      one.update(a.id, (c) => ({ ...c, body: { ...c.body, tags: [...c.body.tags, `one-${i}`] } }));
      two.update(a.id, (c) => ({ ...c, body: { ...c.body, tags: [...c.body.tags, `two-${i}`] } }));
    }
    const tags = one.get(a.id)!.body.tags;
    expect(tags.filter((t) => t.startsWith('one-'))).toHaveLength(12);
    expect(tags.filter((t) => t.startsWith('two-'))).toHaveLength(12);
    one.close();
    two.close();
  });

  it('a client editing a stale copy gets a conflict instead of overwriting', () => {
    const one = open();
    const two = open();
    const a = note();
    one.insert(a);
    const seenByTwo = two.get(a.id)!;
    one.update(a.id, (c) => ({ ...c, modified: nextModified(c.modified, new Date()), body: { ...c.body, note: 'from window one' } }));
    expect(() => two.update(a.id, (c) => ({ ...c, body: { ...c.body, note: 'from window two' } }), seenByTwo.modified)).toThrow(/changed elsewhere/);
    expect(two.get(a.id)!.body.note).toBe('from window one');
    one.close();
    two.close();
  });
});

suite('store: recovery and migrations', () => {
  const asideFiles = () => readdirSync(dir).filter((f) => f !== 'daftar.sqlite' && !f.endsWith('-wal') && !f.endsWith('-shm'));

  it('a corrupt file is moved aside untouched, the user is told, and a fresh database starts', () => {
    const garbage = Buffer.from('this is not a database, it is a note the user wrote by accident'.repeat(100));
    writeFileSync(file, garbage);
    const store = open();
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.code).toBe('notes-db-corrupt');
    expect(readFileSync(store.notices[0]!.keptAt)).toEqual(garbage);
    expect(store.list()).toEqual([]);
    store.insert(note());
    expect(store.list()).toHaveLength(1);
    expect(logs.some((l) => l.level === 'warn' && l.code === 'notes-db-corrupt')).toBe(true);
    store.close();
  });

  it('a database with damaged pages (valid header) is moved aside too', () => {
    const store = open();
    store.transaction(() => {
      for (let i = 0; i < 200; i++) store.insert(note({ id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }, 'x'.repeat(500)));
    });
    store.close();
    const bytes = readFileSync(file);
    // Keep the 100-byte header and first page; scribble over the middle of the file.
    bytes.fill(0xab, 4096 * 2, 4096 * 6);
    writeFileSync(file, bytes);
    const reopened = open();
    expect(reopened.notices.map((n) => n.code)).toEqual(['notes-db-corrupt']);
    expect(readFileSync(reopened.notices[0]!.keptAt)).toEqual(bytes);
    expect(reopened.list()).toEqual([]);
    reopened.close();
  });

  it('a database from a newer Daftar is moved aside, never written to', () => {
    const first = open();
    first.insert(note());
    first.close();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(file);
    const store = open();
    expect(store.notices.map((n) => n.code)).toEqual(['notes-db-newer']);
    expect(store.notices[0]!.message).toMatch(/newer Daftar/);
    expect(readFileSync(store.notices[0]!.keptAt)).toEqual(before);
    expect(asideFiles().some((f) => f.includes('.newer-'))).toBe(true);
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('copies the database before a migration, and the migration keeps the data', () => {
    const v1 = open();
    const a = note();
    v1.insert(a);
    v1.close();
    const v2 = open({ migrations: [...MIGRATIONS, (db) => db.exec('ALTER TABLE annotations ADD COLUMN extra TEXT')] });
    expect(v2.notices.map((n) => n.code)).toEqual(['notes-db-migrated']);
    const copy = v2.notices[0]!.keptAt;
    expect(existsSync(copy)).toBe(true);
    const old = new DatabaseSync(copy);
    expect((old.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(1);
    expect((old.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n).toBe(1);
    old.close();
    expect(v2.get(a.id)).toEqual(a);
    expect(pragma('user_version')).toBe(2);
    v2.close();
  });

  it('a file it cannot open for another reason is left in place and the error says why', () => {
    const asDir = join(dir, 'is-a-folder.sqlite');
    mkdirSync(asDir);
    writeFileSync(join(asDir, 'x'), 'x');
    expect(() => openAnnotationStore(asDir, { now: () => new Date(), log })).toThrow(/annotations: cannot open the notes database/);
    expect(existsSync(join(asDir, 'x'))).toBe(true);
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(false);
  });

  it('an empty file is simply initialised', () => {
    writeFileSync(file, '');
    const store = open();
    expect(store.notices).toEqual([]);
    expect(pragma('user_version')).toBe(SCHEMA_VERSION);
    store.close();
  });
});
