/**
 * Capture and import on a source card (registered in app/panels.tsx
 * sourceActions). Not captured yet: "Capture this page" (only where the
 * transport may go to the network and the source has an address; it says that
 * this one action goes to the network) and "Import a saved file" (a picker, or
 * a file dropped on the card). Captured: the same, as a new version. Then the
 * full provenance and the versions.
 */
import { useCallback, useRef, useState } from 'react';
import type { LibraryEntry } from '../../src/api/contract';
import { useApp } from '../app/context';
import { FileInput } from './FileInput';
import { ProvenanceDetails } from './ProvenanceDetails';
import { TaskStatus } from './TaskStatus';
import { hostOf } from './task';
import { useCaptureTask } from './useCaptureTask';
import { useFileDrop } from './useFileDrop';
import './capture.css';

function capturable(url: string | null): url is string {
  if (url === null) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function CaptureActions({ entry }: { entry: LibraryEntry }) {
  const { info } = useApp();
  const { state, ct, capture, importFile } = useCaptureTask();
  const [pending, setPending] = useState<File | null>(null);
  const [card, setCard] = useState<HTMLElement | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const onDrop = useCallback((file: File) => setPending(file), []);
  const dragging = useFileDrop(card, onDrop);
  const attach = useCallback((el: HTMLElement | null) => setCard((el?.closest('.source-card') as HTMLElement | null) ?? el), []);

  if (entry.kind !== 'source') return null;
  const busy = state.phase === 'working';
  const captured = entry.status === 'captured';
  const canCapture = info?.canCapture === true && capturable(entry.url);

  const buttons = (
    <>
      {canCapture ? (
        <div className="capture-row">
          <button type="button" className="action" disabled={busy} onClick={() => void capture(entry.url!, entry.id)} data-testid="capture-button">
            {ct(captured ? 'captureAgain' : 'capture')}
          </button>
          <p className="capture-note">{ct('captureNetwork', { host: hostOf(entry.url!) })}</p>
        </div>
      ) : (
        capturable(entry.url) && !captured && <p className="capture-note muted">{ct('captureOffline')}</p>
      )}
      <div className="capture-row">
        <button type="button" className="action" disabled={busy} onClick={() => input.current?.click()} data-testid="import-button">
          {ct(captured ? 'importNewVersion' : 'importFile')}
        </button>
        <FileInput inputRef={input} testId="import-input" onFile={(file) => void importFile(file, entry.id)} />
        <p className="capture-note muted">{ct('importKinds')}</p>
      </div>
    </>
  );

  return (
    <section ref={attach} className={`capture-actions${dragging ? ' is-drop-target' : ''}`} data-testid="capture-actions">
      {dragging && <p className="capture-drop-hint">{ct('dropHere')}</p>}
      {pending !== null && (
        <div className="capture-confirm" role="alertdialog" aria-label={ct('dropConfirmSource', { file: pending.name, title: entry.title })}>
          <p>
            {ct('dropConfirmSource', { file: pending.name, title: entry.title })}
          </p>
          <button type="button" className="action" onClick={() => (void importFile(pending, entry.id), setPending(null))}>
            {ct('confirmImport')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {ct('cancel')}
          </button>
        </div>
      )}
      {captured ? (
        <details className="capture-again">
          <summary>{ct(canCapture ? 'captureAgain' : 'importNewVersion')}</summary>
          {buttons}
        </details>
      ) : (
        buttons
      )}
      <TaskStatus state={state} ct={ct} />
      {entry.provenance !== undefined && <ProvenanceDetails entry={entry} />}
    </section>
  );
}
