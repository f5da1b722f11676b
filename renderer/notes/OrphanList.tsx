/**
 * "Needs attention": notes whose text could not be found in the current
 * version of their document. Nothing is ever deleted for the user: each shows
 * its quote and note, and can be re-attached (open its document, select the
 * new text, "Attach the note here") or deleted (undoable).
 */
import type { AnchoredAnnotation } from '../../src/api/contract';
import { useApp } from '../app/context';
import { quoteOf } from './store';
import { useNotes } from './useNotes';

export function OrphanList({ orphans, titles }: { orphans: AnchoredAnnotation[]; titles: ReadonlyMap<string, string> }) {
  const { store, state, nt } = useNotes();
  const { navigate } = useApp();
  return (
    <section className="notes-orphans" aria-labelledby="notes-orphans-heading" data-testid="needs-attention">
      <h3 id="notes-orphans-heading">
        {nt('needsAttention')} ({orphans.length})
      </h3>
      <p className="muted">{nt('needsAttentionHelp')}</p>
      <ul>
        {orphans.map((note) => (
          <li key={note.id} className={`notes-orphan notes-item-${note.color}`} data-note-id={note.id}>
            <span className="muted">{nt('orphanQuote')}</span> <q dir="auto">{quoteOf(note)}</q>
            {note.body.note !== '' && (
              <p className="notes-item-note" dir="auto">
                {note.body.note}
              </p>
            )}
            <p className="muted">
              {nt('inDocument')} <bdi>{titles.get(note.target.source) ?? note.target.source}</bdi>
            </p>
            <div className="notes-orphan-actions">
              <button
                type="button"
                aria-pressed={state.reattaching === note.id}
                onClick={() => {
                  navigate({ docId: note.target.source });
                  store.startReattach(state.reattaching === note.id ? null : note.id);
                }}
              >
                {nt('reattach')}
              </button>
              <button type="button" className="notes-danger" onClick={() => void store.remove(note.id)}>
                {nt('deleteNote')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
