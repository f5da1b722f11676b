/**
 * The notes UI's state: every annotation of every document, the undo history,
 * what is focused, and what the user should be told. One store per API client,
 * shared by the reader layer (highlights, toolbar, margin) and the notes panel,
 * which are separate mounts in the app shell.
 *
 * Every change goes to the contract at once and the store only takes what the
 * service answered (so the UI never shows a note that is not saved). Writes
 * run one after another: a quick second edit of a note must carry the
 * `modified` the first one produced, or the service would see a conflict.
 *
 * Language-free: messages are codes with parameters; components translate.
 * No React here (components subscribe with useSyncExternalStore).
 */
import type { AnchoredAnnotation, Annotation, DaftarApi, ExportResponse, HighlightColor, ImportAnnotationsResponse } from '../../src/api/contract';
import { UndoHistory, currentState, type RecordChange } from './undo';
import { applyUndo, outcomeState } from './undo-apply';

export type NotesApi = Pick<
  DaftarApi,
  'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation' | 'exportAnnotations' | 'importAnnotations'
>;

export type NoticeKind = 'deleted' | 'undone' | 'nothing-to-undo' | 'reattached' | 'imported' | 'import-failed' | 'export-failed' | 'error' | 'conflict';

export interface Notice {
  kind: NoticeKind;
  /** Increases with each notice, so the same message twice is shown twice. */
  seq: number;
  /** Whether the toast offers Undo (the history has a step to revert). */
  undoable: boolean;
  params?: Record<string, string | number>;
}

export interface NotesState {
  list: AnchoredAnnotation[];
  loaded: boolean;
  /** Why the list could not be loaded (shown instead of the list). */
  loadError: string | null;
  notice: Notice | null;
  /** The note the user is looking at: outlined in the text, its card opened. */
  active: string | null;
  /** The note whose editor card is open beside its highlight, and which field gets focus. */
  editing: { id: string; field: 'note' | 'tags' } | null;
  /** An orphan waiting for the user to select new text for it. */
  reattaching: string | null;
  canUndo: boolean;
  /** Writes in flight (for a quiet "saving…"). */
  pending: number;
}

export interface NoteEdit {
  note?: string;
  tags?: string[];
  color?: HighlightColor;
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class NotesStore {
  private state: NotesState = { list: [], loaded: false, loadError: null, notice: null, active: null, editing: null, reattaching: null, canUndo: false, pending: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly history: UndoHistory;
  private queue: Promise<unknown> = Promise.resolve();
  private loading: Promise<void> | undefined;
  private seq = 0;

  constructor(
    private readonly api: NotesApi,
    now: () => number = Date.now,
  ) {
    this.history = new UndoHistory(now);
  }

  // ------------------------------------------------ subscription

  getState = (): NotesState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<NotesState>): void {
    this.state = { ...this.state, ...patch, canUndo: this.history.canUndo() };
    for (const listener of this.listeners) listener();
  }

  private notify(kind: NoticeKind, params?: Record<string, string | number>): void {
    this.set({ notice: { kind, seq: ++this.seq, undoable: this.history.canUndo() && (kind === 'deleted' || kind === 'reattached'), params } });
  }

  dismissNotice(): void {
    if (this.state.notice) this.set({ notice: null });
  }

  find(id: string): AnchoredAnnotation | undefined {
    return this.state.list.find((a) => a.id === id);
  }

  setActive(id: string | null): void {
    if (this.state.active !== id) this.set({ active: id });
  }

  /** Opens (or with null closes) the editor card of a note. */
  edit(id: string | null, field: 'note' | 'tags' = 'note'): void {
    this.set({ editing: id === null ? null : { id, field }, ...(id !== null ? { active: id } : {}) });
  }

  startReattach(id: string | null): void {
    this.set({ reattaching: id });
  }

  // ------------------------------------------------ writes

  /** Runs writes one at a time; a failure is reported and does not stop the queue. */
  private write<T>(job: () => Promise<T>, failure: NoticeKind = 'error'): Promise<T | undefined> {
    this.set({ pending: this.state.pending + 1 });
    const run = this.queue.then(job).then(
      (value) => value,
      async (error: unknown) => {
        await this.failed(error, failure);
        return undefined;
      },
    );
    this.queue = run.finally(() => this.set({ pending: this.state.pending - 1 }));
    return run;
  }

  private async failed(error: unknown, kind: NoticeKind): Promise<void> {
    if (codeOf(error) === 'conflict' || codeOf(error) === 'not-found') {
      // Someone else changed it: show what is saved now, and forget undo steps it broke.
      await this.reload();
      this.notify('conflict', { message: messageOf(error) });
    } else {
      this.notify(kind, { message: messageOf(error) });
    }
  }

  private put(saved: AnchoredAnnotation): void {
    const list = this.state.list.some((a) => a.id === saved.id) ? this.state.list.map((a) => (a.id === saved.id ? saved : a)) : [...this.state.list, saved];
    this.set({ list });
  }

  private drop(id: string): void {
    this.set({
      list: this.state.list.filter((a) => a.id !== id),
      active: this.state.active === id ? null : this.state.active,
      editing: this.state.editing?.id === id ? null : this.state.editing,
      reattaching: this.state.reattaching === id ? null : this.state.reattaching,
    });
  }

  private recordChange(change: RecordChange): void {
    this.history.record(change);
  }

  /**
   * Loads every note; an outside change since the last load drops the undo
   * steps it invalidates. Queued behind the writes in flight: a list read
   * before a write commits would look like an outside change and drop the
   * undo step of that write. Calls made while one is waiting share it.
   */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    const run = this.queue.then(() => this.reload());
    this.loading = run.finally(() => (this.loading = undefined));
    this.queue = this.loading;
    return this.loading;
  }

