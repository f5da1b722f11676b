/**
 * The rows of a source's provenance, in the order a careful reader checks
 * them: where it came from (original and final address, or the file), when,
 * what the server said (HTTP status, content type), and the two fingerprints
 * (SHA-256 of the bytes fetched, of the document stored). Pure: the card
 * renders the rows; missing facts are left out, never invented.
 */
import type { DocumentVersion, Provenance } from '../../src/api/contract';

export type ProvenanceKey = 'originalUrl' | 'finalUrl' | 'fileName' | 'capturedAt' | 'httpStatus' | 'contentType' | 'rawSha256' | 'sha256' | 'rawFile';

export interface ProvenanceRow {
  key: ProvenanceKey;
  value: string;
  /** Addresses, hashes and types read left to right whatever the UI language; dates and file names follow their text. */
  ltr: boolean;
}

export function provenanceRows(p: Provenance): ProvenanceRow[] {
  const rows: ProvenanceRow[] = [];
  const add = (key: ProvenanceKey, value: string | number | undefined, ltr = true) => {
    if (value !== undefined && value !== '') rows.push({ key, value: String(value), ltr });
  };
  add('originalUrl', p.originalUrl);
  if (p.finalUrl !== p.originalUrl) add('finalUrl', p.finalUrl);
  add('fileName', p.fileName, false);
  add('capturedAt', p.capturedAt, false); // shown as a date in the UI language
  add('httpStatus', p.httpStatus);
  add('contentType', p.contentType);
  add('rawSha256', p.rawSha256);
  add('sha256', p.sha256);
  add('rawFile', p.rawFile);
  return rows;
}

/** A capture time as the user reads it: date and time in their language, UTC said explicitly. */
export function formatCaptureTime(iso: string, lang: 'ar' | 'en'): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(t)) + ' UTC';
}

/** Versions newest first; the current one marked by the service. */
export function versionsNewestFirst(versions: readonly DocumentVersion[]): DocumentVersion[] {
  return [...versions].sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt) || b.version.localeCompare(a.version));
}
