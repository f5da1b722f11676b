/**
 * The page's frame: skip link, header (banner) with tools, the navigation
 * sidebar (library + contents), the reader (main) and the side panel
 * (complementary). Landmarks carry labels for screen readers.
 */
import { useEffect, useRef } from 'react';
import { LibraryList } from '../library/LibraryList';
import { ReaderPane } from '../reader/ReaderPane';
import { Toc } from '../reader/Toc';
import { ConfirmExternal } from './ConfirmExternal';
import { useApp } from './context';
import { ArchiveErrorView, FatalView } from './ErrorView';
import { Notices } from './Notices';
import { headerTools, sidePanels } from './panels';

export function Shell() {
  const { t, lang, dir, libraryResult, library, panel, togglePanel, closePanel, announcement, fatal } = useApp();
  const mainRef = useRef<HTMLElement>(null);
  const asideRef = useRef<HTMLElement>(null);
  const spec = panel !== null ? sidePanels.find((p) => p.id === panel.id) : undefined;

  // Opening a panel moves focus to its heading, so keyboard and screen reader users land on what they asked for.
  useEffect(() => {
    if (panel !== null) asideRef.current?.querySelector<HTMLElement>('.panel-header h2')?.focus();
  }, [panel]);

  return (
    <div className="app" lang={lang} dir={dir}>
      <a
        className="skip-link"
        href="#reader"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('appName')}</span>
        {library !== null && (
          <span className="archive-title" dir="auto">
            {library.archive.title}
          </span>
        )}
        <div className="header-tools" role="toolbar" aria-label={t('panelTools')}>
          {/* The tools work on a library: none while it is loading or broken (no dead buttons). */}
          {library !== null && headerTools.map(({ id, Component }) => <Component key={id} />)}
          {sidePanels
            .filter((p) => p.button !== undefined)
            .map((p) => (
              <button key={p.id} type="button" className="tool-button" aria-pressed={panel?.id === p.id} aria-controls="side-panel" onClick={() => togglePanel(p.id)}>
                <span aria-hidden="true" className="tool-icon">
                  {p.button!.icon}
                </span>
                <span className="tool-label">{p.label(lang)}</span>
              </button>
            ))}
        </div>
      </header>
      <div className={`layout${spec ? ' with-panel' : ''}${spec?.wide ? ' panel-wide' : ''}`}>
        <nav className="sidebar" aria-label={t('libraryNav')}>
          <LibraryList />
          <Toc />
        </nav>
        <main id="reader" ref={mainRef} tabIndex={-1} className="reader" aria-label={t('reader')}>
          <Notices />
          {fatal !== null ? (
            <FatalView message={fatal} />
          ) : libraryResult === null ? (
            <p className="reader-message">{t('loading')}</p>
          ) : libraryResult.state === 'error' ? (
            <ArchiveErrorView result={libraryResult} />
          ) : (
            <ReaderPane />
          )}
        </main>
        {spec !== undefined && (
          <aside
            id="side-panel"
            ref={asideRef}
            onKeyDown={(event) => {
              // Escape closes the panel, except inside a field (a note being written keeps its own Escape).
              const field = (event.target as HTMLElement).closest('input, textarea, select, [contenteditable="true"]');
              if (event.key !== 'Escape' || field !== null || event.defaultPrevented) return;
              event.preventDefault();
              closePanel();
              mainRef.current?.focus();
            }}
            className="side-panel" aria-label={spec.label(lang)} data-panel={spec.id}>
            <div className="panel-header">
              <h2 tabIndex={-1}>{spec.label(lang)}</h2>
              <button type="button" className="icon-button" aria-label={t('closePanel')} onClick={closePanel}>
                ×
              </button>
            </div>
            <spec.Component arg={panel?.arg} close={closePanel} />
          </aside>
        )}
      </div>
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
      <ConfirmExternal />
    </div>
  );
}
