/**
 * The card of one note, opened under its highlight: the quote, colour, note
 * text and tags, saved as the user types (a short pause, or leaving the field
 * or closing the card, sends the change); Delete (undoable from the toast or
 * Ctrl/Cmd+Z); "Show in the notes list" leads back to the note in the panel.
 *
 * Typing keeps a local draft so a save coming back never moves the caret; a
 * note over the service's limits is not sent and says why.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AnchoredAnnotation } from '../../src/api/contract';
import type { CurrentDocument } from '../app/context';
import { useApp } from '../app/context';
import { COLORS, parseTags } from './filter';
import { spotOfOffsets, type Spot } from './geometry';
import { checkNote } from './limits';
import { quoteOf } from './store';
import { useNotes } from './useNotes';

const SAVE_AFTER_MS = 400;

export function NoteEditor({ note, field, root, doc }: { note: AnchoredAnnotation; field: 'note' | 'tags'; root: HTMLElement; doc: CurrentDocument }) {
  const { store, state, nt } = useNotes();
  const { openPanel, lang } = useApp();
  const [text, setText] = useState(note.body.note);
  const [tagText, setTagText] = useState(note.body.tags.join(lang === 'ar' ? '، ' : ', '));
  const [spot, setSpot] = useState<Spot | null>(null);
  const latest = useRef({ text, tagText });
  latest.current = { text, tagText };
  const timer = useRef<number | undefined>(undefined);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  const problem = checkNote(text, parseTags(tagText));

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const { text: t, tagText: tt } = latest.current;
    const tags = parseTags(tt);
    if (checkNote(t, tags) !== null) return;
    void store.update(note.id, { note: t, tags });
  }, [store, note.id]);

  const schedule = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
  };

  // Leaving the card (closing, another note, another document) saves what was typed,
  // and so does the window going away or to the background, without waiting for the pause.
  useEffect(() => {
    const away = () => {
      if (timer.current !== undefined && (document.visibilityState === 'hidden' || !document.hasFocus())) flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('blur', away);
    document.addEventListener('visibilitychange', away);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('blur', away);
      document.removeEventListener('visibilitychange', away);
      if (timer.current !== undefined) flush();
    };
  }, [flush]);

  useLayoutEffect(() => {
    if (note.anchor === null) return;
    const place = () => setSpot(spotOfOffsets(root, doc.layout, note.anchor!.start, note.anchor!.end));
    place();
    const observer = new ResizeObserver(place);
    observer.observe(root);
    return () => observer.disconnect();
  }, [root, doc, note.anchor]);

  useEffect(() => {
    (field === 'tags' ? tagsRef.current : noteRef.current)?.focus({ preventScroll: true });
  }, [field, note.id]);

  const close = () => {
    flush();
    store.edit(null);
  };

  if (spot === null) return null;
  return (
    <section
      className="notes-editor"
      style={{ top: spot.bottom + 8 }}
      aria-label={nt('editNote')}
      data-testid="note-editor"
      data-note-id={note.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <blockquote className="notes-editor-quote" dir="auto">
        {quoteOf(note)}
      </blockquote>
      <div className="notes-colors" role="radiogroup" aria-label={nt('color')}>
        {COLORS.map((color) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={note.color === color}
            aria-label={nt(color)}
            className={`notes-swatch notes-swatch-${color}`}
            onClick={() => void store.update(note.id, { color })}
          />
        ))}
      </div>
      <label className="notes-field">
        <span>{nt('noteText')}</span>
        <textarea
          ref={noteRef}
          dir="auto"
          rows={4}
          value={text}
          placeholder={nt('notePlaceholder')}
          onChange={(e) => (setText(e.target.value), schedule())}
          onBlur={flush}
          data-testid="note-text"
        />
      </label>
      <label className="notes-field">
        <span>{nt('tags')}</span>
        <input
          ref={tagsRef}
          dir="auto"
          value={tagText}
          placeholder={nt('tagsPlaceholder')}
          onChange={(e) => (setTagText(e.target.value), schedule())}
          onBlur={flush}
          data-testid="note-tags"
        />
      </label>
      {problem !== null && (
        <p className="notes-problem" role="alert">
          {nt(problem.key, problem.params)}
        </p>
      )}
      <div className="notes-editor-actions">
        <span className="notes-status" aria-live="polite">
          {state.pending > 0 ? nt('saving') : nt('saved')}
        </span>
        <button type="button" className="link-button" onClick={() => (flush(), openPanel('notes', note.id))}>
          {nt('showInList')}
        </button>
        <button type="button" className="notes-danger" onClick={() => (window.clearTimeout(timer.current), (timer.current = undefined), void store.remove(note.id))} data-testid="note-delete">
          {nt('deleteNote')}
        </button>
        <button type="button" onClick={close} data-testid="note-close">
          {nt('close')}
        </button>
      </div>
    </section>
  );
}
