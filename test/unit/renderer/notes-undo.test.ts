import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AnchoredAnnotation, Annotation, UpdateAnnotationRequest } from '../../../src/api/contract';
import { MAX_STEPS, MERGE_WINDOW_MS, UndoHistory, currentState } from '../../../renderer/notes/undo';
import { applyUndo, outcomeState, type UndoApi } from '../../../renderer/notes/undo-apply';
import { note } from './notes-fixtures';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, tick: (ms: number) => (t += ms) };
}

function edited(a: AnchoredAnnotation, text: string, stamp: string): AnchoredAnnotation {
  return { ...a, modified: stamp, body: { ...a.body, note: text } };
}

/** An in-memory store behaving like the contract's notes part, for applying undo steps. */
function fakeStore(initial: AnchoredAnnotation[]) {
  const rows = new Map(initial.map((a) => [a.id, structuredClone(a)]));
  let tick = 0;
  const stamp = () => new Date(Date.UTC(2026, 0, 2, 0, 0, tick++)).toISOString();
  const api: UndoApi & { rows: typeof rows; stamp: () => string } = {
    rows,
    stamp,
    async deleteAnnotation({ id }) {
      const row = rows.get(id);
      if (!row) throw new Error(`not-found ${id}`);
      rows.delete(id);
      const { anchor: _a, ...plain } = row;
      return plain;
    },
    async restoreAnnotation({ annotation, expectedModified }) {
      if (expectedModified !== undefined) {
        const row = rows.get(annotation.id);
        if (!row) throw new Error(`not-found ${annotation.id}`);
        if (row.modified !== expectedModified) throw new Error(`conflict ${annotation.id}`);
        const replaced = { ...structuredClone(annotation), modified: stamp(), anchor: null };
        rows.set(annotation.id, replaced);
        return replaced;
      }
      if (rows.has(annotation.id)) throw new Error(`exists ${annotation.id}`);
      const row = { ...structuredClone(annotation), anchor: null };
      rows.set(annotation.id, row);
      return row;
    },
    async updateAnnotation(req: UpdateAnnotationRequest) {
      const row = rows.get(req.id);
      if (!row) throw new Error(`not-found ${req.id}`);
      if (req.expectedModified && req.expectedModified !== row.modified) throw new Error(`conflict ${req.id}`);
      const next: AnchoredAnnotation = {
        ...row,
        modified: stamp(),
        color: req.color ?? row.color,
        body: { note: req.note ?? row.body.note, tags: req.tags ?? row.body.tags },
      };
      if (req.reattach) {
        next.target = { ...row.target, selector: row.target.selector.map((s) => (s.type === 'TextPositionSelector' ? { ...s, ...req.reattach } : s)) };
        next.anchor = { ...req.reattach, method: 'position', score: 1 };
      }
      rows.set(req.id, next);
      return next;
    },
  };
  return api;
}

const strip = (a: Annotation) => ({ id: a.id, body: a.body, color: a.color, target: a.target });

