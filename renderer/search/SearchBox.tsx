/**
 * The search field in the header, always one keystroke away (Ctrl/Cmd+K, `/`),
 * with results as you type in a popup listbox (combobox pattern: focus stays in
 * the field, arrows move aria-activedescendant, Enter opens). Opening a hit
 * goes to its document, scrolls to the passage and hands the query to the find
 * bar (FindBar.tsx), which paints every match in the document.
 *
 * State lives in SearchController (debounce, stale answers, index progress);
 * this file is the view and the keys.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { QueryProblem, UiLanguage } from '../../src/api/contract';
import { useApp } from '../app/context';
import { clearHighlight, setHighlight } from '../reader/highlights';
import { SearchController, type SearchState } from './controller';
import { findStore } from './find-store';
import { searchStrings, type SearchTranslate } from './i18n';
import { isSearchShortcut } from './keys';
import { rangesInTextNode } from './paint';
import { hitTarget, moveActive, resultsModel, type ResultOption, type ResultsModel } from './results-model';
import { SearchResults } from './SearchResults';
import './search.css';
import { problemText } from './problem-text';

const PROBLEM_HIGHLIGHT = 'daftar-query-problem';

export function SearchBox() {
  const { api, lang, navigate, announce, openPanel } = useApp();
  const s = useMemo(() => searchStrings(lang), [lang]);
  const controller = useMemo(() => new SearchController(api), [api]);
  useEffect(() => () => controller.dispose(), [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const model = useMemo(() => resultsModel(state.response), [state.response]);
  const [expanded, setExpanded] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => setActive(model.options.length > 0 ? 0 : -1), [model]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event, event.target as HTMLElement | null)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setExpanded(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Screen readers hear the count once an answer settles.
  const summary = summaryText(state, model, s);
  useEffect(() => {
    if (summary !== '') announce(summary);
  }, [summary, announce]);

  const openOption = (option: ResultOption) => {
    const { hit } = option;
    setExpanded(false);
    if (hit.kind === 'note') {
      navigate({ docId: hit.docId });
      openPanel('notes', hit.passageId);
      return;
    }
    const target = hitTarget(hit);
    navigate({ docId: hit.docId, offset: target.offset, end: target.end, flash: false });
    findStore.open({ docId: hit.docId, query: state.query, anchor: target.offset, focus: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = model.options.length;
    const move = (key: Parameters<typeof moveActive>[2]) => {
      event.preventDefault();
      setExpanded(true);
      setActive((a) => moveActive(a, count, key));
    };
    switch (event.key) {
      case 'ArrowDown':
        return move('next');
      case 'ArrowUp':
        return move('previous');
      case 'PageDown':
        return count > 0 && expanded ? move('last') : undefined;
      case 'PageUp':
        return count > 0 && expanded ? move('first') : undefined;
      case 'Enter': {
        event.preventDefault();
        const option = model.options[active] ?? model.options[0];
        if (option && !state.pending) openOption(option);
        else void controller.run();
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded && state.query !== '') setExpanded(false);
        else {
          controller.setQuery('');
          inputRef.current?.blur();
        }
        return;
    }
  };

  // The popup also opens, empty, to show an index rebuild in progress.
  const building = state.index?.state === 'building';
  const showPopup = expanded && (state.query.trim() !== '' || building);
  const activeOption = showPopup ? model.options[active] : undefined;

  return (
    <div
      className="search-box"
      ref={rootRef}
      role="search"
      aria-label={s('searchLabel')}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setExpanded(false);
      }}
    >
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        dir="auto"
        aria-label={s('searchLabel')}
        placeholder={s('searchPlaceholder')}
        role="combobox"
        aria-expanded={showPopup}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption?.id}
        autoComplete="off"
        spellCheck={false}
        value={state.query}
        onChange={(event) => {
          controller.setQuery(event.target.value);
          setExpanded(true);
        }}
        onFocus={() => {
          setExpanded(true);
          void controller.refreshStatus();
        }}
        onKeyDown={onKeyDown}
      />
      {showPopup && (
        <div className="search-popup" data-testid="search-popup">
          <SearchStatus state={state} model={model} s={s} />
          <SearchResults id={listId} model={model} active={active} s={s} onOpen={openOption} onHover={setActive} />
        </div>
      )}
    </div>
  );
}

function summaryText(state: SearchState, model: ResultsModel, s: SearchTranslate): string {
  if (state.pending || state.response === null || state.error !== null || state.response.problem) return '';
  if (model.total === 0) return s('noResults', { query: state.query });
  if (model.total === 1) return s('summaryOne');
  return s('summary', { total: model.total, documents: model.documents });
}

/** Everything above the list: index progress, the query problem, the any-word notice, counts, errors. */
function SearchStatus({ state, model, s }: { state: SearchState; model: ResultsModel; s: SearchTranslate }) {
  const { lang } = useApp();
  const { response, error, index } = state;
  const summary = summaryText(state, model, s);
  return (
    <div className="search-status">
      {index?.state === 'building' && (
        <p className="search-index-status" role="status">
          {s('indexBuilding', { percent: Math.round(Math.min(1, Math.max(0, index.progress)) * 100) })}
          <progress max={1} value={index.progress} aria-hidden="true" />
        </p>
      )}
      {index?.state === 'missing' && <p className="search-index-status">{s('indexMissing')}</p>}
      {error !== null && (
        <p className="search-error" role="alert">
          {s('searchFailed', { message: error })}
        </p>
      )}
      {response?.problem && <QueryProblemView query={response.query} problem={response.problem} s={s} lang={lang} />}
      {response?.mode === 'any' && response.total > 0 && <p className="search-any-notice">{s('anyModeNotice')}</p>}
      {state.pending && <p className="search-pending">{s('searching')}</p>}
      {summary !== '' && <p className="search-summary">{summary}</p>}
    </div>
  );
}

/** The parser's explanation, and the query echoed with the troublesome part painted (one text node). */
function QueryProblemView({ query, problem, s, lang }: { query: string; problem: QueryProblem; s: SearchTranslate; lang: UiLanguage }) {
  const echo = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (echo.current === null) return;
    const start = Math.max(0, Math.min(problem.start, query.length));
    const end = Math.max(start, Math.min(problem.end, query.length));
    // An empty span (a missing closing quote at the end) is shown on the last character.
    const span: [number, number] = end > start ? [start, end] : [Math.max(0, start - 1), Math.min(query.length, start + 1)];
    setHighlight(PROBLEM_HIGHLIGHT, rangesInTextNode(echo.current, [span]));
    return () => clearHighlight(PROBLEM_HIGHLIGHT);
  }, [query, problem]);
  return (
    <div className="search-problem" role="alert">
      <p>{s('queryProblem', { position: problem.start + 1, message: problemText(problem, lang) })}</p>
      <code className="search-problem-query" dir="auto" ref={echo}>
        {query}
      </code>
    </div>
  );
}
