/**
 * Puts an undo step's before-images back through the contract.
 *
 * Kept apart from undo.ts so the history stays plain data; this module is the
 * only one that turns a step into calls: a created record is deleted, a
 * deleted one restored from its before-image, an edited one updated back to
 * its old note, tags, colour and (if it moved) position. `expectedModified`
 * makes a record that changed meanwhile fail as a conflict instead of being
 * silently overwritten.
 */
import type { AnchoredAnnotation, Annotation, DaftarApi, TextPositionSelector } from '../../src/api/contract';
import type { UndoEntry, UndoStep } from './undo';

export type UndoApi = Pick<DaftarApi, 'deleteAnnotation' | 'restoreAnnotation' | 'updateAnnotation'>;

export interface UndoOutcome {
  /** Records as they are after the undo. */
  saved: AnchoredAnnotation[];
  /** Ids the undo removed. */
  removed: string[];
}

export function positionOf(annotation: Pick<Annotation, 'target'>): TextPositionSelector | undefined {
  return annotation.target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

function samePosition(a: Annotation, b: Annotation): boolean {
  const pa = positionOf(a);
  const pb = positionOf(b);
  return pa?.start === pb?.start && pa?.end === pb?.end;
}

function sameRange(a: { start: number; end: number } | null | undefined, b: { start: number; end: number } | null | undefined): boolean {
  return (a ?? null) === (b ?? null) || (!!a && !!b && a.start === b.start && a.end === b.end);
}

async function revertEdit(entry: UndoEntry, before: Annotation, api: UndoApi, now: AnchoredAnnotation | Annotation | undefined): Promise<AnchoredAnnotation> {
  const expectedModified = entry.afterModified!;
  const fields = { note: before.body.note, tags: [...before.body.tags], color: before.color };
  const nowAnchor = now && 'anchor' in now ? (now as AnchoredAnnotation).anchor : undefined;
  const moved = now !== undefined && (entry.beforeAnchor !== undefined ? !sameRange(entry.beforeAnchor, nowAnchor) : !samePosition(before, now));
  if (!moved) return api.updateAnnotation({ id: entry.id, ...fields, expectedModified });
  const target = entry.beforeAnchor !== undefined ? entry.beforeAnchor : positionOf(before);
  if (target) return api.updateAnnotation({ id: entry.id, ...fields, reattach: { start: target.start, end: target.end }, expectedModified });
  // It was an orphan before (a re-attach is being undone): there is no text to
  // attach it to, so the before-image replaces it, in one commit and only if
  // nobody changed it meanwhile.
  return api.restoreAnnotation({ annotation: before, expectedModified });
}

/**
 * Applies the step, newest entries first. `current` gives the record as the UI
 * last saw it, to tell whether an edit moved it. Throws on the first failing
 * call; what was applied before stays applied (each call is its own commit),
 * and the caller reloads the list and reconciles the history.
 */
export async function applyUndo(step: UndoStep, api: UndoApi, current: (id: string) => Annotation | undefined): Promise<UndoOutcome> {
  const outcome: UndoOutcome = { saved: [], removed: [] };
  for (const entry of [...step.entries].reverse()) {
    const { before } = entry;
    if (before === null) {
      await api.deleteAnnotation({ id: entry.id });
      outcome.removed.push(entry.id);
    } else if (entry.afterModified === null) {
      outcome.saved.push(await api.restoreAnnotation({ annotation: before }));
    } else {
      outcome.saved.push(await revertEdit(entry, before, api, current(entry.id)));
    }
  }
  return outcome;
}

/** What an outcome left in the store, for UndoHistory.rebase. */
export function outcomeState(outcome: UndoOutcome): Map<string, string | null> {
  const state = new Map<string, string | null>();
  for (const id of outcome.removed) state.set(id, null);
  for (const saved of outcome.saved) state.set(saved.id, saved.modified);
  return state;
}
