/**
 * The full provenance of a source's current text and its versions: original
 * and final address, file name, capture time, HTTP status, content type, the
 * SHA-256 of what was fetched and of what is stored; then every version, the
 * older ones readable as they were captured.
 */
import { useState } from 'react';
import type { LibraryEntry } from '../../src/api/contract';
import { useApp } from '../app/context';
import { displayUrl } from '../api/urls';
import { formatCaptureTime, provenanceRows, versionsNewestFirst } from './provenance';
import { captureT } from './strings';
import { VersionReader } from './VersionReader';

export function ProvenanceDetails({ entry }: { entry: LibraryEntry }) {
  const { lang } = useApp();
  const ct = captureT(lang);
  const [reading, setReading] = useState<string | null>(null);
  if (entry.provenance === undefined) return null;
  const rows = provenanceRows(entry.provenance);
  const versions = versionsNewestFirst(entry.versions);
  return (
    <details className="capture-provenance" data-testid="provenance-details">
      <summary>{ct('provenanceFull')}</summary>
      <dl className="facts">
        {rows.map((row) => (
          <div key={row.key} className="capture-fact" data-key={row.key}>
            <dt>{ct(row.key)}</dt>
            <dd dir={row.ltr ? 'ltr' : 'auto'} className={row.key.toLowerCase().includes('sha') ? 'checksum capture-hash' : undefined}>
              {row.key === 'capturedAt' ? formatCaptureTime(row.value, lang) : row.key.endsWith('Url') ? displayUrl(row.value) : row.value}
            </dd>
          </div>
        ))}
      </dl>
      {versions.length > 0 && (
        <>
          <h4>{ct('versions')}</h4>
          <ol className="capture-versions" data-testid="versions">
            {versions.map((v) => (
              <li key={v.version}>
                <bdi>{formatCaptureTime(v.capturedAt, lang)}</bdi>{' '}
                <code className="capture-hash" title={v.sha256}>
                  {v.sha256.slice(0, 12)}
                </code>{' '}
                {v.current ? (
                  <strong>({ct('current')})</strong>
                ) : (
                  <button type="button" className="link-button" onClick={() => setReading(v.version)}>
                    {ct('readVersion')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {reading !== null && <VersionReader entry={entry} version={reading} close={() => setReading(null)} />}
    </details>
  );
}
