/**
 * The notes part over a real database and a fake library: the contract's
 * annotation methods end to end, hostile requests, orphans, re-anchoring on a
 * new version, export/import between two data folders, and the seams.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe as suite, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../../src/api/contract';
import type { ServiceContext } from '../../src/api/context';
import { ApiError } from '../../src/api/errors';
import { createNotesPart, NOTES_DB_FILE } from '../../src/api/parts/notes';
import { fakeLibrary, type FakeLibrary } from '../unit/annotations/helpers/fake-library';

const ARTICLE = readFileSync(join(__dirname, '../../seed/000_808dcebf4dabc6b5.txt'), 'utf8');
const PARAGRAPHS = ARTICLE.split('\n\n').filter((p) => p.trim().length > 0);

let dir: string;
let library: FakeLibrary;
let logs: { level: string; message: string; code?: string }[];
let clock: number;
let part: ReturnType<typeof createNotesPart>;

function context(dataDir: string): ServiceContext {
  return {
    paths: { bundledArchive: '/nowhere', userArchive: join(dataDir, 'archive'), dataDir },
    library,
    now: () => new Date((clock += 1000)),
    log: (level, message, code) => void logs.push({ level, message, code }),
    appVersion: 'test',
    transport: 'http',
    systemLocale: 'ar',
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-notes-part-'));
  library = fakeLibrary({ article: { title: 'مقال', paragraphs: PARAGRAPHS }, guardian: { title: 'The Guardian', paragraphs: ['Microsoft blocks Israel’s use of its technology in mass surveillance of Palestinians.'] } });
  logs = [];
  clock = Date.parse('2026-03-01T00:00:00Z');
  part = createNotesPart(context(dir));
});
afterEach(() => {
  part.close();
  rmSync(dir, { recursive: true, force: true });
});

const range = (docId: string, needle: string) => {
  const text = library.textOf(docId);
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${needle}`);
  return { docId, start, end: start + needle.length };
};

async function rejects(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  expect((error as ApiError).message).toMatch(message);
}

suite('notes part: the contract', () => {
  it('stores the database at <dataDir>/daftar.sqlite', async () => {
    await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow' });
    expect(existsSync(join(dir, NOTES_DB_FILE))).toBe(true);
  });

  it('create → list → update → delete → restore', async () => {
    const created = await part.createAnnotation({ ...range('article', 'خالفت شروط الاستخدام'), color: 'yellow', note: 'مهم', tags: ['microsoft'] });
    expect(created.anchor).toEqual({ start: range('article', 'خالفت شروط الاستخدام').start, end: range('article', 'خالفت شروط الاستخدام').end, method: 'position', score: 1 });
    expect(created.target.contentHash).toBe(library.load('article').entry.contentHash);
    expect(await part.listAnnotations({ docId: 'article' })).toEqual([created]);

    const updated = await part.updateAnnotation({ id: created.id, note: 'مهم جدا', tags: ['microsoft', 'unit 8200'], color: 'pink', expectedModified: created.modified });
    expect(updated.body).toEqual({ note: 'مهم جدا', tags: ['microsoft', 'unit 8200'] });
    expect(updated.color).toBe('pink');
    expect(updated.modified > created.modified).toBe(true);

    const before = await part.deleteAnnotation({ id: created.id });
    const { anchor: _anchor, ...updatedAnnotation } = updated;
    expect(before).toEqual(updatedAnnotation);
    expect(await part.listAnnotations({})).toEqual([]);

    const restored = await part.restoreAnnotation({ annotation: before });
    expect(restored).toEqual(updated);
    await rejects(part.restoreAnnotation({ annotation: before }), 'conflict', /already exists/);
  });

  it('a stale expectedModified is a conflict and changes nothing', async () => {
    const a = await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow' });
    await part.updateAnnotation({ id: a.id, note: 'first edit' });
    await rejects(part.updateAnnotation({ id: a.id, note: 'stale edit', expectedModified: a.modified }), 'conflict', /changed elsewhere/);
    expect((await part.listAnnotations({}))[0]!.body.note).toBe('first edit');
  });

  const hostile: [string, () => Promise<unknown>, string, RegExp][] = [
    ['an unknown document', () => part.createAnnotation({ docId: 'no-such-doc', start: 0, end: 4, color: 'yellow' }), 'not-found', /no document no-such-doc/],
    ['an oversized note', () => part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow', note: 'x'.repeat(20_001) }), 'bad-request', /at most 20000/],
    ['a range past the end', () => part.createAnnotation({ docId: 'article', start: 10, end: 10_000_000, color: 'yellow' }), 'bad-request', /outside the text/],
    ['an empty range', () => part.createAnnotation({ docId: 'article', start: 10, end: 10, color: 'yellow' }), 'bad-request', /end must be after start/],
    ['a whitespace-only range', () => part.createAnnotation({ docId: 'article', start: library.textOf('article').indexOf('\n\n'), end: library.textOf('article').indexOf('\n\n') + 2, color: 'yellow' }), 'bad-request', /only whitespace/],
    ['an unknown colour', () => part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'red' as never }), 'bad-request', /color/],
    ['a path as document id', () => part.createAnnotation({ docId: '../secrets', start: 0, end: 2, color: 'yellow' }), 'bad-request', /docId/],
    ['an unknown field', () => part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow', html: '<b>' } as never), 'bad-request', /Unrecognized key/],
    ['an update of an unknown id', () => part.updateAnnotation({ id: 'urn:uuid:00000000-0000-4000-8000-000000000000', note: 'x' }), 'not-found', /no note with id/],
    ['a malformed id', () => part.deleteAnnotation({ id: '1 OR 1=1' }), 'bad-request', /urn:uuid/],
    ['a restore of an invalid annotation', () => part.restoreAnnotation({ annotation: { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' } as never }), 'bad-request', /annotation/],
    ['an import that is not JSON', () => part.importAnnotations({ content: '<html>' }), 'bad-request', /not JSON/],
  ];
  for (const [name, call, code, message] of hostile) {
    it(`refuses ${name} with a clear error and changes nothing`, async () => {
      const kept = await part.createAnnotation({ ...range('guardian', 'mass surveillance'), color: 'blue' });
      await rejects(call(), code, message);
      expect(await part.listAnnotations({})).toEqual([kept]);
    });
  }
});

suite('notes part: orphans and new versions', () => {
  it('a note whose text is gone is listed with anchor null, kept, and can be re-attached', async () => {
    const a = await part.createAnnotation({ ...range('article', 'خالفت شروط الاستخدام الخاصة بالشركة'), color: 'green', note: 'سبب القرار' });
    library.setParagraphs('article', PARAGRAPHS.map((p) => p.replace('خالفت شروط الاستخدام الخاصة بالشركة', 'انتهكت القواعد')));
    const [orphan] = await part.listAnnotations({ docId: 'article' });
    expect(orphan!.anchor).toBeNull();
    expect(orphan!.body.note).toBe('سبب القرار');
    const { start, end } = range('article', 'انتهكت القواعد');
    const reattached = await part.updateAnnotation({ id: a.id, reattach: { start, end } });
    expect(reattached.anchor).toEqual({ start, end, method: 'position', score: 1 });
    expect(reattached.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'انتهكت القواعد' });
    expect(reattached.body.note).toBe('سبب القرار');
  });

  it('undoing a re-attach puts the orphan back in one commit, and only over the version it replaced', async () => {
    const a = await part.createAnnotation({ ...range('article', 'خالفت شروط الاستخدام الخاصة بالشركة'), color: 'green', note: 'سبب القرار' });
    library.setParagraphs('article', PARAGRAPHS.map((p) => p.replace('خالفت شروط الاستخدام الخاصة بالشركة', 'انتهكت القواعد')));
    const [orphan] = await part.listAnnotations({ docId: 'article' });
    const { anchor: _none, ...before } = orphan!;
    const { start, end } = range('article', 'انتهكت القواعد');
    const reattached = await part.updateAnnotation({ id: a.id, reattach: { start, end } });

    // A window that edited meanwhile wins: the undo is refused and changes nothing.
    const edited = await part.updateAnnotation({ id: a.id, note: 'تعديل من نافذة أخرى' });
    await rejects(part.restoreAnnotation({ annotation: before, expectedModified: reattached.modified }), 'conflict', /changed elsewhere/);
    expect((await part.listAnnotations({}))[0]).toEqual(edited);

    const undone = await part.restoreAnnotation({ annotation: before, expectedModified: edited.modified });
    expect(undone.anchor).toBeNull();
    expect(undone.target).toEqual(before.target);
    expect(undone.body).toEqual(before.body);
    expect(undone.modified > edited.modified).toBe(true);
    expect(await part.listAnnotations({})).toEqual([undone]);
    // Replacing needs the record to be there; an insert-style restore of it is still a conflict.
    await rejects(part.restoreAnnotation({ annotation: before }), 'conflict', /already exists/);
    await rejects(part.restoreAnnotation({ annotation: { ...before, id: 'urn:uuid:00000000-0000-4000-8000-00000000beef' }, expectedModified: undone.modified }), 'not-found', /beef/);
  });

  it('notes move with their text when a paragraph is inserted, and reanchorDocument rewrites their selectors', async () => {
    const a = await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow' });
    const gone = await part.createAnnotation({ ...range('article', 'خالفت شروط الاستخدام الخاصة بالشركة'), color: 'green' });
    const changed = ['فقرة جديدة في أول المقال.', ...PARAGRAPHS.map((p) => p.replace('خالفت شروط الاستخدام الخاصة بالشركة', 'انتهكت'))];
    library.setParagraphs('article', changed);
    const listed = await part.listAnnotations({ docId: 'article' });
    const moved = listed.find((x) => x.id === a.id)!;
    expect(library.textOf('article').slice(moved.anchor!.start, moved.anchor!.end)).toBe('الوحدة 8200');
    expect(moved.anchor!.method).toBe('quote');

    let notified = 0;
    part.subscribe(() => notified++);
    const newHash = library.load('article').entry.contentHash;
    expect(part.reanchorDocument('article', library.textOf('article'), newHash)).toEqual({ anchored: 1, orphaned: 1 });
    expect(notified).toBe(1);
    const after = await part.listAnnotations({ docId: 'article' });
    expect(after.find((x) => x.id === a.id)!.anchor!.method).toBe('position');
    expect(after.find((x) => x.id === a.id)!.target.contentHash).toBe(newHash);
    const orphan = after.find((x) => x.id === gone.id)!;
    expect(orphan.anchor).toBeNull();
    expect(orphan.target).toEqual(gone.target); // untouched, quote kept for the user
  });

  it('notes of a document the library no longer has are orphans, not errors', async () => {
    const a = await part.createAnnotation({ ...range('guardian', 'mass surveillance'), color: 'blue' });
    const lonely = fakeLibrary({ article: { title: 'مقال', paragraphs: PARAGRAPHS } });
    const other = createNotesPart({ ...context(dir), library: lonely });
    const listed = await other.listAnnotations({});
    expect(listed.map((x) => [x.id, x.anchor])).toEqual([[a.id, null]]);
    other.close();
  });
});

suite('notes part: export, import, search seam, recovery', () => {
  it('exports JSON-LD that another data folder imports into equal notes; newer wins on re-import', async () => {
    const a = await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow', note: 'note A', tags: ['x'] });
    const b = await part.createAnnotation({ ...range('guardian', 'mass surveillance'), color: 'blue' });
    const exported = await part.exportAnnotations({ format: 'jsonld' });
    expect(exported.mimeType).toBe('application/ld+json');
    expect(exported.fileName).toMatch(/^daftar-notes-\d{4}-\d{2}-\d{2}\.jsonld$/);

    const otherDir = mkdtempSync(join(tmpdir(), 'daftar-notes-other-'));
    const other = createNotesPart(context(otherDir));
    expect(await other.importAnnotations({ content: exported.content })).toEqual({ added: 2, updated: 0, unchanged: 0, errors: [] });
    const strip = (xs: AnchoredAnnotation[]) => xs.map(({ anchor, ...rest }) => rest).sort((x, y) => x.id.localeCompare(y.id));
    expect(strip(await other.listAnnotations({}))).toEqual(strip([a, b]));
    expect(await other.importAnnotations({ content: exported.content })).toEqual({ added: 0, updated: 0, unchanged: 2, errors: [] });

    await part.updateAnnotation({ id: a.id, note: 'edited later' });
    const again = await part.exportAnnotations({ format: 'jsonld', docId: 'article' });
    expect(await other.importAnnotations({ content: again.content })).toMatchObject({ updated: 1 });
    expect((await other.listAnnotations({ docId: 'article' }))[0]!.body.note).toBe('edited later');
    other.close();
    rmSync(otherDir, { recursive: true, force: true });
  });

  it('exports Markdown grouped by document in library order (article first)', async () => {
    await part.createAnnotation({ ...range('guardian', 'mass surveillance'), color: 'blue', note: 'guardian note' });
    await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow', note: 'article note' });
    const md = await part.exportAnnotations({ format: 'md' });
    expect(md.mimeType).toMatch(/text\/markdown/);
    expect(md.content.indexOf('article note')).toBeLessThan(md.content.indexOf('guardian note'));
    expect(md.content).toContain('The Guardian');
  });

  it('feeds the search index: notesForSearch and change notifications', async () => {
    const seen: number[] = [];
    const unsubscribe = part.subscribe(() => seen.push(part.notesForSearch().length));
    const a = await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow', note: 'وحدة الاستخبارات', tags: ['8200'] });
    expect(part.notesForSearch()).toEqual([{ id: a.id, docId: 'article', docTitle: 'مقال', text: 'وحدة الاستخبارات', quote: 'الوحدة 8200', tags: ['8200'] }]);
    await part.deleteAnnotation({ id: a.id });
    unsubscribe();
    await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow' });
    expect(seen).toEqual([1, 0]);
  });

  it('a corrupt database is moved aside, reported through notices() and ctx.log, and a fresh one used', async () => {
    part.close();
    const garbage = 'not sqlite at all '.repeat(500);
    writeFileSync(join(dir, NOTES_DB_FILE), garbage);
    part = createNotesPart(context(dir));
    expect(part.notices().map((n) => n.code)).toEqual(['notes-db-corrupt']);
    expect(readFileSync(part.notices()[0]!.keptAt, 'utf8')).toBe(garbage);
    expect(logs.some((l) => l.code === 'notes-db-corrupt' && l.level === 'warn')).toBe(true);
    expect(await part.listAnnotations({})).toEqual([]);
    await part.createAnnotation({ ...range('article', 'الوحدة 8200'), color: 'yellow' });
    expect(await part.listAnnotations({})).toHaveLength(1);
  });
});
