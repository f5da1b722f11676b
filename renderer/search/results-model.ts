/**
 * Search results as the list shows them: groups in the order the service
 * ranked them, the notes group last, each hit with a stable option id for
 * keyboard navigation (aria-activedescendant) and its position in the flat
 * order the arrow keys walk. Pure.
 */
import type { SearchGroup, SearchHit, SearchResponse } from '../../src/api/contract';

export interface ResultOption {
  /** DOM id of the option; unique within the list. */
  id: string;
  hit: SearchHit;
  /** Index in the flat keyboard order. */
  index: number;
}

export interface ResultGroup {
  id: string;
  kind: SearchGroup['kind'];
  docId: string;
  docTitle: string;
  count: number;
  options: ResultOption[];
}

export interface ResultsModel {
  groups: ResultGroup[];
  options: ResultOption[];
  /** Documents with at least one hit (the notes group not counted). */
  documents: number;
  total: number;
}

const EMPTY: ResultsModel = { groups: [], options: [], documents: 0, total: 0 };

/** DOM ids must not carry arbitrary passage ids (spaces, quotes): index-based ids are safe and stable per response. */
export function resultsModel(response: SearchResponse | null): ResultsModel {
  if (response === null) return EMPTY;
  const ordered = [...response.groups.filter((g) => g.kind === 'document'), ...response.groups.filter((g) => g.kind === 'notes')];
  const options: ResultOption[] = [];
  const groups = ordered.map((group, g): ResultGroup => ({
    id: `search-group-${g}`,
    kind: group.kind,
    docId: group.docId,
    docTitle: group.docTitle,
    count: group.count,
    options: group.hits.map((hit, h) => {
      const option = { id: `search-option-${g}-${h}`, hit, index: options.length };
      options.push(option);
      return option;
    }),
  }));
  return { groups, options, documents: ordered.filter((g) => g.kind === 'document').length, total: response.total };
}

/** The next active option for an arrow/Home/End key, wrapping at the ends; -1 when there is nothing. */
export function moveActive(active: number, count: number, key: 'next' | 'previous' | 'first' | 'last'): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'next':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'previous':
      return active <= 0 ? count - 1 : active - 1;
  }
}

/** Where in the document to land when a hit is opened: its first match, or the passage start. */
export function hitTarget(hit: SearchHit): { offset: number; end: number } {
  const first = [...hit.matches].sort((a, b) => a[0] - b[0])[0];
  if (first === undefined) return { offset: hit.passageStart, end: hit.passageStart + Math.max(1, hit.text.length) };
  return { offset: hit.passageStart + first[0], end: hit.passageStart + first[1] };
}
