/**
 * Undo history of the notes UI, kept as before-images (STYLE.md §5, after
 * Zotero's annotation manager).
 *
 * A step holds, for each record it changed, the record as it was *before* the
 * change (null: the record did not exist, so undo deletes it) and the
 * `modified` stamp the record had *after* the change (null: the change deleted
 * it). Only the records that changed are kept, never a snapshot of the list.
 *
 * - Quick edits of the same single record (within MERGE_WINDOW_MS of the
 *   previous edit) merge into one step, keeping the oldest before-image, so
 *   typing a note is one undo, not one per keystroke save.
 * - An external change (another window, an import, a re-capture) makes a step
 *   invalid when one of its records no longer looks like what the step left
 *   behind: `reconcile` drops such steps, and every older step touching the
 *   same record (they chain through it).
 *
 * Plain data and a clock passed in: no React, no DOM, no contract calls (the
 * caller applies a popped step, see undo-apply.ts).
 */
import type { AnchoredAnnotation, Annotation } from '../../src/api/contract';

/** Edits of one note closer together than this are one undo step. */
export const MERGE_WINDOW_MS = 1000;
/** Older steps are forgotten beyond this depth: undo is for recent slips, not an audit log. */
export const MAX_STEPS = 100;

export type ChangeKind = 'create' | 'edit' | 'delete';

export interface RecordChange {
  id: string;
  /** The record before the change (with its anchor when known); null when the change created it. */
  before: Annotation | AnchoredAnnotation | null;
  /** The record after the change; null when the change deleted it. */
  after: Annotation | null;
}

export interface UndoEntry {
  id: string;
  before: Annotation | null;
  /**
   * Where the record was anchored before the change, when the caller knew
   * (null: it was an orphan). Undo of a move puts it back there.
   */
  beforeAnchor?: { start: number; end: number } | null;
  /** `modified` of the record after the change, null when it was deleted. */
  afterModified: string | null;
}

export interface UndoStep {
  kind: ChangeKind;
  /** Clock time (ms) of the last change merged into this step. */
  time: number;
  entries: UndoEntry[];
}

/** What the current store holds for a record: its `modified`, or null when it is gone. */
export type CurrentState = ReadonlyMap<string, string | null>;

function kindOf(change: RecordChange): ChangeKind {
  if (change.before === null && change.after === null) throw new Error(`notes/undo: change of ${change.id} has neither a before nor an after image`);
  if (change.before === null) return 'create';
  if (change.after === null) return 'delete';
  return 'edit';
}

export class UndoHistory {
  private steps: UndoStep[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.steps.length;
  }

  canUndo(): boolean {
    return this.steps.length > 0;
  }

  /** The step undo would revert, without removing it. */
  peek(): UndoStep | undefined {
    return this.steps[this.steps.length - 1];
  }

  /** Records a change made by this UI. Several records changed together form one step. */
  record(changes: RecordChange | RecordChange[]): void {
    const list = Array.isArray(changes) ? changes : [changes];
    if (list.length === 0) return;
    const ids = new Set<string>();
    for (const change of list) {
      if (ids.has(change.id)) throw new Error(`notes/undo: record ${change.id} appears twice in one step`);
      ids.add(change.id);
    }
    const time = this.now();
    const kinds = list.map(kindOf);
    const kind: ChangeKind = kinds.every((k) => k === kinds[0]) ? kinds[0]! : 'edit';
    const last = this.peek();
    const only = list.length === 1 ? list[0]! : undefined;
    if (
      only &&
      kind === 'edit' &&
      last &&
      last.entries.length === 1 &&
      last.entries[0]!.id === only.id &&
      (last.kind === 'edit' || last.kind === 'create') &&
      time - last.time < MERGE_WINDOW_MS &&
      last.entries[0]!.afterModified === only.before!.modified
    ) {
      // Keep the oldest before-image: undo returns to where the burst of edits began.
      last.entries[0]!.afterModified = only.after!.modified;
      last.time = time;
      return;
    }
    this.steps.push({
      kind,
      time,
      entries: list.map((c) => ({ id: c.id, before: plainOf(c.before), ...anchorOf(c.before), afterModified: c.after ? c.after.modified : null })),
    });
    if (this.steps.length > MAX_STEPS) this.steps.splice(0, this.steps.length - MAX_STEPS);
  }

  /** Removes and returns the newest step; the caller puts its before-images back. */
  pop(): UndoStep | undefined {
    return this.steps.pop();
  }

  /**
   * After a popped step was applied: the service gave the reverted records new
   * `modified` stamps (or removed them). The next older step of each record was
   * built on the before-image the undo just put back, so it now expects the new
   * stamp; without this every second undo of one note would look like a conflict.
   */
  rebase(step: UndoStep, now: ReadonlyMap<string, string | null>): void {
    for (const entry of step.entries) {
      if (!now.has(entry.id)) continue;
      const expected = entry.before ? entry.before.modified : null;
      for (let i = this.steps.length - 1; i >= 0; i--) {
        const older = this.steps[i]!.entries.find((e) => e.id === entry.id);
        if (!older) continue;
        if (older.afterModified === expected) older.afterModified = now.get(entry.id)!;
        break;
      }
    }
  }

  /** Puts a step back on top (its application failed, so it is still undoable). */
  pushBack(step: UndoStep): void {
    this.steps.push(step);
  }

  /**
   * Drops the steps an outside change made invalid. For each record, the newest
   * step touching it must find it as it left it; if not, that step and every
   * older step touching the record go (older ones would restore a state the
   * newer, now-lost step was built on). Returns how many steps were dropped.
   */
  reconcile(current: CurrentState): number {
    const tainted = new Set<string>();
    const checked = new Set<string>();
    const keep: boolean[] = new Array(this.steps.length).fill(true);
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const step = this.steps[i]!;
      let drop = step.entries.some((e) => tainted.has(e.id));
      for (const entry of step.entries) {
        if (checked.has(entry.id)) continue;
        checked.add(entry.id);
        const now = current.has(entry.id) ? current.get(entry.id)! : null;
        if (now !== entry.afterModified) drop = true;
      }
      if (drop) {
        keep[i] = false;
        for (const entry of step.entries) tainted.add(entry.id);
      }
    }
    const before = this.steps.length;
    this.steps = this.steps.filter((_, i) => keep[i]);
    return before - this.steps.length;
  }

  /** Forgets every step touching these records (they were changed outside this UI). */
  forget(ids: Iterable<string>): number {
    const gone = new Set(ids);
    const before = this.steps.length;
    this.steps = this.steps.filter((step) => !step.entries.some((e) => gone.has(e.id)));
    return before - this.steps.length;
  }

  clear(): void {
    this.steps = [];
  }
}

/** The before-image as the contract stores it: without the `anchor` the service computes. */
function plainOf(a: Annotation | null): Annotation | null {
  if (a === null || !('anchor' in a)) return a;
  const { anchor: _anchor, ...rest } = a as Annotation & { anchor: unknown };
  return rest;
}

function anchorOf(a: Annotation | null): Pick<UndoEntry, 'beforeAnchor'> {
  if (a === null || !('anchor' in a)) return {};
  const anchor = (a as AnchoredAnnotation).anchor;
  return { beforeAnchor: anchor ? { start: anchor.start, end: anchor.end } : null };
}

/** The current state of a list of annotations, for `reconcile`. */
export function currentState(list: readonly Pick<Annotation, 'id' | 'modified'>[]): Map<string, string> {
  return new Map(list.map((a) => [a.id, a.modified]));
}
