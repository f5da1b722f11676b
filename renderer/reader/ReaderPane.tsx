/**
 * The reader: the document's title (with its confidence note, where the title
 * is), its byline, and its blocks. It also carries out navigation requests
 * (scroll to an offset and flash it) and mounts the registered reader layers
 * (notes, search) over the rendered text.
 */
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { blockText } from '../../src/document/types';
import { useApp } from '../app/context';
import { readerLayers } from '../app/panels';
import { Byline, bylineParts } from './Byline';
import { BlockView } from './BlockView';
import { headingDomId } from './ids';
import { clearHighlight, rangeFromOffsets, setHighlight, textRangesFromOffsets } from './highlights';

const FLASH = 'daftar-flash';
const FLASH_MS = 2200;

export function ReaderPane() {
  const { current, documentError, scrollTarget, setReaderRoot, t, lang, announce } = useApp();
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const attach = useCallback(
    (el: HTMLElement | null) => {
      setRoot(el);
      setReaderRoot(el);
    },
    [setReaderRoot],
  );

  const handledSeq = useRef(0);
  const flashTimer = useRef<number | undefined>(undefined);
  // Navigation: once the target document is rendered, scroll to the offset and flash it.
  useEffect(() => {
    if (root === null || current === null || scrollTarget === null) return;
    if (scrollTarget.docId !== current.view.entry.id || handledSeq.current === scrollTarget.seq) return;
    handledSeq.current = scrollTarget.seq; // once: a later re-render (language, reload) must not scroll back
    const range = rangeFromOffsets(root, current.layout, scrollTarget.offset, Math.max(scrollTarget.end, scrollTarget.offset + 1));
    if (range === null) return;
    const anchor = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center' });
    if (!scrollTarget.flash) return;
    setHighlight(FLASH, textRangesFromOffsets(root, current.layout, scrollTarget.offset, scrollTarget.end), 10);
    announce(t('highlightedResult'));
    window.clearTimeout(flashTimer.current);
    flashTimer.current = window.setTimeout(() => clearHighlight(FLASH), FLASH_MS);
  }, [root, current, scrollTarget, announce, t]);

  useEffect(
    () => () => {
      window.clearTimeout(flashTimer.current);
      clearHighlight(FLASH);
    },
    [],
  );

  if (current === null) {
    return documentError !== null ? <p className="reader-message" role="alert">{documentError}</p> : <p className="reader-message">{t('loading')}</p>;
  }
  const { view, layout } = current;
  const { entry, document: doc } = view;
  const first = doc.blocks[0];
  // When the document opens with its own title as a heading, that heading is the page's h1.
  const titleInDoc = first?.type === 'heading' && blockText(first).trim() === entry.title.trim();
  const byline = bylineParts(entry, lang);

  const shift = titleInDoc && first.type === 'heading' ? 1 - first.level : 1;

  return (
    <article className="document" lang={doc.lang} dir={doc.dir} data-doc-id={entry.id} aria-labelledby={titleInDoc ? headingDomId(first.id) : 'document-title'}>
      {!titleInDoc && (
        <header className="document-header">
          <h1 id="document-title" className="document-title" tabIndex={-1} dir="auto">
            {entry.title}
          </h1>
          <TitleNote />
          <TitleEditor />
          <Byline parts={byline} />
        </header>
      )}
      <div className="document-body" ref={attach}>
        {doc.blocks.map((block, index) => (
          <Fragment key={block.id}>
            <BlockView block={block} layout={layout.blocks[index]!} citations={view.citations} headingShift={shift} />
            {index === 0 && titleInDoc && (
              <>
                <TitleNote />
                <TitleEditor />
                <Byline parts={byline} />
              </>
            )}
          </Fragment>
        ))}
      </div>
      {root !== null && readerLayers.map(({ id, Component }) => <Component key={id} root={root} doc={current} />)}
    </article>
  );
}

/** The confidence note of the title, shown right under it (the title may be a guess). */
function TitleNote() {
  const { current, t, lang } = useApp();
  const note = current?.view.entry.confidence;
  if (note === undefined || note === '') return null;
  return (
    <aside className="title-note" aria-label={t('titleNote')} lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <p className="title-note-label">{t('titleNote')}</p>
      <p lang="en" dir="ltr" className="title-note-text">
        {note}
      </p>
    </aside>
  );
}


/**
 * The user's own title: archive titles may be guesses (the bundled article's
 * is derived from its URL), so the reader can correct them. Saved in the data
 * folder through renameEntry; the archive's title stays visible beside it.
 */
function TitleEditor() {
  const { api, current, t, reloadLibrary } = useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const entry = current?.view.entry;
  if (entry === undefined) return null;

  async function save(title: string | null) {
    try {
      await api.renameEntry({ id: entry!.id, title });
      setDraft(null);
      setError(null);
      await reloadLibrary();
    } catch (failure) {
      setError(t('titleSaveFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    }
  }

  return (
    <div className="title-editor">
      {entry.originalTitle !== undefined && (
        <p className="title-original" dir="auto">
          {t('archiveTitle', { title: entry.originalTitle })}
        </p>
      )}
      {draft === null ? (
        <div className="title-editor-actions">
          <button type="button" className="link-button" onClick={() => setDraft(entry.title)}>
            {t('editTitle')}
          </button>
          {entry.originalTitle !== undefined && (
            <button type="button" className="link-button" onClick={() => void save(null)}>
              {t('restoreTitle')}
            </button>
          )}
        </div>
      ) : (
        <form
          className="title-editor-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() !== '') void save(draft.trim());
          }}
        >
          <input
            className="title-input"
            dir="auto"
            aria-label={t('titleField')}
            value={draft}
            maxLength={300}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
          />
          <button type="submit" disabled={draft.trim() === ''}>
            {t('saveTitle')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
      {error !== null && (
        <p role="alert" className="title-error">
          {error}
        </p>
      )}
    </div>
  );
}
