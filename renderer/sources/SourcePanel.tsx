/**
 * The source card: what the archive knows about one source (facts, address
 * as text, how sure the facts are, provenance, status) and the sentences of
 * the article that cite it, each a way back to its place in the article.
 */
import type { LibraryEntry, Provenance } from '../../src/api/contract';
import type { SidePanelProps } from '../app/panels';
import { sourceActions } from '../app/panels';
import { useApp } from '../app/context';
import { displayUrl, isOpenableUrl } from '../api/urls';
import { formatDate, type StringKey } from '../i18n';
import { StatusBadge } from '../library/StatusBadge';

export function SourcePanel({ arg }: SidePanelProps) {
  const { library, t } = useApp();
  const entry = typeof arg === 'string' ? library?.entries.find((e) => e.id === arg) : undefined;
  if (library === null || entry === undefined) return <p>{t('notCited')}</p>;
  return <SourceCard entry={entry} />;
}

function SourceCard({ entry }: { entry: LibraryEntry }) {
  const { library, t, lang, navigate, confirmOpenExternal, current, openPanel } = useApp();
  const citations = (library?.citations ?? []).filter((c) => c.sourceId === entry.id);
  return (
    <div className="source-card" data-source-id={entry.id}>
      <h3 className="source-title" dir="auto">
        {entry.title}
      </h3>
      <p className="source-status">
        <StatusBadge status={entry.status} />
      </p>
      <dl className="facts">
        {entry.publisher !== undefined && <Fact label={t('publisher')} value={entry.publisher} />}
        {entry.author !== undefined && <Fact label={t('author')} value={entry.author} />}
        {entry.published !== undefined && <Fact label={t('published')} value={formatDate(entry.published, lang)} />}
        <dt>{t('address')}</dt>
        <dd>
          {entry.url === null ? (
            <span className="muted">{t('noAddress')}</span>
          ) : (
            <>
              <span className="url-text" dir="ltr">
                {displayUrl(entry.url)}
              </span>
              {isOpenableUrl(entry.url) && (
                <button type="button" className="link-button" onClick={() => confirmOpenExternal(entry.url!)}>
                  {t('openInBrowser')}
                </button>
              )}
            </>
          )}
        </dd>
      </dl>
      {entry.confidence !== undefined && (
        <section className="card-section" aria-label={t('confidence')}>
          <h4>{t('confidence')}</h4>
          <p className="confidence" lang="en" dir="ltr">
            {entry.confidence}
          </p>
        </section>
      )}
      {entry.provenance !== undefined && <ProvenanceView provenance={entry.provenance} />}
      {entry.status === 'captured' && current?.view.entry.id !== entry.id && (
        <p className="source-read-actions">
          <button type="button" className="action" onClick={() => navigate({ docId: entry.id })}>
            {t('openSourceText')}
          </button>
          {current !== null && (
            <button type="button" className="action" onClick={() => openPanel('beside', entry.id)} data-testid="read-beside">
              {t('readBeside')}
            </button>
          )}
        </p>
      )}
      {sourceActions.map(({ id, Component }) => (
        <Component key={id} entry={entry} />
      ))}
      <section className="card-section" aria-label={t('citedIn')}>
        <h4>{t('citedIn')}</h4>
        {citations.length === 0 ? (
          <p className="muted">{t('notCited')}</p>
        ) : (
          <ul className="citing-sentences">
            {citations.map((c) => (
              <li key={`${c.start}-${c.end}`}>
                <button
                  type="button"
                  className="citing-sentence"
                  lang="ar"
                  dir="rtl"
                  onClick={() => navigate({ docId: c.docId, offset: c.start, end: c.end, flash: true })}
                >
                  {c.quote}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd dir="auto">{value}</dd>
    </>
  );
}

const ORIGIN: Record<Provenance['origin'], StringKey> = { bundled: 'originBundled', captured: 'originCaptured', imported: 'originImported' };

function ProvenanceView({ provenance }: { provenance: Provenance }) {
  const { t, lang } = useApp();
  return (
    <section className="card-section" aria-label={t('provenance')}>
      <h4>{t('provenance')}</h4>
      <dl className="facts">
        <dt>{t('origin')}</dt>
        <dd>{t(ORIGIN[provenance.origin])}</dd>
        <dt>{t('capturedAt')}</dt>
        <dd>{formatDate(provenance.capturedAt, lang)}</dd>
        {provenance.fileName !== undefined && <Fact label={t('fileName')} value={provenance.fileName} />}
        {provenance.finalUrl !== undefined && (
          <>
            <dt>{t('address')}</dt>
            <dd className="url-text" dir="ltr">
              {displayUrl(provenance.finalUrl)}
            </dd>
          </>
        )}
        <dt>{t('checksum')}</dt>
        <dd className="checksum" dir="ltr" title={provenance.sha256}>
          {provenance.sha256.slice(0, 16)}…
        </dd>
      </dl>
    </section>
  );
}
