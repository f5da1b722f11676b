/**
 * The seam between notes and search. The notes area implements
 * NotesSearchSource over its store; search lists the notes at query time
 * (there are few, and they change often, so they are scanned, not indexed)
 * and subscribes only to know when cached answers are out of date.
 */
import type { Range, SearchHit } from '../api/contract';
import { matchInText } from './lookup';
import { mergeRanges } from './query';
import type { ParsedQuery } from './query-parse';

export interface NoteForSearch {
  /** Annotation id (`urn:uuid:…`). */
  id: string;
  docId: string;
  docTitle: string;
  /** The note's text (may be empty for a plain highlight). */
  text: string;
  tags: string[];
}

export interface NotesSearchSource {
  list(): NoteForSearch[];
  /** Called after any note is created, changed or deleted; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * What a note hit shows: the note text, then its tags as `#tag` on a line of
 * their own, so a match on a tag has offsets to highlight like any other.
 */
export function noteHitText(note: NoteForSearch): string {
  const tags = note.tags.map((t) => `#${t}`).join(' ');
  if (tags === '') return note.text;
  return note.text === '' ? tags : `${note.text}\n\n${tags}`;
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

export interface NoteMatches {
  /** Notes matching every included unit, best first. */
  all: SearchHit[];
  /** Notes matching at least one, best first (for the 'any' fallback). */
  any: SearchHit[];
}

export function searchNotes(notes: readonly NoteForSearch[], parsed: ParsedQuery): NoteMatches {
  const out: NoteMatches = { all: [], any: [] };
  if (parsed.include.length === 0) return out;
  const sources = new Set(parsed.sources);
  const ranked: { hit: SearchHit; units: number }[] = [];
  for (const note of notes) {
    if (sources.size > 0 && !sources.has(note.docId)) continue;
    const text = noteHitText(note);
    // Notes have no language tag: lang: keeps those written in that script.
    if (parsed.lang === 'ar' && !ARABIC_LETTER.test(text)) continue;
    if (parsed.lang === 'en' && !LATIN_LETTER.test(text)) continue;
    if (matchInText(text, parsed.exclude).some((r) => r.length > 0)) continue;
    const perUnit = matchInText(text, parsed.include);
    const units = perUnit.filter((r) => r.length > 0).length;
    if (units === 0) continue;
    const matches: Range[] = mergeRanges(perUnit.flat());
    ranked.push({
      units,
      hit: { kind: 'note', docId: note.docId, docTitle: note.docTitle, passageId: note.id, score: units + matches.length / 100, text, matches, passageStart: 0 },
    });
  }
  ranked.sort((a, b) => b.units - a.units || b.hit.score - a.hit.score);
  out.any = ranked.map((r) => r.hit);
  out.all = ranked.filter((r) => r.units === parsed.include.length).map((r) => r.hit);
  return out;
}