describe('UndoHistory', () => {
  it('records a create, an edit and a delete as three steps, newest first', () => {
    const c = clock();
    const h = new UndoHistory(c.now);
    const a = note({ n: 1 });
    h.record({ id: a.id, before: null, after: a });
    c.tick(5000);
    const b = edited(a, 'x', '2026-01-01T00:00:01.000Z');
    h.record({ id: a.id, before: a, after: b });
    c.tick(5000);
    h.record({ id: a.id, before: b, after: null });
    expect(h.size).toBe(3);
    expect(h.pop()!.kind).toBe('delete');
    expect(h.pop()!.kind).toBe('edit');
    expect(h.pop()!.kind).toBe('create');
    expect(h.pop()).toBeUndefined();
  });

  it('merges quick edits of the same note into one step keeping the oldest before-image', () => {
    const c = clock();
    const h = new UndoHistory(c.now);
    const a = note({ n: 2, text: 'start' });
    let prev = a;
    for (let i = 0; i < 5; i++) {
      c.tick(MERGE_WINDOW_MS - 100);
      const next = edited(prev, `v${i}`, `2026-01-01T00:00:0${i + 1}.000Z`);
      h.record({ id: a.id, before: prev, after: next });
      prev = next;
    }
    expect(h.size).toBe(1);
    const step = h.pop()!;
    expect(step.entries[0]!.before!.body.note).toBe('start');
    expect(step.entries[0]!.afterModified).toBe(prev.modified);
  });

  it('does not merge edits further apart than the window, nor edits of different notes', () => {
    const c = clock();
    const h = new UndoHistory(c.now);
    const a = note({ n: 3 });
    const b = note({ n: 4 });
    const a1 = edited(a, '1', '2026-01-01T00:00:01.000Z');
    h.record({ id: a.id, before: a, after: a1 });
    c.tick(MERGE_WINDOW_MS);
    h.record({ id: a.id, before: a1, after: edited(a1, '2', '2026-01-01T00:00:02.000Z') });
    c.tick(10);
    h.record({ id: b.id, before: b, after: edited(b, '3', '2026-01-01T00:00:03.000Z') });
    expect(h.size).toBe(3);
  });

  it('does not merge an edit into a delete step', () => {
    const c = clock();
    const h = new UndoHistory(c.now);
    const a = note({ n: 5 });
    h.record({ id: a.id, before: a, after: null });
    h.record({ id: a.id, before: a, after: edited(a, 'x', '2026-01-01T00:00:01.000Z') });
    expect(h.size).toBe(2);
  });

  it('rejects malformed changes with a clear message', () => {
    const h = new UndoHistory();
    const a = note({ n: 6 });
    expect(() => h.record({ id: a.id, before: null, after: null })).toThrow(/notes\/undo: change of .* neither a before nor an after/);
    expect(() => h.record([{ id: a.id, before: a, after: null }, { id: a.id, before: a, after: null }])).toThrow(/appears twice in one step/);
    h.record([]);
    expect(h.size).toBe(0);
  });

  it('keeps at most MAX_STEPS steps, dropping the oldest', () => {
    const c = clock();
    const h = new UndoHistory(c.now);
    for (let i = 0; i < MAX_STEPS + 7; i++) {
      const a = note({ n: 100 + i });
      h.record({ id: a.id, before: null, after: a });
    }
    expect(h.size).toBe(MAX_STEPS);
    expect(h.peek()!.entries[0]!.id).toBe(note({ n: 100 + MAX_STEPS + 6 }).id);
  });

  it('reconcile drops a step whose note changed outside, and older steps of that note, but keeps others', () => {
    const c = clock();
    const h = new UndoHistory(c.now);
    const a = note({ n: 10 });
    const b = note({ n: 11 });
    h.record({ id: a.id, before: null, after: a }); // step 0 (a)
    c.tick(5000);
    h.record({ id: b.id, before: null, after: b }); // step 1 (b)
    c.tick(5000);
    const a1 = edited(a, 'x', '2026-01-01T00:00:05.000Z');
    h.record({ id: a.id, before: a, after: a1 }); // step 2 (a)
    expect(h.reconcile(currentState([a1, b]))).toBe(0);
    // Another window edits `a`: steps 2 and 0 are invalid, step 1 is not.
    const dropped = h.reconcile(currentState([{ ...a1, modified: '2026-01-01T00:09:00.000Z' }, b]));
    expect(dropped).toBe(2);
    expect(h.size).toBe(1);
    expect(h.peek()!.entries[0]!.id).toBe(b.id);
  });

  it('reconcile drops a step whose deleted note came back, and a create whose note is gone', () => {
    const h = new UndoHistory();
    const a = note({ n: 12 });
    const b = note({ n: 13 });
    h.record({ id: a.id, before: a, after: null });
    h.record({ id: b.id, before: null, after: b });
    expect(h.reconcile(new Map([[a.id, a.modified]]))).toBe(2);
  });

  it('forget drops every step touching the given notes', () => {
    const h = new UndoHistory();
    const a = note({ n: 14 });
    const b = note({ n: 15 });
    h.record([
      { id: a.id, before: null, after: a },
      { id: b.id, before: null, after: b },
    ]);
    h.record({ id: b.id, before: b, after: null });
    expect(h.forget([a.id])).toBe(1);
    expect(h.size).toBe(1);
  });
});

