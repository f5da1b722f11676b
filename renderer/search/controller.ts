/**
 * Results as you type: the search field's state machine, free of React and DOM
 * so it is tested with fake timers and a fake API.
 *
 * - Debounces typing (DEBOUNCE_MS), so a fast typist sends one request.
 * - Answers arrive out of order: each request carries a sequence number and
 *   only the latest one's answer is shown.
 * - A failed call is shown as an error state, never thrown at the UI.
 * - While the index is building, polls getIndexStatus (POLL_MS) for progress
 *   and runs the query again once it is ready, so results fill in by themselves.
 */
import type { DaftarApi, IndexStatus, SearchResponse } from '../../src/api/contract';

/** About two frames of typing: long enough to skip intermediate keystrokes, short enough to feel live. */
export const DEBOUNCE_MS = 150;
export const POLL_MS = 500;
/** Hits asked for: more than fit on screen, few enough to render at once. */
export const RESULT_LIMIT = 50;

export interface SearchState {
  query: string;
  response: SearchResponse | null;
  /** A request is in flight (or waiting for the debounce). */
  pending: boolean;
  error: string | null;
  /** The latest known index status (from a response or from polling). */
  index: IndexStatus | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message !== '') return error.message;
  return String(error);
}

export class SearchController {
  private state: SearchState = { query: '', response: null, pending: false, error: null, index: null };
  private readonly listeners = new Set<() => void>();
  private debounce: unknown = null;
  private poll: unknown = null;
  private seq = 0;
  private disposed = false;

  constructor(
    private readonly api: Pick<DaftarApi, 'search' | 'getIndexStatus'>,
    private readonly timers: Timers = realTimers,
  ) {}

  getState = (): SearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The field changed: clear at once when empty, otherwise search after the debounce. */
  setQuery(query: string): void {
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.debounce = null;
    if (query.trim() === '') {
      this.seq++; // drop any answer still on its way
      this.set({ query, response: null, pending: false, error: null });
      return;
    }
    this.set({ query, pending: true });
    this.debounce = this.timers.setTimeout(() => {
      this.debounce = null;
      void this.run();
    }, DEBOUNCE_MS);
  }

  /** Runs the current query now (Enter before the debounce fired, or a retry). */
  async run(): Promise<void> {
    const query = this.state.query;
    if (query.trim() === '' || this.disposed) return;
    const seq = ++this.seq;
    this.set({ pending: true });
    try {
      const response = await this.api.search({ query, limit: RESULT_LIMIT });
      if (seq !== this.seq || this.disposed) return;
      this.set({ response, pending: false, error: null, index: response.index });
      this.watchIndex(response.index);
    } catch (error) {
      if (seq !== this.seq || this.disposed) return;
      this.set({ pending: false, error: messageOf(error) });
    }
  }

  /**
   * Asks for the index status without searching (the field got focus), so a
   * rebuild in progress is shown before the reader types; a failure is ignored
   * (the next search reports it).
   */
  async refreshStatus(): Promise<void> {
    if (this.disposed) return;
    try {
      const status = await this.api.getIndexStatus();
      if (this.disposed) return;
      this.set({ index: status });
      this.watchIndex(status);
    } catch {
      // Nothing to show yet; searching will surface the error.
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    if (this.poll !== null) this.timers.clearTimeout(this.poll);
    this.listeners.clear();
  }

  private watchIndex(status: IndexStatus): void {
    if (status.state !== 'building' || this.poll !== null) return;
    this.poll = this.timers.setTimeout(async () => {
      this.poll = null;
      if (this.disposed) return;
      let next: IndexStatus;
      try {
        next = await this.api.getIndexStatus();
      } catch {
        next = status; // keep showing the last progress; try again next tick
      }
      if (this.disposed) return;
      this.set({ index: next });
      if (next.state === 'building') this.watchIndex(next);
      else if (this.state.query.trim() !== '') void this.run();
    }, POLL_MS);
  }

  private set(patch: Partial<SearchState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