  private async reload(): Promise<void> {
    try {
      const list = await this.api.listAnnotations({});
      this.history.reconcile(currentState(list));
      const ids = new Set(list.map((a) => a.id));
      this.set({
        list,
        loaded: true,
        loadError: null,
        active: this.state.active && ids.has(this.state.active) ? this.state.active : null,
        editing: this.state.editing && ids.has(this.state.editing.id) ? this.state.editing : null,
        reattaching: this.state.reattaching && ids.has(this.state.reattaching) ? this.state.reattaching : null,
      });
    } catch (error) {
      this.set({ loaded: true, loadError: messageOf(error) });
    }
  }

  create(docId: string, start: number, end: number, color: HighlightColor, note?: string, tags?: string[]): Promise<AnchoredAnnotation | undefined> {
    return this.write(async () => {
      const saved = await this.api.createAnnotation({ docId, start, end, color, ...(note ? { note } : {}), ...(tags && tags.length ? { tags } : {}) });
      this.recordChange({ id: saved.id, before: null, after: saved });
      this.put(saved);
      this.set({ active: saved.id });
      return saved;
    });
  }

  update(id: string, edit: NoteEdit): Promise<AnchoredAnnotation | undefined> {
    return this.write(async () => {
      const before = this.find(id);
      if (!before) throw new Error(`notes: note ${id} is no longer in the list`);
      const unchanged =
        (edit.note === undefined || edit.note === before.body.note) &&
        (edit.color === undefined || edit.color === before.color) &&
        (edit.tags === undefined || JSON.stringify(edit.tags) === JSON.stringify(before.body.tags));
      if (unchanged) return before;
      const saved = await this.api.updateAnnotation({ id, ...edit, expectedModified: before.modified });
      this.recordChange({ id, before, after: saved });
      this.put(saved);
      return saved;
    });
  }

  reattach(id: string, start: number, end: number): Promise<AnchoredAnnotation | undefined> {
    return this.write(async () => {
      const before = this.find(id);
      if (!before) throw new Error(`notes: note ${id} is no longer in the list`);
      const saved = await this.api.updateAnnotation({ id, reattach: { start, end }, expectedModified: before.modified });
      this.recordChange({ id, before, after: saved });
      this.put(saved);
      this.set({ reattaching: null, active: id });
      this.notify('reattached');
      return saved;
    });
  }

  remove(id: string): Promise<Annotation | undefined> {
    return this.write(async () => {
      const gone = await this.api.deleteAnnotation({ id });
      this.recordChange({ id, before: gone, after: null });
      this.drop(id);
      this.notify('deleted', { quote: quoteOf(gone) });
      return gone;
    });
  }

  /** Reverts the newest step (Ctrl/Cmd+Z, or Undo in the toast). */
  undo(): Promise<boolean | undefined> {
    return this.write(async () => {
      const step = this.history.pop();
      if (!step) {
        this.notify('nothing-to-undo');
        return false;
      }
      // A failure here leaves part of the step applied: failed() reloads and reconciles.
      const outcome = await applyUndo(step, this.api, (id) => this.find(id));
      this.history.rebase(step, outcomeState(outcome));
      for (const id of outcome.removed) this.drop(id);
      for (const saved of outcome.saved) this.put(saved);
      // An open card holds a draft of the old text: close it so it cannot save over what was just restored.
      const touched = new Set(step.entries.map((e) => e.id));
      this.set({ active: outcome.saved[0]?.id ?? null, editing: this.state.editing && touched.has(this.state.editing.id) ? null : this.state.editing });
      this.notify('undone');
      return true;
    });
  }

  exportNotes(format: 'jsonld' | 'md', docId?: string): Promise<ExportResponse | undefined> {
    return this.write(() => this.api.exportAnnotations({ format, ...(docId ? { docId } : {}) }), 'export-failed');
  }

  importNotes(content: string): Promise<ImportAnnotationsResponse | undefined> {
    return this.write(async () => {
      const report = await this.api.importAnnotations({ content });
      await this.reload();
      this.notify('imported', { added: report.added, updated: report.updated, unchanged: report.unchanged, errors: report.errors.length });
      return report;
    }, 'import-failed');
  }

  /** Resolves when every write queued so far has finished. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}

export function quoteOf(a: Pick<Annotation, 'target'>): string {
  for (const s of a.target.selector) if (s.type === 'TextQuoteSelector') return s.exact;
  return '';
}

const stores = new WeakMap<object, NotesStore>();

/** The store of an API client: one per window, created on first use. */
export function notesStoreFor(api: NotesApi): NotesStore {
  let store = stores.get(api);
  if (!store) {
    store = new NotesStore(api);
    stores.set(api, store);
  }
  return store;
}
