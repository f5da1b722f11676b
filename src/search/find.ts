/**
 * Find in document (Ctrl/Cmd+F): the query as typed, found anywhere in the
 * document text under the same normalisation as search (no diacritics, hamza
 * forms, ta marbuta, digits, case), as a substring like a browser's find, so
 * matches appear while a word is still being typed. Offsets are mapped back to
 * the original text, so a match covers the diacritics of the words it spans.
 * No query syntax here: quotes and - are searched as they are.
 */
import type { FindResponse, Range } from '../api/contract';
import { normalize, normalizeWithMap, type NormalizedText } from '../text';

/** More matches than this are not useful to step through and cost memory: the first ones are returned. */
export const MAX_FIND_MATCHES = 5000;

/** The normalised form of a document text; callers cache it per document version. */
export function prepareFindText(text: string): NormalizedText {
  return normalizeWithMap(text, { collapseWhitespace: true });
}

export function findInText(prepared: NormalizedText, query: string): FindResponse {
  const needle = normalizeWithMap(query, { collapseWhitespace: true }).text.trim();
  if (needle === '') {
    const trimmed = query.trim();
    if (trimmed === '') return { matches: [] };
    return { matches: [], problem: { code: 'no-letters', params: { text: trimmed }, message: 'search: nothing to find: the query holds only marks or invisible characters', start: 0, end: query.length } };
  }
  const matches: Range[] = [];
  const hay = prepared.text;
  let at = hay.indexOf(needle);
  while (at >= 0 && matches.length < MAX_FIND_MATCHES) {
    matches.push(prepared.toOriginalRange(at, at + needle.length));
    at = hay.indexOf(needle, at + needle.length);
  }
  if (at >= 0) {
    return { matches, problem: { code: 'too-many-matches', params: { max: MAX_FIND_MATCHES }, message: `search: more than ${MAX_FIND_MATCHES} matches; showing the first ${MAX_FIND_MATCHES}`, start: 0, end: query.length } };
  }
  return { matches };
}

/** True when `query` normalises to nothing worth finding (used by callers that skip the work). */
export function isEmptyFind(query: string): boolean {
  return normalize(query).trim() === '';
}
