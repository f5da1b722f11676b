/**
 * React access to the notes store of the window's API client. The first
 * component to mount loads the list; coming back to the window reloads it, so
 * a change made in another window shows up (and invalidates undo steps it
 * touched, see undo.ts).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useApp } from '../app/context';
import { notesStoreFor, type NotesState, type NotesStore } from './store';
import { notesT, type NotesT } from './strings';

const loaded = new WeakSet<NotesStore>();

export function useNotes(): { store: NotesStore; state: NotesState; nt: NotesT } {
  const { api, lang } = useApp();
  const store = notesStoreFor(api);
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const nt = useMemo(() => notesT(lang), [lang]);
  return { store, state, nt };
}

/**
 * Keeps the list in step with the store on disk: loads it once, and again
 * when the window comes back. Called by the two roots (reader layer, notes
 * panel) only, so one focus is not a load per component.
 */
export function useNotesSync(): void {
  const { api } = useApp();
  const store = notesStoreFor(api);
  useEffect(() => {
    if (!loaded.has(store)) {
      loaded.add(store);
      void store.load();
    }
    const reload = () => {
      if (document.visibilityState === 'visible') void store.load();
    };
    window.addEventListener('focus', reload);
    document.addEventListener('visibilitychange', reload);
    return () => {
      window.removeEventListener('focus', reload);
      document.removeEventListener('visibilitychange', reload);
    };
  }, [store]);
}
