/**
 * Find in the open document, with the same normalisation as search (the
 * service's findInDocument does the matching; this file only shows it).
 * Opened by Ctrl/Cmd+F, or by opening a search hit (find-store.ts). Paints every
 * match ('daftar-search') and the current one ('daftar-search-current') with the
 * Custom Highlight API, scrolls the current one into view, steps with
 * Enter/Shift+Enter in its field and F3/Shift+F3 anywhere, and counts "3 / 12".
 *
 * Mounted as a reader layer (app/panels.tsx readerLayers), so it exists only
 * while a document is shown and is handed the element holding its text.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import type { Range as Offsets, QueryProblem } from '../../src/api/contract';
import type { ReaderLayerProps } from '../app/panels';
import { useApp } from '../app/context';
import { clearHighlight, rangeFromOffsets, rangesFromOffsets, setHighlight } from '../reader/highlights';
import { DEBOUNCE_MS } from './controller';
import { cleanMatches, startIndex, stepIndex } from './find-nav';
import { findStore } from './find-store';
import { searchStrings } from './i18n';
import { findStepKey, isFindShortcut } from './keys';
import './search.css';
import { problemText } from './problem-text';

const ALL = 'daftar-search';
const CURRENT = 'daftar-search-current';

interface Found {
  /** The document the matches are offsets into: never paint them on another one. */
  docId: string;
  query: string;
  matches: Offsets[];
  problem?: QueryProblem;
  error?: string;
}

/** Short, single-line selected text inside the document: what Ctrl+F should look for. */
function selectedQuery(root: HTMLElement): string | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root.contains(selection.anchorNode)) return null;
  const text = selection.toString().trim();
  return text !== '' && text.length <= 80 && !/\n/.test(text) ? text : null;
}

export function FindBar({ root, doc }: ReaderLayerProps) {
  const { api, lang, dir, announce } = useApp();
  const s = useMemo(() => searchStrings(lang), [lang]);
  const state = useSyncExternalStore(findStore.subscribe, findStore.getState);
  const docId = doc.view.entry.id;
  const visible = state.open && state.docId === docId;
  const [foundState, setFound] = useState<Found | null>(null);
  const found = foundState?.docId === docId ? foundState : null;
  const [current, setCurrent] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  // Ctrl/Cmd+F and F3 work from anywhere while a document is shown.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isFindShortcut(event)) {
        event.preventDefault();
        findStore.open({ docId, query: selectedQuery(root) ?? undefined, focus: true });
        return;
      }
      const step = findStepKey(event);
      if (step !== null && findStore.getState().open && findStore.getState().docId === docId) {
        event.preventDefault();
        setCurrent((c) => stepIndex(c, found?.matches.length ?? 0, step));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [docId, root, found]);

  // Ask the service (debounced); a newer request or a closed bar drops older answers.
  useEffect(() => {
    if (!visible || state.query.trim() === '') {
      seq.current++;
      setFound(null);
      setCurrent(-1);
      return;
    }
    const mine = ++seq.current;
    const anchor = state.anchor;
    const timer = window.setTimeout(() => {
      api
        .findInDocument({ docId, query: state.query })
        .then((response) => {
          if (mine !== seq.current) return;
          const matches = cleanMatches(response.matches, doc.layout.text.length);
          setFound({ docId, query: state.query, matches, problem: response.problem });
          setCurrent(startIndex(matches, anchor));
        })
        .catch((error: unknown) => {
          if (mine !== seq.current) return;
          setFound({ docId, query: state.query, matches: [], error: error instanceof Error ? error.message : String(error) });
          setCurrent(-1);
        });
    }, anchor !== undefined ? 0 : DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // state.seq: asking again for the same query re-runs and re-anchors.
  }, [visible, state.query, state.anchor, state.seq, docId, api, doc.layout.text.length]);

  useEffect(() => {
    if (visible && state.focus) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [visible, state.focus, state.seq]);

  // Paint after every render of the document too (settings change re-render the text nodes).
  useLayoutEffect(() => {
    if (!visible || found === null) {
      clearHighlight(ALL);
      clearHighlight(CURRENT);
      return;
    }
    setHighlight(ALL, rangesFromOffsets(root, doc.layout, found.matches), 1);
    const match = found.matches[current];
    const range = match ? rangeFromOffsets(root, doc.layout, match[0], match[1]) : null;
    setHighlight(CURRENT, range ? [range] : [], 2);
  });
  useEffect(
    () => () => {
      clearHighlight(ALL);
      clearHighlight(CURRENT);
    },
    [],
  );

  // Scroll the current match into view, and say where we are.
  useEffect(() => {
    if (!visible || found === null) return;
    const match = found.matches[current];
    if (!match) return;
    const range = rangeFromOffsets(root, doc.layout, match[0], match[1]);
    const el = range?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
    announce(s('findAnnounce', { index: current + 1, count: found.matches.length }));
  }, [visible, found, current, root, doc.layout, announce, s]);

  const position = useBarPosition(root, visible, dir);
  const step = useCallback((direction: 'next' | 'previous') => setCurrent((c) => stepIndex(c, found?.matches.length ?? 0, direction)), [found]);

  if (!visible) return null;
  const count = found?.matches.length ?? 0;
  const counter = found === null ? '' : count === 0 ? s('findNone') : s('findCounter', { index: current + 1, count });
  return (
    <div className="find-bar" role="search" aria-label={s('findLabel')} style={position} dir={dir} lang={lang}>
      <input
        ref={inputRef}
        type="search"
        className="find-input"
        dir="auto"
        aria-label={s('findLabel')}
        placeholder={s('findPlaceholder')}
        aria-describedby="find-counter"
        autoComplete="off"
        spellCheck={false}
        value={state.query}
        onChange={(event) => findStore.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? 'previous' : 'next');
          } else if (event.key === 'Escape') {
            event.preventDefault();
            findStore.close();
            // Back to the text, so the keyboard user keeps their place.
            root.closest<HTMLElement>('main')?.focus();
          }
        }}
      />
      <output id="find-counter" className="find-counter" data-testid="find-counter">
        {counter}
      </output>
      <button type="button" className="icon-button" aria-label={s('findPrevious')} title={s('findPrevious')} disabled={count === 0} onClick={() => step('previous')}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={s('findNext')} title={s('findNext')} disabled={count === 0} onClick={() => step('next')}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label={s('findClose')} title={s('findClose')} onClick={() => findStore.close()}>
        ×
      </button>
      {found?.problem && (
        <p className="find-problem" role="alert">
          {s('queryProblem', { position: found.problem.start + 1, message: problemText(found.problem, lang) })}
        </p>
      )}
      {found?.error !== undefined && (
        <p className="find-problem" role="alert">
          {s('findFailed', { message: found.error })}
        </p>
      )}
    </div>
  );
}

/** The bar floats over the reader's top inline-end corner (the reader scrolls; the bar must not). */
function useBarPosition(root: HTMLElement, visible: boolean, dir: 'rtl' | 'ltr'): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!visible) return;
    const place = () => {
      const frame = root.closest('main') ?? root;
      const rect = frame.getBoundingClientRect();
      const gap = 12;
      setStyle(dir === 'rtl' ? { top: rect.top + gap, left: rect.left + gap } : { top: rect.top + gap, right: window.innerWidth - rect.right + gap });
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [root, visible, dir]);
  return style;
}