describe('applyUndo', () => {
  it('deletes a created note, restores a deleted one, reverts an edit with its old position', async () => {
    const a = note({ n: 20, start: 10, text: 'old' });
    const store = fakeStore([a]);
    const h = new UndoHistory(clock().now);
    // edit: new note text and moved
    const moved = await store.updateAnnotation({ id: a.id, note: 'new', reattach: { start: 30, end: 35 } });
    h.record({ id: a.id, before: a, after: moved });
    let out = await applyUndo(h.pop()!, store, (id) => store.rows.get(id));
    expect(out.saved[0]!.body.note).toBe('old');
    expect(store.rows.get(a.id)!.target.selector).toEqual(a.target.selector);
    // delete then undo
    const gone = await store.deleteAnnotation({ id: a.id });
    h.record({ id: a.id, before: gone, after: null });
    out = await applyUndo(h.pop()!, store, (id) => store.rows.get(id));
    expect(store.rows.has(a.id)).toBe(true);
    // create then undo
    const b = note({ n: 21 });
    store.rows.set(b.id, b);
    h.record({ id: b.id, before: null, after: b });
    out = await applyUndo(h.pop()!, store, (id) => store.rows.get(id));
    expect(out.removed).toEqual([b.id]);
    expect(store.rows.has(b.id)).toBe(false);
  });

  it('fails as a conflict instead of overwriting a note changed meanwhile', async () => {
    const a = note({ n: 22 });
    const store = fakeStore([a]);
    const h = new UndoHistory();
    const a1 = await store.updateAnnotation({ id: a.id, note: 'mine' });
    h.record({ id: a.id, before: a, after: a1 });
    await store.updateAnnotation({ id: a.id, note: 'someone else' });
    await expect(applyUndo(h.pop()!, store, (id) => store.rows.get(id))).rejects.toThrow(/conflict/);
    expect(store.rows.get(a.id)!.body.note).toBe('someone else');
  });

  it('property: undoing every step returns the store to where it started', async () => {
    type Op = { kind: 'create' | 'edit' | 'delete' | 'color'; pick: number; gap: number; text: string };
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('create', 'edit', 'delete', 'color'),
      pick: fc.nat(20),
      gap: fc.constantFrom(0, 200, MERGE_WINDOW_MS + 1),
      text: fc.string({ maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const initial = [note({ n: 900, text: 'a' }), note({ n: 901, text: 'b', color: 'blue' })];
        const store = fakeStore(initial);
        const c = clock();
        const h = new UndoHistory(c.now);
        let next = 1000;
        for (const o of ops) {
          c.tick(o.gap);
          const ids = [...store.rows.keys()];
          const id = ids[o.pick % Math.max(1, ids.length)];
          if (o.kind === 'create' || id === undefined) {
            const fresh = note({ n: next++, modified: store.stamp() });
            store.rows.set(fresh.id, fresh);
            h.record({ id: fresh.id, before: null, after: fresh });
          } else if (o.kind === 'delete') {
            const gone = await store.deleteAnnotation({ id });
            h.record({ id, before: gone, after: null });
          } else {
            const before = store.rows.get(id)!;
            const after = await store.updateAnnotation(o.kind === 'edit' ? { id, note: o.text } : { id, color: 'pink' });
            h.record({ id, before, after });
          }
        }
        while (h.canUndo()) {
          const step = h.pop()!;
          h.rebase(step, outcomeState(await applyUndo(step, store, (id) => store.rows.get(id))));
        }
        const now = [...store.rows.values()].map(strip).sort((x, y) => x.id.localeCompare(y.id));
        expect(now).toEqual(initial.map(strip));
      }),
      { numRuns: 150 },
    );
  });
});
