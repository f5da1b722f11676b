/**
 * "Import a file as a new source" (registered in app/panels.tsx headerTools):
 * a picker, and the window as a drop target for files dropped anywhere but on
 * a source card (the card takes those for itself). A dropped file is imported
 * only after the user says yes. Without this, a file dropped on the window
 * would make the browser or Electron navigate away to it. Where the transport
 * may go to the network, the same popover captures a web address as a new
 * source, saying that this one action goes out.
 */
import { useCallback, useRef, useState } from 'react';
import { useApp } from '../app/context';
import { FileInput } from './FileInput';
import { TaskStatus } from './TaskStatus';
import { hostOf } from './task';
import { useCaptureTask } from './useCaptureTask';
import { useFileDrop } from './useFileDrop';
import './capture.css';

const onCard = (e: DragEvent) => (e.target as Element | null)?.closest?.('.source-card') != null;

export function ImportTool() {
  const { info } = useApp();
  const { state, ct, importFile, capture, reset } = useCaptureTask();
  const [url, setUrl] = useState('');
  const [pending, setPending] = useState<File | null>(null);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'file' | 'url'>('file');
  const input = useRef<HTMLInputElement>(null);
  const onDrop = useCallback((file: File) => (setPending(file), setMode('file'), setOpen(true)), []);
  const dragging = useFileDrop(typeof window === 'undefined' ? null : window, onDrop, onCard);
  const busy = state.phase === 'working';

  return (
    <div className="capture-tool">
      <button type="button" className="tool-button" disabled={busy} onClick={() => input.current?.click()} title={ct('importKinds')} data-testid="import-new-source">
        <span aria-hidden="true" className="tool-icon">
          ⇪
        </span>
        <span className="tool-label">{ct('importNewSource')}</span>
      </button>
      <FileInput
        inputRef={input}
        testId="import-new-source-input"
        onFile={(file) => {
          setMode('file');
          setOpen(true);
          void importFile(file);
        }}
      />
      {dragging && <div className="capture-window-drop" aria-hidden="true">{ct('dropHere')}</div>}
      {info?.canCapture === true && (
        <button type="button" className="tool-button" disabled={busy} aria-expanded={open && mode === 'url'} onClick={() => (setMode('url'), setOpen((o) => !(o && mode === 'url')))} data-testid="capture-new-source">
          <span aria-hidden="true" className="tool-icon">
            ⤓
          </span>
          <span className="tool-label">{ct('captureNewSource')}</span>
        </button>
      )}
      {open && (
        <div className="capture-popover" role="dialog" aria-label={ct('importNewSource')}>
          {info?.canCapture === true && mode === 'url' && pending === null && (
            <form
              className="capture-url-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (url.trim() !== '') void capture(url.trim());
              }}
            >
              <label>
                <span>{ct('captureUrlLabel')}</span>
                <input type="url" dir="ltr" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" data-testid="capture-url" />
              </label>
              <p className="capture-note">{ct('captureNetwork', { host: url.trim() ? hostOf(url.trim()) : ct('theAddress') })}</p>
              <button type="submit" className="action" disabled={busy || url.trim() === ''} data-testid="capture-url-submit">
                {ct('capture')}
              </button>
            </form>
          )}
          {pending !== null && (
            <>
              <p>{ct('dropConfirmNew', { file: pending.name })}</p>
              <button type="button" className="action" onClick={() => (void importFile(pending), setPending(null))}>
                {ct('confirmImport')}
              </button>
              <button type="button" onClick={() => (setPending(null), setOpen(false))}>
                {ct('cancel')}
              </button>
            </>
          )}
          <TaskStatus state={state} ct={ct} />
          {state.phase !== 'working' && pending === null && (
            <button type="button" onClick={() => (reset(), setUrl(''), setOpen(false))}>
              {ct('closeVersion')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
