/**
 * The library in the sidebar: the article, then every source it cites with
 * its status. A list of buttons with one tab stop (roving focus): Tab enters
 * the list, arrows/Home/End move, Enter/Space open.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { LibraryEntry } from '../../src/api/contract';
import { useApp } from '../app/context';
import { citationCountText } from '../i18n/plural';
import { StatusBadge } from './StatusBadge';

export function LibraryList() {
  const { library, t, lang, current, panel, navigate, openSource } = useApp();
  const listRef = useRef<HTMLDivElement>(null);
  if (library === null) return null;
  const article = library.entries.find((e) => e.id === library.articleId);
  const sources = library.entries.filter((e) => e.id !== library.articleId);
  const openSourceId = panel?.id === 'source' ? panel.arg : undefined;
  const activeId = typeof openSourceId === 'string' ? openSourceId : current?.view.entry.id;

  const open = (entry: LibraryEntry) => {
    if (entry.id === library.articleId) {
      navigate({ docId: entry.id });
      return;
    }
    openSource(entry.id);
    if (entry.status === 'captured') navigate({ docId: entry.id });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.library-item') ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(items.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next < 0 || index < 0) return;
    event.preventDefault();
    items.forEach((item, i) => (item.tabIndex = i === next ? 0 : -1));
    items[next]!.focus();
  };

  const citationCount = (id: string) => library.citations.filter((c) => c.sourceId === id).length;
  const all = [...(article ? [article] : []), ...sources];
  const focusIndex = Math.max(0, all.findIndex((e) => e.id === activeId));

  const item = (entry: LibraryEntry, index: number) => (
    <li key={entry.id}>
      <button
        type="button"
        className="library-item"
        tabIndex={index === focusIndex ? 0 : -1}
        aria-current={entry.id === activeId ? 'true' : undefined}
        data-entry-id={entry.id}
        onClick={() => open(entry)}
      >
        <span className="library-item-title" dir="auto">
          {entry.title}
        </span>
        <span className="library-item-meta">
          {entry.publisher !== undefined && (
            <span className="library-item-publisher" dir="auto">
              {entry.publisher}
            </span>
          )}
          {entry.kind === 'source' && <StatusBadge status={entry.status} />}
          {entry.kind === 'source' && citationCount(entry.id) > 0 && (
            <span className="library-item-count">{citationCountText(citationCount(entry.id), lang)}</span>
          )}
        </span>
      </button>
    </li>
  );

  return (
    <div ref={listRef} onKeyDown={onKeyDown} className="library">
      <h2 className="nav-heading" id="library-article-heading">{t('article')}</h2>
      <ul aria-labelledby="library-article-heading" className="library-list">{article && item(article, 0)}</ul>
      <h2 className="nav-heading" id="library-sources-heading">
        {t('sources')} <span className="nav-count">({sources.length})</span>
      </h2>
      <ul aria-labelledby="library-sources-heading" className="library-list">
        {sources.map((entry, i) => item(entry, i + (article ? 1 : 0)))}
      </ul>
    </div>
  );
}
