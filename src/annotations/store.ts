/**
 * The annotation store: one SQLite file (node:sqlite), plain annotations in
 * and out, every write its own IMMEDIATE transaction.
 *
 * What it promises (docs/NOTES.md):
 * - a method that writes returns only after COMMIT (synchronous=FULL), so an
 *   acknowledged note survives a crash;
 * - nothing is ever deleted except by delete(): orphans stay;
 * - no lost updates between processes: every read-modify-write happens inside
 *   one IMMEDIATE transaction (the write lock), and `expectedModified` lets a
 *   client that edited a stale copy get a 'conflict' instead of overwriting;
 * - every row read back is validated; a row that no longer validates is
 *   reported through the logger and skipped, never silently "fixed".
 * It knows nothing of documents or anchoring (notes part, reanchor.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation, HighlightColor, Motivation, Selector } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Logger } from '../api/context';
import { validateAnnotation } from './model';
import { openDatabase, type Migrations, type StoreNotice } from './store-open';

interface Row {
  id: string;
  doc_id: string;
  created: string;
  modified: string;
  motivation: string;
  color: string;
  note: string;
  content_hash: string;
  selectors: string;
  tags: string | null;
}

const SELECT = `SELECT a.*, (SELECT json_group_array(tag) FROM (SELECT tag FROM annotation_tags t WHERE t.annotation_id = a.id ORDER BY position)) AS tags FROM annotations a`;

export interface AnnotationStore {
  readonly file: string;
  /** What happened while opening (file moved aside, migrated): for the user. */
  readonly notices: readonly StoreNotice[];
  list(docId?: string): Annotation[];
  get(id: string): Annotation | undefined;
  /** Throws ApiError('conflict') when the id exists. */
  insert(annotation: Annotation): Annotation;
  /**
   * Read-modify-write under the write lock. `change` gets the stored version
   * and returns the new one (or throws to abort). With `expectedModified`, a
   * stored `modified` that differs is a conflict.
   */
  update(id: string, change: (current: Annotation) => Annotation, expectedModified?: string): Annotation;
  /** Removes and returns the before-image; ApiError('not-found') when absent. */
  delete(id: string): Annotation;
  /** Runs `work` in one IMMEDIATE transaction: all of it commits or none. */
  transaction<T>(work: () => T): T;
  close(): void;
}

function fromRow(row: Row): Annotation {
  return validateAnnotation({
    id: row.id,
    created: row.created,
    modified: row.modified,
    motivation: row.motivation as Motivation,
    body: { note: row.note, tags: row.tags ? (JSON.parse(row.tags) as string[]) : [] },
    target: { source: row.doc_id, contentHash: row.content_hash, selector: JSON.parse(row.selectors) as Selector[] },
    color: row.color as HighlightColor,
  });
}

export function openAnnotationStore(file: string, options: { now: () => Date; log: Logger; migrations?: Migrations }): AnnotationStore {
  const { db, notices } = openDatabase(file, options.now, options.migrations);
  for (const notice of notices) options.log(notice.code === 'notes-db-migrated' ? 'info' : 'warn', `${notice.message} (${notice.keptAt})`, notice.code);
  return createStore(db, file, notices, options.log);
}

function createStore(db: DatabaseSync, file: string, notices: StoreNotice[], log: Logger): AnnotationStore {
  let depth = 0;
  const insertRow = db.prepare(
    'INSERT INTO annotations (id, doc_id, created, modified, motivation, color, note, content_hash, selectors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const updateRow = db.prepare(
    'UPDATE annotations SET doc_id = ?, created = ?, modified = ?, motivation = ?, color = ?, note = ?, content_hash = ?, selectors = ? WHERE id = ?',
  );
  const deleteTags = db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?');
  const insertTag = db.prepare('INSERT INTO annotation_tags (annotation_id, position, tag) VALUES (?, ?, ?)');
  const selectOne = db.prepare(`${SELECT} WHERE a.id = ?`);
  const selectAll = db.prepare(`${SELECT} ORDER BY a.doc_id, a.created, a.id`);
  const selectDoc = db.prepare(`${SELECT} WHERE a.doc_id = ? ORDER BY a.created, a.id`);
  const deleteRow = db.prepare('DELETE FROM annotations WHERE id = ?');

  const readRows = (rows: unknown[]): Annotation[] => {
    const out: Annotation[] = [];
    for (const row of rows as Row[]) {
      try {
        out.push(fromRow(row));
      } catch (error) {
        log('error', `annotations: stored note ${row.id} is unreadable and was skipped: ${(error as Error).message}`, 'notes-row-invalid');
      }
    }
    return out;
  };

  const writeTags = (a: Annotation) => {
    deleteTags.run(a.id);
    a.body.tags.forEach((tag, i) => insertTag.run(a.id, i, tag));
  };

  const columns = (a: Annotation) => [a.target.source, a.created, a.modified, a.motivation, a.color, a.body.note, a.target.contentHash, JSON.stringify(a.target.selector)] as const;

  const transaction = <T>(work: () => T): T => {
    if (depth > 0) return work();
    db.exec('BEGIN IMMEDIATE');
    depth++;
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        /* the failed statement may already have rolled back */
      }
      throw error;
    } finally {
      depth--;
    }
  };

  const get = (id: string): Annotation | undefined => {
    const row = selectOne.get(id);
    return row ? readRows([row])[0] : undefined;
  };

  return {
    file,
    notices,
    list: (docId) => readRows(docId === undefined ? selectAll.all() : selectDoc.all(docId)),
    get,
    insert: (annotation) => {
      const a = validateAnnotation(annotation);
      return transaction(() => {
        if (selectOne.get(a.id)) throw new ApiError('conflict', `annotations: a note with id ${a.id} already exists`);
        insertRow.run(a.id, ...columns(a));
        writeTags(a);
        return a;
      });
    },
    update: (id, change, expectedModified) =>
      transaction(() => {
        const current = get(id);
        if (!current) throw new ApiError('not-found', `annotations: no note with id ${id}`);
        if (expectedModified !== undefined && current.modified !== expectedModified) {
          throw new ApiError('conflict', `annotations: note ${id} was changed elsewhere (at ${current.modified}, you edited the version of ${expectedModified}); reload and retry`);
        }
        const next = validateAnnotation(change(current));
        if (next.id !== id) throw new Error(`annotations: an update may not change the id (${id} → ${next.id})`);
        updateRow.run(...columns(next), id);
        writeTags(next);
        return next;
      }),
    delete: (id) =>
      transaction(() => {
        const current = get(id);
        if (!current) throw new ApiError('not-found', `annotations: no note with id ${id}`);
        deleteRow.run(id);
        return current;
      }),
    transaction,
    close: () => {
      if (db.isOpen) db.close();
    },
  };
}
