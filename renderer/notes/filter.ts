/**
 * Which notes the notes panel shows, and in what order.
 *
 * Pure functions over the list the contract returns: scope (this document or
 * all), filter by tags and colours, sort by position in the text or by date.
 * Orphans (anchor null) are never filtered out by position: they have none, so
 * they sort after the anchored notes of their document, and the panel also
 * lists them apart under "needs attention".
 */
import type { AnchoredAnnotation, HighlightColor } from '../../src/api/contract';

export const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

export type NotesScope = 'document' | 'all';
export type NotesSort = 'position' | 'date';

export interface NotesQuery {
  scope: NotesScope;
  /** The open document; required for scope 'document'. */
  docId?: string;
  /** A note must carry every one of these tags (empty: no tag filter). */
  tags: readonly string[];
  /** A note must have one of these colours (empty: any colour). */
  colors: readonly HighlightColor[];
  sort: NotesSort;
  /** Document ids in library order, so "all documents" by position reads like the library. */
  docOrder?: readonly string[];
}

export const DEFAULT_QUERY: NotesQuery = { scope: 'document', tags: [], colors: [], sort: 'position' };

/** Tags compare without case or surrounding space, so "Gaza" and " gaza" are one filter. */
export function tagKey(tag: string): string {
  return tag.trim().toLocaleLowerCase();
}

function matches(note: AnchoredAnnotation, query: NotesQuery, wanted: string[]): boolean {
  if (query.scope === 'document' && note.target.source !== query.docId) return false;
  if (query.colors.length > 0 && !query.colors.includes(note.color)) return false;
  if (wanted.length > 0) {
    const have = new Set(note.body.tags.map(tagKey));
    if (!wanted.every((t) => have.has(t))) return false;
  }
  return true;
}

function docRank(order: readonly string[] | undefined): (docId: string) => number {
  const rank = new Map((order ?? []).map((id, i) => [id, i]));
  return (id) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
}

/** Position order: documents in library order, then text order; orphans last in their document. */
export function comparePosition(order?: readonly string[]): (a: AnchoredAnnotation, b: AnchoredAnnotation) => number {
  const rank = docRank(order);
  return (a, b) => {
    if (a.target.source !== b.target.source) {
      return rank(a.target.source) - rank(b.target.source) || a.target.source.localeCompare(b.target.source);
    }
    const sa = a.anchor ? a.anchor.start : Number.MAX_SAFE_INTEGER;
    const sb = b.anchor ? b.anchor.start : Number.MAX_SAFE_INTEGER;
    if (sa !== sb) return sa - sb;
    const ea = a.anchor ? a.anchor.end : 0;
    const eb = b.anchor ? b.anchor.end : 0;
    return ea - eb || a.created.localeCompare(b.created) || a.id.localeCompare(b.id);
  };
}

/** Date order: most recently changed first. ISO stamps in UTC compare as strings only when same-offset, so parse. */
export function compareDate(a: AnchoredAnnotation, b: AnchoredAnnotation): number {
  const ta = Date.parse(a.modified);
  const tb = Date.parse(b.modified);
  return (Number.isNaN(tb) ? 0 : tb) - (Number.isNaN(ta) ? 0 : ta) || a.id.localeCompare(b.id);
}

export function selectNotes(all: readonly AnchoredAnnotation[], query: NotesQuery): AnchoredAnnotation[] {
  if (query.scope === 'document' && !query.docId) return [];
  const wanted = [...new Set(query.tags.map(tagKey).filter((t) => t.length > 0))];
  const picked = all.filter((n) => matches(n, query, wanted));
  return picked.sort(query.sort === 'date' ? compareDate : comparePosition(query.docOrder));
}

/** Every tag in use, once each (first spelling seen wins), sorted for display, with its count. */
export function tagsInUse(all: readonly AnchoredAnnotation[]): { tag: string; count: number }[] {
  const seen = new Map<string, { tag: string; count: number }>();
  for (const note of all) {
    for (const tag of new Set(note.body.tags.map((t) => t.trim()).filter(Boolean))) {
      const key = tagKey(tag);
      const hit = seen.get(key);
      if (hit) hit.count += 1;
      else seen.set(key, { tag, count: 1 });
    }
  }
  return [...seen.values()].sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Notes whose text could not be found: the "needs attention" list, in the given scope. */
export function orphansOf(all: readonly AnchoredAnnotation[], docId?: string): AnchoredAnnotation[] {
  return all.filter((n) => n.anchor === null && (docId === undefined || n.target.source === docId)).sort(compareDate);
}

/**
 * Splits a typed tag field ("gaza, water ، مياه") into tags: commas (Latin and
 * Arabic) separate, space inside a tag is kept, duplicates (by tagKey) dropped.
 */
export function parseTags(input: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of input.split(/[,،;؛\n]/)) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (!tag) continue;
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
