/**
 * Export (W3C JSON-LD or Markdown, of this document or all) as a file the
 * user saves, and import of a JSON-LD file with a report: how many notes were
 * added, updated, unchanged, and each item that was refused with the reason.
 */
import { useRef, useState } from 'react';
import type { ImportAnnotationsResponse } from '../../src/api/contract';
import { browserDownloadEnv, downloadExport } from './download';
import { NOTE_LIMITS } from './limits';
import { NotesFileError, readNotesFile } from './read-file';
import { useNotes } from './useNotes';

type Report = { file: string; result: ImportAnnotationsResponse } | { file: string; error: string };

export function ExportImport({ docId }: { docId: string | undefined }) {
  const { store, nt } = useNotes();
  const [onlyDoc, setOnlyDoc] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const doExport = async (format: 'jsonld' | 'md') => {
    const exported = await store.exportNotes(format, onlyDoc ? docId : undefined);
    if (!exported) return;
    try {
      setMessage(nt('exported', { file: downloadExport(exported, browserDownloadEnv()) }));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  const doImport = async (file: File) => {
    setReport(null);
    try {
      const content = await readNotesFile(file);
      const result = await store.importNotes(content);
      if (result) setReport({ file: file.name, result });
    } catch (error) {
      const text =
        error instanceof NotesFileError && error.kind === 'too-large'
          ? nt('fileTooLarge', { file: file.name, limit: NOTE_LIMITS.importChars / 1024 / 1024 })
          : nt('fileUnreadable', { file: file.name, message: error instanceof Error ? error.message : String(error) });
      setReport({ file: file.name, error: text });
    }
  };

  return (
    <section className="notes-io" aria-labelledby="notes-io-heading">
      <h3 id="notes-io-heading">{nt('exportImport')}</h3>
      <div className="notes-io-row">
        <button type="button" onClick={() => void doExport('jsonld')} data-testid="export-jsonld">
          {nt('exportJsonLd')}
        </button>
        <button type="button" onClick={() => void doExport('md')} data-testid="export-md">
          {nt('exportMarkdown')}
        </button>
        {docId !== undefined && (
          <label>
            <input type="checkbox" checked={onlyDoc} onChange={(e) => setOnlyDoc(e.target.checked)} /> {nt('exportScopeDoc')}
          </label>
        )}
      </div>
      {message !== null && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      <div className="notes-io-row">
        <button type="button" onClick={() => input.current?.click()}>
          {nt('importNotes')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          hidden
          data-testid="notes-import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void doImport(file);
          }}
        />
      </div>
      {report !== null &&
        ('error' in report ? (
          <p role="alert">{report.error}</p>
        ) : (
          <div role="status" data-testid="notes-import-report">
            <p>{nt('importReport', { file: report.file, added: report.result.added, updated: report.result.updated, unchanged: report.result.unchanged })}</p>
            {report.result.errors.length > 0 && (
              <>
                <p>{nt('importErrors', { count: report.result.errors.length })}</p>
                <ul>
                  {report.result.errors.slice(0, 50).map((e) => (
                    <li key={e.index}>{nt('importItem', { index: e.index, message: e.message })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
    </section>
  );
}
