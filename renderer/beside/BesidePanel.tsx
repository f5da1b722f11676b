/**
 * Side by side: another document of the library read beside the one in the
 * reader, the way a journalist checks a claim against its source (often an
 * Arabic article beside an English page). It is a reading view only: notes,
 * find and search stay with the reader; "Open in the reader" moves it there.
 *
 * The panel renders the document with the reader's own BlockView, so text,
 * direction, embeds and figures look the same; heading ids get a prefix so
 * the reader's table of contents never lands here.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DocumentView } from '../../src/api/contract';
import { layoutDocument } from '../../src/document/text';
import { errorMessage } from '../api/errors';
import { useApp } from '../app/context';
import type { SidePanelProps } from '../app/panels';
import { BlockView } from '../reader/BlockView';
import { Byline, bylineParts } from '../reader/Byline';
import { pickBeside, readableBeside } from './pick';
import './beside.css';

const ID_PREFIX = 'beside-';

export function BesidePanel({ arg }: SidePanelProps) {
  const { library, current, t } = useApp();
  const entries = library?.entries ?? [];
  const currentId = current?.view.entry.id;
  // The user's choice in the list holds until the panel is opened for another document.
  const [picked, setPicked] = useState<{ arg: unknown; id: string } | null>(null);
  const entry = pickBeside(entries, currentId, picked !== null && picked.arg === arg ? picked.id : arg);
  const choices = readableBeside(entries, currentId);

  if (entry === undefined) {
    return (
      <p className="beside-empty" data-testid="beside-empty">
        {t('besideNone')}
      </p>
    );
  }
  return (
    <div className="beside" data-testid="beside">
      {choices.length > 1 && (
        <label className="beside-pick">
          <span>{t('besidePick')}</span>
          <select value={entry.id} onChange={(e) => setPicked({ arg, id: e.target.value })} data-testid="beside-pick">
            {choices.map((c) => (
              <option key={c.id} value={c.id} dir="auto">
                {c.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {/* Keyed by content too: a new capture of the same source is fetched again. */}
      <BesideDocument key={`${entry.id}:${entry.contentHash}`} docId={entry.id} />
    </div>
  );
}

function BesideDocument({ docId }: { docId: string }) {
  const { api, t, lang, navigate } = useApp();
  const [view, setView] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getDocument({ id: docId }).then(
      (v) => live && setView(v),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, docId]);
  const layout = useMemo(() => (view ? layoutDocument(view.document) : null), [view]);

  if (error !== null) {
    return (
      <p role="alert" dir="auto">
        {error}
      </p>
    );
  }
  if (view === null || layout === null) return <p>{t('loading')}</p>;
  const { entry, document: doc } = view;
  return (
    <article className="document document-beside" lang={doc.lang} dir={doc.dir} data-beside-doc-id={entry.id} aria-labelledby="beside-title">
      <header className="beside-header">
        <h3 id="beside-title" className="beside-title" dir="auto">
          {entry.title}
        </h3>
        <Byline parts={bylineParts(entry, lang)} />
        <button type="button" className="action" onClick={() => navigate({ docId: entry.id })}>
          {t('besideOpenInReader')}
        </button>
      </header>
      <div className="beside-body">
        {doc.blocks.map((block, index) => (
          <BlockView key={block.id} block={block} layout={layout.blocks[index]!} citations={view.citations} headingShift={3} location={entry.location} idPrefix={ID_PREFIX} />
        ))}
      </div>
    </article>
  );
}
