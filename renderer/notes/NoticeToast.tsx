/**
 * What the notes UI tells the user after an action: deleted (with Undo),
 * undone, re-attached, imported, or why a save failed. A polite live region,
 * so screen readers hear it too; it goes away by itself after a while, except
 * errors, which stay until dismissed.
 */
import { useEffect } from 'react';
import type { Notice } from './store';
import type { NotesStringKey } from './strings';
import { useNotes } from './useNotes';

const SHOW_MS = 8000;

const MESSAGE: Record<Notice['kind'], NotesStringKey> = {
  deleted: 'deleted',
  undone: 'undone',
  'nothing-to-undo': 'nothingToUndo',
  reattached: 'reattached',
  imported: 'imported',
  'import-failed': 'importFailed',
  'export-failed': 'exportFailed',
  error: 'error',
  conflict: 'conflict',
};

export function NoticeToast() {
  const { store, state, nt } = useNotes();
  const notice = state.notice;

  useEffect(() => {
    if (notice === null || notice.kind.endsWith('failed') || notice.kind === 'error' || notice.kind === 'conflict') return;
    const timer = window.setTimeout(() => store.dismissNotice(), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [notice, store]);

  return (
    <div className="notes-toast-region" aria-live="polite">
      {notice !== null && (
        <div className={`notes-toast notes-toast-${notice.kind}`} role={notice.kind === 'error' || notice.kind.endsWith('failed') ? 'alert' : 'status'} data-testid="notes-toast" key={notice.seq}>
          <span dir="auto">{nt(MESSAGE[notice.kind], notice.params)}</span>
          {notice.undoable && state.canUndo && (
            <button type="button" className="notes-toast-undo" onClick={() => void store.undo()} data-testid="notes-undo">
              {nt('undo')}
            </button>
          )}
          <button type="button" className="icon-button" aria-label={nt('dismiss')} onClick={() => store.dismissNotice()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
