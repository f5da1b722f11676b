/**
 * Notes beside the text: one marker per note of this document, level with the
 * first line of its highlight, in the margin on the inline-end side. A marker
 * shows the note's colour and the start of its note; activating it opens the
 * note's card. Markers on the same line are spread out so none hides another.
 */
import { useLayoutEffect, useState } from 'react';
import type { AnchoredAnnotation } from '../../src/api/contract';
import type { CurrentDocument } from '../app/context';
import { spotOfOffsets, spreadOut } from './geometry';
import { useNotes } from './useNotes';

const MARKER_GAP_PX = 30;

interface Placed {
  note: AnchoredAnnotation;
  top: number;
}

export function MarginNotes({ root, doc, notes }: { root: HTMLElement; doc: CurrentDocument; notes: AnchoredAnnotation[] }) {
  const { store, state, nt } = useNotes();
  const [placed, setPlaced] = useState<(Placed & { placed: number })[]>([]);

  useLayoutEffect(() => {
    const place = () => {
      const items: Placed[] = [];
      for (const note of notes) {
        if (note.anchor === null) continue;
        const spot = spotOfOffsets(root, doc.layout, note.anchor.start, note.anchor.end);
        if (spot !== null) items.push({ note, top: spot.top });
      }
      setPlaced(spreadOut(items, MARKER_GAP_PX));
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(root);
    return () => observer.disconnect();
  }, [root, doc, notes]);

  if (placed.length === 0) return null;
  return (
    <div className="notes-margin" aria-label={nt('notes')} role="list">
      {placed.map(({ note, placed: top }) => (
        <div role="listitem" key={note.id} className="notes-margin-item" style={{ top }}>
          <button
            type="button"
            className={`notes-marker notes-marker-${note.color}${state.active === note.id ? ' is-active' : ''}`}
            aria-label={`${nt('editNote')}: ${note.body.note || nt('emptyNote')}`}
            title={note.body.note || undefined}
            data-note-id={note.id}
            onClick={() => store.edit(note.id)}
          >
            <span className="notes-marker-dot" aria-hidden="true" />
            {note.body.note !== '' && (
              <span className="notes-marker-text" dir="auto">
                {note.body.note}
              </span>
            )}
          </button>
        </div>
      ))}
    </div>
  );
}
