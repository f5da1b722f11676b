/**
 * Reads an older version of a source, as it was captured, in a dialog over
 * the card: the blocks as plain text with their language and direction. It is
 * for checking what changed; notes and search work on the current version.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentView, LibraryEntry } from '../../src/api/contract';
import { blockText } from '../../src/document/types';
import { useApp } from '../app/context';
import { errorMessage } from '../api/errors';
import { captureT } from './strings';
import { formatCaptureTime } from './provenance';

export function VersionReader({ entry, version, close }: { entry: LibraryEntry; version: string; close(): void }) {
  const { api, lang } = useApp();
  const ct = captureT(lang);
  const [view, setView] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal?.();
    let live = true;
    api.getDocument({ id: entry.id, version }).then(
      (v) => live && setView(v),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, entry.id, version]);

  const meta = entry.versions.find((v) => v.version === version);
  return (
    <dialog ref={dialog} className="capture-version-dialog" onClose={close} aria-label={entry.title} data-testid="version-reader">
      <header>
        <h3 dir="auto">{entry.title}</h3>
        {meta && <p dir="auto">{formatCaptureTime(meta.capturedAt, lang)}</p>}
        <p className="muted">{ct('olderVersion')}</p>
      </header>
      {error !== null ? (
        <p role="alert">{error}</p>
      ) : view === null ? (
        <p>{ct('loadingVersion')}</p>
      ) : (
        <div className="capture-version-text" lang={view.document.lang} dir={view.document.dir}>
          {view.document.blocks.map((block) => (
            <p key={block.id} lang={block.lang} dir={block.dir ?? undefined}>
              {blockText(block)}
            </p>
          ))}
        </div>
      )}
      <button type="button" onClick={() => (dialog.current?.close?.(), close())}>
        {ct('closeVersion')}
      </button>
    </dialog>
  );
}
