/**
 * The results list: one group per document (with its count), the notes group
 * last, each hit a listbox option with its snippet. Snippets are single text
 * nodes painted with the Custom Highlight API (paint.ts). Rendering only: the
 * field (SearchBox) owns the active option and the keys.
 */
import { useLayoutEffect, useRef } from 'react';
import { clearHighlight } from '../reader/highlights';
import type { SearchTranslate } from './i18n';
import { paintMatches } from './paint';
import type { ResultOption, ResultsModel } from './results-model';
import { makeSnippet } from './snippet';

export const SNIPPET_HIGHLIGHT = 'daftar-search-snippet';

export interface SearchResultsProps {
  id: string;
  model: ResultsModel;
  active: number;
  s: SearchTranslate;
  onOpen(option: ResultOption): void;
  onHover(index: number): void;
}

export function SearchResults({ id, model, active, s, onOpen, onHover }: SearchResultsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (listRef.current !== null) paintMatches(listRef.current, SNIPPET_HIGHLIGHT);
  }, [model]);
  useLayoutEffect(() => () => clearHighlight(SNIPPET_HIGHLIGHT), []);

  // Keep the active option visible while the arrow keys walk the list.
  useLayoutEffect(() => {
    const option = model.options[active];
    if (option) listRef.current?.ownerDocument.getElementById(option.id)?.scrollIntoView({ block: 'nearest' });
  }, [active, model]);

  return (
    <div id={id} ref={listRef} role="listbox" aria-label={s('resultsLabel')} className="search-results">
      {model.groups.map((group) => (
        <div key={group.id} role="group" aria-labelledby={`${group.id}-title`} className="search-group" data-kind={group.kind}>
          <div id={`${group.id}-title`} className="search-group-title" role="presentation">
            <bdi className="search-group-name">{group.kind === 'notes' ? s('notesGroup') : group.docTitle}</bdi>
            <span className="search-group-count">{group.count === 1 ? s('groupCountOne') : s('groupCount', { count: group.count })}</span>
          </div>
          {group.options.map((option) => {
            const snippet = makeSnippet(option.hit.text, option.hit.matches);
            return (
              <div
                key={option.id}
                id={option.id}
                role="option"
                aria-selected={option.index === active}
                className="search-hit"
                onMouseDown={(event) => event.preventDefault() /* keep focus in the field */}
                onMouseMove={() => onHover(option.index)}
                onClick={() => onOpen(option)}
              >
                {group.kind === 'notes' && (
                  <bdi className="search-hit-doc" dir="auto">
                    {option.hit.docTitle}
                  </bdi>
                )}
                <p className="search-snippet" dir="auto" data-matches={JSON.stringify(snippet.matches)}>
                  {snippet.text}
                </p>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
