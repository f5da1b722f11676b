import { describe, expect, it } from 'vitest';
import { NotesStore, notesStoreFor, quoteOf } from '../../../renderer/notes/store';
import { fakeNotesApi, note } from './notes-fixtures';

function setup() {
  const { api, FakeApiError } = fakeNotesApi();
  let t = 0;
  const tick = (ms: number) => (t += ms);
  const store = new NotesStore(api, () => t);
  return { api, store, tick, FakeApiError };
}

describe('NotesStore', () => {
  it('creates, edits and deletes through the contract, and shows only what the service saved', async () => {
    const { api, store, tick } = setup();
    await store.load();
    const made = await store.create('article', 0, 4, 'green', 'ملاحظة', ['غزة']);
    expect(made).toBeDefined();
    expect(store.getState().list).toHaveLength(1);
    expect(store.getState().active).toBe(made!.id);
    expect(quoteOf(store.getState().list[0]!)).toBe('النص');
    tick(5000);
    await store.update(made!.id, { note: 'edited' });
    expect(api.rows.get(made!.id)!.body.note).toBe('edited');
    expect(store.getState().list[0]!.body.note).toBe('edited');
    tick(5000);
    await store.remove(made!.id);
    expect(api.rows.size).toBe(0);
    expect(store.getState().list).toEqual([]);
    expect(store.getState().notice).toMatchObject({ kind: 'deleted', undoable: true, params: { quote: 'النص' } });
  });

  it('undo walks back a delete, an edit and a create, one step each', async () => {
    const { api, store, tick } = setup();
    await store.load();
    const made = (await store.create('article', 5, 11, 'yellow'))!;
    tick(5000);
    await store.update(made.id, { note: 'first' });
    tick(5000);
    await store.remove(made.id);
    await store.undo();
    expect(api.rows.get(made.id)!.body.note).toBe('first');
    expect(store.getState().notice!.kind).toBe('undone');
    await store.undo();
    expect(api.rows.get(made.id)!.body.note).toBe('');
    await store.undo();
    expect(api.rows.has(made.id)).toBe(false);
    expect(store.getState().list).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    await store.undo();
    expect(store.getState().notice!.kind).toBe('nothing-to-undo');
  });

  it('typing a note (many saves within a second) is one undo step', async () => {
    const { api, store, tick } = setup();
    await store.load();
    const made = (await store.create('article', 0, 4, 'yellow'))!;
    tick(5000);
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      tick(300);
      void store.update(made.id, { note: text });
    }
    await store.settled();
    expect(api.rows.get(made.id)!.body.note).toBe('abcd');
    await store.undo();
    expect(api.rows.get(made.id)!.body.note).toBe('');
  });

  it('an outside change to a note drops its undo steps instead of overwriting it', async () => {
    const { api, store, tick } = setup();
    await store.load();
    const made = (await store.create('article', 0, 4, 'yellow'))!;
    tick(5000);
    await store.update(made.id, { note: 'mine' });
    // another window:
    await api.updateAnnotation({ id: made.id, note: 'theirs' });
    await store.load();
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().list[0]!.body.note).toBe('theirs');
  });

  it('a conflict reloads the saved note and says so; nothing is lost', async () => {
    const { api, store } = setup();
    await store.load();
    const made = (await store.create('article', 0, 4, 'yellow'))!;
    await api.updateAnnotation({ id: made.id, note: 'theirs' }); // store not told
    await store.update(made.id, { note: 'mine' });
    expect(store.getState().notice).toMatchObject({ kind: 'conflict' });
    expect(store.getState().list[0]!.body.note).toBe('theirs');
    expect(api.rows.get(made.id)!.body.note).toBe('theirs');
  });

  it('a failed write reports the service message and leaves the list as saved', async () => {
    const { api, store, FakeApiError } = setup();
    await store.load();
    api.failNext = new FakeApiError('too-large', 'updateAnnotation: a note holds at most 20000 characters');
    await store.create('article', 0, 4, 'yellow');
    expect(store.getState().list).toEqual([]);
    expect(store.getState().notice).toMatchObject({ kind: 'error', params: { message: 'updateAnnotation: a note holds at most 20000 characters' } });
    // queue keeps working after a failure
    expect(await store.create('article', 0, 4, 'yellow')).toBeDefined();
  });

  it('a list that cannot be loaded is an error state, not an empty list', async () => {
    const { api, store } = setup();
    api.listAnnotations = async () => {
      throw new Error('notes: database is corrupt');
    };
    await store.load();
    expect(store.getState()).toMatchObject({ loaded: true, loadError: 'notes: database is corrupt' });
  });

  it('re-attaches an orphan to newly selected text, undoably', async () => {
    const { api, store } = setup();
    const orphan = note({ n: 77, doc: 'article', start: null, text: 'lost' });
    api.rows.set(orphan.id, orphan);
    await store.load();
    store.startReattach(orphan.id);
    expect(store.getState().reattaching).toBe(orphan.id);
    await store.reattach(orphan.id, 17, 24);
    expect(store.getState().reattaching).toBeNull();
    expect(store.getState().list[0]!.anchor).toMatchObject({ start: 17, end: 24 });
    expect(store.getState().notice).toMatchObject({ kind: 'reattached', undoable: true });
    const calls = api.calls.length;
    await store.undo();
    expect(api.calls.slice(calls), 'the undo is one replacing call, not a delete and an insert').toEqual(['replace']);
    expect(api.rows.get(orphan.id)!.target.selector).toEqual(orphan.target.selector);
  });

  it('update with nothing changed does not call the service', async () => {
    const { api, store } = setup();
    await store.load();
    const made = (await store.create('article', 0, 4, 'yellow', 'x', ['t']))!;
    const before = api.calls.length;
    await store.update(made.id, { note: 'x', tags: ['t'], color: 'yellow' });
    expect(api.calls.length).toBe(before);
  });

  it('imports, reloads and reports counts', async () => {
    const { store } = setup();
    await store.load();
    const report = await store.importNotes(JSON.stringify([note({ n: 501 }), note({ n: 502 })]));
    expect(report).toMatchObject({ added: 2 });
    expect(store.getState().list).toHaveLength(2);
    expect(store.getState().notice).toMatchObject({ kind: 'imported', params: { added: 2, errors: 0 } });
  });

  it('notifies subscribers and gives one store per client', async () => {
    const { api, store } = setup();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    await store.load();
    expect(calls).toBeGreaterThan(0);
    off();
    const n = calls;
    await store.load();
    expect(calls).toBe(n);
    expect(notesStoreFor(api)).toBe(notesStoreFor(api));
  });
});

