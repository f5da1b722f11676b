/** The archive did not load: say which file and what is wrong, and offer the bundled archive. */
import { useState } from 'react';
import type { LibraryResult } from '../../src/api/contract';
import { errorMessage } from '../api/errors';
import { useApp } from './context';

export function ArchiveErrorView({ result }: { result: Extract<LibraryResult, { state: 'error' }> }) {
  const { t, openBundledArchive } = useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="error-view" role="alert" aria-labelledby="archive-error-title">
      <h1 id="archive-error-title">{t('archiveErrorTitle')}</h1>
      <dl className="facts">
        <dt>{t('archiveErrorFile')}</dt>
        <dd dir="ltr" className="url-text">{result.error.file}</dd>
        <dt>{t('archiveErrorProblem')}</dt>
        <dd dir="auto">{result.error.problem}</dd>
        <dt>{t('archiveErrorPath')}</dt>
        <dd dir="ltr" className="url-text">{result.archivePath}</dd>
      </dl>
      {result.canOpenBundled && (
        <button
          type="button"
          className="action primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            openBundledArchive()
              .catch((error) => setFailure(errorMessage(error)))
              .finally(() => setBusy(false));
          }}
        >
          {t('openBundled')}
        </button>
      )}
      {failure !== null && <p className="error-text">{failure}</p>}
    </section>
  );
}

/** Nothing could be loaded at all (no host, no token…). */
export function FatalView({ message }: { message: string }) {
  const { t } = useApp();
  return (
    <section className="error-view" role="alert">
      <h1>{t('somethingWrong')}</h1>
      <p dir="auto">{message}</p>
      <button type="button" className="action" onClick={() => window.location.reload()}>
        {t('retry')}
      </button>
    </section>
  );
}
