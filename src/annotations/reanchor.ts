/**
 * Moving a document's notes onto a new version of its text (after a capture
 * or import replaced it).
 *
 * Each note that anchors on the new text gets fresh selectors described from
 * the new text and the new content hash, so the next read is a cheap
 * position hit. A note that does not anchor is left exactly as it was: its
 * old quote is what lets the user recognise and re-attach it, and nothing is
 * ever deleted automatically. `modified` is not touched: the user's note did
 * not change, and an import of their own older export must not win over it.
 */
import { anchor, prepareText } from './anchor';
import { describe } from './describe';
import type { AnnotationStore } from './store';

export interface ReanchorResult {
  anchored: number;
  orphaned: number;
}

export function reanchorDocument(store: AnnotationStore, docId: string, newText: string, newContentHash: string): ReanchorResult {
  const prepared = prepareText(newText);
  const result: ReanchorResult = { anchored: 0, orphaned: 0 };
  store.transaction(() => {
    for (const note of store.list(docId)) {
      const found = anchor(prepared, note.target.selector, { sameText: note.target.contentHash === newContentHash });
      if (!found) {
        result.orphaned++;
        continue;
      }
      result.anchored++;
      if (note.target.contentHash === newContentHash && found.method === 'position') continue;
      store.update(note.id, (current) => ({ ...current, target: { ...current.target, contentHash: newContentHash, selector: describe(newText, found.start, found.end) } }));
    }
  });
  return result;
}