describe('NotesStore failures of export and import', () => {
  it('says an import failed (not that a note was not saved), and keeps the list', async () => {
    const { api, FakeApiError } = fakeNotesApi();
    const store = new NotesStore(api);
    await store.load();
    await store.create('article', 0, 4, 'yellow');
    api.importAnnotations = async () => {
      throw new FakeApiError('bad-request', 'annotations: import: not JSON (Unexpected token)');
    };
    expect(await store.importNotes('{not json')).toBeUndefined();
    expect(store.getState().notice).toMatchObject({ kind: 'import-failed', params: { message: 'annotations: import: not JSON (Unexpected token)' } });
    expect(store.getState().list).toHaveLength(1);
  });

  it('says an export failed', async () => {
    const { api } = fakeNotesApi();
    const store = new NotesStore(api);
    api.exportAnnotations = async () => {
      throw new Error('annotations: export: disk gone');
    };
    expect(await store.exportNotes('md')).toBeUndefined();
    expect(store.getState().notice).toMatchObject({ kind: 'export-failed' });
  });
});

describe('NotesStore undo and the open card', () => {
  it('closes the card of a note an undo restored (its draft is stale), keeps another note’s card open', async () => {
    const { api } = fakeNotesApi();
    let t = 0;
    const store = new NotesStore(api, () => (t += 5000));
    await store.load();
    const a = (await store.create('article', 0, 4, 'yellow'))!;
    const b = (await store.create('article', 5, 10, 'yellow'))!;
    await store.update(a.id, { note: 'draft saved' });
    store.edit(a.id);
    await store.undo();
    expect(store.getState().editing).toBeNull();
    await store.update(a.id, { note: 'again' });
    store.edit(b.id, 'tags');
    await store.undo();
    expect(store.getState().editing).toEqual({ id: b.id, field: 'tags' });
  });
});

describe('NotesStore load ordering', () => {
  it('a reload asked for while a write is in flight waits for it, so the write keeps its undo step', async () => {
    const { api } = fakeNotesApi();
    const store = new NotesStore(api);
    await store.load();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const create = api.createAnnotation;
    api.createAnnotation = async (req) => {
      await gate;
      return create(req);
    };
    // A list call takes its snapshot at once and answers a little later (as over IPC).
    const list = api.listAnnotations;
    api.listAnnotations = async (req) => {
      const snapshot = await list(req);
      await gate;
      await new Promise((r) => setTimeout(r, 5));
      return snapshot;
    };
    const made = store.create('article', 0, 4, 'yellow');
    const loaded = store.load(); // e.g. the window got focus at the same moment
    release();
    await Promise.all([made, loaded]);
    expect(store.getState().list).toHaveLength(1);
    expect(store.getState().canUndo).toBe(true);
  });

  it('loads asked for together share one call', async () => {
    const { api } = fakeNotesApi();
    const store = new NotesStore(api);
    await Promise.all([store.load(), store.load(), store.load()]);
    expect(api.calls.filter((c) => c === 'list')).toHaveLength(1);
  });
});
