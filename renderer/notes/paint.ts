/**
 * Which highlight names paint which notes. One CSS Custom Highlight per colour
 * (`daftar-note-yellow`…, styled in notes.css with ::highlight), plus one for
 * the note the user is looking at. Pure grouping here; the layer turns the
 * offsets into Ranges with reader/highlights.ts (never touching text nodes).
 */
import type { AnchoredAnnotation, HighlightColor } from '../../src/api/contract';
import { COLORS } from './filter';

export const ACTIVE_HIGHLIGHT = 'daftar-note-active';

export function highlightName(color: HighlightColor): string {
  return `daftar-note-${color}`;
}

export const ALL_HIGHLIGHT_NAMES: readonly string[] = [...COLORS.map(highlightName), ACTIVE_HIGHLIGHT];

/** [start, end) pairs per highlight name, for the notes of one document that have an anchor. */
export function paintPlan(notes: readonly AnchoredAnnotation[], docId: string, active: string | null): Map<string, [number, number][]> {
  const plan = new Map<string, [number, number][]>(ALL_HIGHLIGHT_NAMES.map((name) => [name, []]));
  for (const note of notes) {
    if (note.target.source !== docId || note.anchor === null || note.anchor.end <= note.anchor.start) continue;
    const pair: [number, number] = [note.anchor.start, note.anchor.end];
    plan.get(highlightName(note.color))!.push(pair);
    if (note.id === active) plan.get(ACTIVE_HIGHLIGHT)!.push(pair);
  }
  return plan;
}

/** Notes of a document whose highlight covers `offset` (innermost first), for clicks on highlighted text. */
export function notesAt(notes: readonly AnchoredAnnotation[], docId: string, offset: number): AnchoredAnnotation[] {
  return notes
    .filter((n) => n.target.source === docId && n.anchor !== null && n.anchor.start <= offset && offset < n.anchor.end)
    .sort((a, b) => a.anchor!.end - a.anchor!.start - (b.anchor!.end - b.anchor!.start));
}
