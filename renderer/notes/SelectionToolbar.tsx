/**
 * The small toolbar that appears over a text selection in the reader: five
 * highlight colours, "Note" and "Tags" (highlight, then open the note's card
 * on that field). While an orphan is being re-attached it offers "Attach the
 * note here" instead.
 *
 * The selection becomes offsets with reader/highlights.ts (the document's
 * text is the only coordinate system); the toolbar keeps the selection alive
 * by not taking focus on mouse down. From the keyboard, Ctrl/Cmd+Shift+H
 * moves focus into the toolbar (Tab between its buttons, Escape leaves it).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { HighlightColor } from '../../src/api/contract';
import type { CurrentDocument } from '../app/context';
import { offsetsFromSelection } from '../reader/highlights';
import { COLORS } from './filter';
import { frameOf, spotOfRange, type Spot } from './geometry';
import { useNotes } from './useNotes';

interface Picked extends Spot {
  start: number;
  end: number;
}

function readSelection(root: HTMLElement): Picked | null {
  const selection = document.getSelection();
  const offsets = offsetsFromSelection(root, selection);
  if (offsets === null || selection === null) return null;
  const range = selection.getRangeAt(0);
  // Only a selection that starts and ends in the text: not one that wanders into the notes UI or the panel.
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const spot = spotOfRange(range, frameOf(root));
  return spot === null ? null : { ...offsets, ...spot };
}

export function SelectionToolbar({ root, doc }: { root: HTMLElement; doc: CurrentDocument }) {
  const { store, state, nt } = useNotes();
  const [picked, setPicked] = useState<Picked | null>(null);
  const frame = useRef(0);
  const bar = useRef<HTMLDivElement>(null);
  const docId = doc.view.entry.id;
  const reattaching = state.reattaching !== null ? store.find(state.reattaching) : undefined;
  const reattachHere = reattaching !== undefined && reattaching.target.source === docId;

  useEffect(() => {
    const update = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => setPicked(readSelection(root)));
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame.current);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('resize', update);
    };
  }, [root]);

  // The shortcut is listened for all the time, not only once the toolbar is
  // shown: the toolbar appears one animation frame after the selection, and a
  // quick hand (or a test) can press the keys inside that frame.
  const focusWhenShown = useRef(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h')) return;
      const first = bar.current?.querySelector<HTMLButtonElement>('button');
      if (first) {
        e.preventDefault();
        first.focus();
        return;
      }
      const now = readSelection(root);
      if (now === null) return;
      e.preventDefault();
      cancelAnimationFrame(frame.current);
      focusWhenShown.current = true;
      setPicked(now);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);

  useLayoutEffect(() => {
    if (!focusWhenShown.current || picked === null) return;
    focusWhenShown.current = false;
    bar.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [picked]);

  if (picked === null) return null;
  const { start, end } = picked;
  const done = () => {
    document.getSelection()?.removeAllRanges();
    setPicked(null);
  };
  const highlight = async (color: HighlightColor, then?: 'note' | 'tags') => {
    done();
    const saved = await store.create(docId, start, end, color);
    if (saved && then) store.edit(saved.id, then);
  };

  return (
    <div
      className="notes-toolbar"
      ref={bar}
      role="toolbar"
      aria-label={nt('toolbar')}
      aria-keyshortcuts="Control+Shift+H Meta+Shift+H"
      title={nt('toolbarShortcut')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          done();
        }
      }}
      style={{ top: Math.max(0, picked.top - 48), left: picked.center }}
      onMouseDown={(e) => e.preventDefault()}
      data-testid="notes-toolbar"
    >
      {reattachHere ? (
        <>
          <button type="button" className="notes-toolbar-text" data-testid="toolbar-attach" onClick={() => (done(), void store.reattach(reattaching.id, start, end))}>
            {nt('attachHere')}
          </button>
          <button type="button" className="notes-toolbar-text" onClick={() => store.startReattach(null)}>
            {nt('cancel')}
          </button>
        </>
      ) : (
        <>
          {COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`notes-swatch notes-swatch-${color}`}
              aria-label={nt('highlightIn', { color: nt(color) })}
              title={nt('highlightIn', { color: nt(color) })}
              data-color={color}
              onClick={() => void highlight(color)}
            />
          ))}
          <button type="button" className="notes-toolbar-text" title={nt('addNoteLong')} data-testid="toolbar-note" onClick={() => void highlight('yellow', 'note')}>
            {nt('addNote')}
          </button>
          <button type="button" className="notes-toolbar-text" title={nt('addTagsLong')} data-testid="toolbar-tags" onClick={() => void highlight('yellow', 'tags')}>
            {nt('addTags')}
          </button>
        </>
      )}
    </div>
  );
}
