/**
 * The find bar's request, shared between whoever opens it (a search hit, or
 * Ctrl/Cmd+F) and the find bar itself, which lives with the reader. A tiny
 * external store (useSyncExternalStore), so the two need no common parent.
 */

export interface FindState {
  open: boolean;
  /** The document the request is for; the bar ignores requests for another document. */
  docId: string | null;
  query: string;
  /** Document offset to start at (the opened hit's first match). */
  anchor?: number;
  /** Whether the bar should take focus (Ctrl+F yes; opening a hit keeps focus on the result). */
  focus: boolean;
  /** Bumped on every request, so asking again re-runs and re-scrolls. */
  seq: number;
}

export class FindStore {
  private state: FindState = { open: false, docId: null, query: '', focus: false, seq: 0 };
  private readonly listeners = new Set<() => void>();

  getState = (): FindState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  open(request: { docId: string; query?: string; anchor?: number; focus: boolean }): void {
    const query = request.query ?? this.state.query;
    this.set({ open: true, docId: request.docId, query, anchor: request.anchor, focus: request.focus, seq: this.state.seq + 1 });
  }

  /** The bar's own field changed; no re-anchoring. */
  setQuery(query: string): void {
    this.set({ ...this.state, query, anchor: undefined, focus: false });
  }

  close(): void {
    this.set({ ...this.state, open: false, anchor: undefined, focus: false });
  }

  private set(next: FindState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** The one store of the window. */
export const findStore = new FindStore();
