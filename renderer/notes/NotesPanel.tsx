/**
 * The notes side panel (registered in app/panels.tsx sidePanels as 'notes'):
 * this document's notes or all of them, filtered by tag and colour, sorted by
 * position or date; each opens its highlight in the reader. Then the "needs
 * attention" list of notes whose text was not found (orphans), and export /
 * import. Opened with a note id (openPanel('notes', id)) it scrolls to that
 * note: the way back from a highlight to its note.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnchoredAnnotation, HighlightColor } from '../../src/api/contract';
import type { SidePanelProps } from '../app/panels';
import { useApp } from '../app/context';
import { COLORS, DEFAULT_QUERY, orphansOf, selectNotes, tagKey, tagsInUse, type NotesQuery } from './filter';
import { ExportImport } from './ExportImport';
import { OrphanList } from './OrphanList';
import { quoteOf } from './store';
import { useNotes, useNotesSync } from './useNotes';
import './notes.css';

export function NotesPanel({ arg }: SidePanelProps) {
  useNotesSync();
  const { store, state, nt } = useNotes();
  const { current, library, navigate, panel } = useApp();
  const docId = current?.view.entry.id;
  const [query, setQuery] = useState<NotesQuery>(DEFAULT_QUERY);
  const listRef = useRef<HTMLOListElement>(null);
  const docOrder = useMemo(() => library?.entries.map((e) => e.id) ?? [], [library]);
  const titles = useMemo(() => new Map((library?.entries ?? []).map((e) => [e.id, e.title])), [library]);
  const scoped = useMemo(() => (query.scope === 'all' ? state.list : state.list.filter((n) => n.target.source === docId)), [state.list, query.scope, docId]);
  const shown = useMemo(() => selectNotes(state.list, { ...query, docId, docOrder }), [state.list, query, docId, docOrder]);
  const tags = useMemo(() => tagsInUse(scoped), [scoped]);
  const orphans = useMemo(() => orphansOf(state.list), [state.list]);
  const focusId = typeof arg === 'string' ? arg : null;
  const listNow = useRef(state.list);
  listNow.current = state.list;

  // The way back from a highlight: show and focus its note in the list.
  useEffect(() => {
    if (focusId === null) return;
    const note = listNow.current.find((n) => n.id === focusId);
    if (note && note.target.source !== docId) setQuery((q) => ({ ...q, scope: 'all' }));
    // After the shell has moved focus into the opened panel (its effect runs after ours).
    const frame = requestAnimationFrame(() => {
      const el = listRef.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(focusId)}"] .notes-item-main`);
      el?.scrollIntoView({ block: 'nearest' });
      el?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // Only when the panel is opened on a note, never on a save: focus must not jump while the user types.
  }, [panel]);

  const go = (note: AnchoredAnnotation) => {
    store.setActive(note.id);
    if (note.anchor) navigate({ docId: note.target.source, offset: note.anchor.start, end: note.anchor.end, flash: true });
    else navigate({ docId: note.target.source });
  };
  const toggleColor = (c: HighlightColor) =>
    setQuery((q) => ({ ...q, colors: q.colors.includes(c) ? q.colors.filter((x) => x !== c) : [...q.colors, c] }));
  const toggleTag = (tag: string) =>
    setQuery((q) => ({ ...q, tags: q.tags.some((t) => tagKey(t) === tagKey(tag)) ? q.tags.filter((t) => tagKey(t) !== tagKey(tag)) : [...q.tags, tag] }));
  const filtered = query.tags.length > 0 || query.colors.length > 0;

  if (state.loadError !== null) return <p role="alert">{nt('loadFailed', { message: state.loadError })}</p>;

  return (
    <div className="notes-panel" data-testid="notes-panel">
      <p className="muted notes-privacy">{nt('privacy')}</p>
      <fieldset className="notes-controls">
        <legend className="sr-only">{nt('scope')}</legend>
        <div className="notes-segmented" role="radiogroup" aria-label={nt('scope')}>
          {(['document', 'all'] as const).map((scope) => (
            <button key={scope} type="button" role="radio" aria-checked={query.scope === scope} onClick={() => setQuery((q) => ({ ...q, scope }))}>
              {nt(scope === 'document' ? 'scopeDocument' : 'scopeAll')}
            </button>
          ))}
        </div>
        <label className="notes-sort">
          <span>{nt('sort')}</span>{' '}
          <select value={query.sort} onChange={(e) => setQuery((q) => ({ ...q, sort: e.target.value as NotesQuery['sort'] }))}>
            <option value="position">{nt('sortPosition')}</option>
            <option value="date">{nt('sortDate')}</option>
          </select>
        </label>
        <div className="notes-filter" role="group" aria-label={nt('filterColors')}>
          {COLORS.map((c) => (
            <button key={c} type="button" aria-pressed={query.colors.includes(c)} aria-label={nt(c)} title={nt(c)} className={`notes-swatch notes-swatch-${c}`} onClick={() => toggleColor(c)} />
          ))}
        </div>
        {tags.length > 0 && (
          <div className="notes-filter notes-tags" role="group" aria-label={nt('filterTags')}>
            {tags.map(({ tag, count }) => (
              <button key={tag} type="button" className="notes-tag" aria-pressed={query.tags.some((t) => tagKey(t) === tagKey(tag))} onClick={() => toggleTag(tag)} dir="auto">
                {tag} <span className="muted">({count})</span>
              </button>
            ))}
          </div>
        )}
        {filtered && (
          <button type="button" className="link-button" onClick={() => setQuery((q) => ({ ...q, tags: [], colors: [] }))}>
            {nt('clearFilters')}
          </button>
        )}
      </fieldset>
      <p className="muted" aria-live="polite">
        {nt('count', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{scoped.length === 0 ? nt('noNotes') : nt('noMatches')}</p>
      ) : (
        <ol className="notes-list" ref={listRef} data-testid="notes-list">
          {shown.map((note) => (
            <li key={note.id} data-note-id={note.id} className={`notes-item notes-item-${note.color}${state.active === note.id ? ' is-active' : ''}`}>
              <button type="button" className="notes-item-main" onClick={() => go(note)} title={nt('goToHighlight')}>
                <q className="notes-item-quote" dir="auto">
                  {quoteOf(note)}
                </q>
                {note.anchor === null && <span className="notes-orphan-badge">{nt('orphanBadge')}</span>}
                <span className="notes-item-note" dir="auto">
                  {note.body.note || <span className="muted">{nt('emptyNote')}</span>}
                </span>
                {note.body.tags.length > 0 && (
                  <span className="notes-item-tags">
                    {note.body.tags.map((t) => (
                      <bdi key={t} className="notes-tag">
                        {t}
                      </bdi>
                    ))}
                  </span>
                )}
                {query.scope === 'all' && (
                  <span className="notes-item-doc muted">
                    {nt('inDocument')} <bdi>{titles.get(note.target.source) ?? note.target.source}</bdi>
                  </span>
                )}
              </button>
              {note.anchor !== null && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    go(note);
                    store.edit(note.id);
                  }}
                >
                  {nt('editNote')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {orphans.length > 0 && <OrphanList orphans={orphans} titles={titles} />}
      <ExportImport docId={docId} />
    </div>
  );
}
