/**
 * The notes layer over the reader (registered in app/panels.tsx readerLayers):
 * paints this document's highlights with the CSS Custom Highlight API (one
 * Highlight per colour, one more for the note in focus), and mounts the
 * selection toolbar, the margin markers, the open note's card, the re-attach
 * banner and the toast. Ctrl/Cmd+Z outside text fields undoes the last change
 * to the notes; clicking highlighted text opens that note.
 *
 * It never changes the reader's DOM: ranges are computed from offsets over
 * the existing text nodes (reader/highlights.ts), so Arabic letters keep
 * joining across a highlight's edge.
 */
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { ReaderLayerProps } from '../app/panels';
import { clearHighlight, offsetOfPoint, rangesFromOffsets, setHighlight } from '../reader/highlights';
import { MarginNotes } from './MarginNotes';
import { NoteEditor } from './NoteEditor';
import { NoticeToast } from './NoticeToast';
import { ACTIVE_HIGHLIGHT, ALL_HIGHLIGHT_NAMES, notesAt, paintPlan } from './paint';
import { SelectionToolbar } from './SelectionToolbar';
import { quoteOf } from './store';
import { useNotes, useNotesSync } from './useNotes';
import './notes.css';

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/** The text position under a click, where the engine can tell (Chromium: caretPositionFromPoint or caretRangeFromPoint). */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function NotesLayer({ root, doc }: ReaderLayerProps) {
  useNotesSync();
  const { store, state, nt } = useNotes();
  const docId = doc.view.entry.id;
  const notes = useMemo(() => state.list.filter((n) => n.target.source === docId), [state.list, docId]);

  useLayoutEffect(() => {
    const plan = paintPlan(notes, docId, state.active);
    for (const [name, pairs] of plan) setHighlight(name, rangesFromOffsets(root, doc.layout, pairs), name === ACTIVE_HIGHLIGHT ? 2 : 1);
  }, [root, doc, docId, notes, state.active]);
  useEffect(() => () => ALL_HIGHLIGHT_NAMES.forEach(clearHighlight), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (isTextField(e.target)) return; // the field's own undo of typing
      e.preventDefault();
      void store.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) return;
      if ((e.target as Element | null)?.closest?.('a, button')) return;
      const caret = caretAt(e.clientX, e.clientY);
      if (!caret) return;
      const offset = offsetOfPoint(root, caret.node, caret.offset, 'forward');
      if (offset === null) return;
      const hit = notesAt(notes, docId, offset)[0];
      if (hit) store.edit(hit.id);
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [root, notes, docId, store]);

  const editing = state.editing ? notes.find((n) => n.id === state.editing!.id && n.anchor !== null) : undefined;
  const reattaching = state.reattaching ? store.find(state.reattaching) : undefined;

  return (
    <div className="notes-layer" data-testid="notes-layer">
      <SelectionToolbar root={root} doc={doc} />
      <MarginNotes root={root} doc={doc} notes={notes} />
      {editing && <NoteEditor key={editing.id} note={editing} field={state.editing!.field} root={root} doc={doc} />}
      {reattaching && (
        <div className="notes-banner" role="status" data-testid="reattach-banner">
          <span>{nt('reattachBanner')}</span>{' '}
          <q dir="auto">{quoteOf(reattaching)}</q>
          <button type="button" onClick={() => store.startReattach(null)}>
            {nt('cancel')}
          </button>
        </div>
      )}
      <NoticeToast />
    </div>
  );
}
