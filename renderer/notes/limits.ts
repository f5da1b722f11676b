/**
 * What the service accepts for a note (src/api/schemas.ts REQUEST_LIMITS, kept
 * equal by a unit test without pulling zod into the renderer bundle), checked
 * before saving so the user sees what is wrong while typing.
 */
import type { NotesStringKey } from './strings';

export const NOTE_LIMITS = { noteChars: 20_000, tags: 32, tagChars: 64, importChars: 20 * 1024 * 1024 } as const;

export type LimitProblem = { key: Extract<NotesStringKey, 'noteTooLong' | 'tooManyTags' | 'tagTooLong'>; params: Record<string, string | number> };

export function checkNote(note: string, tags: readonly string[]): LimitProblem | null {
  if (note.length > NOTE_LIMITS.noteChars) return { key: 'noteTooLong', params: { limit: NOTE_LIMITS.noteChars, length: note.length } };
  if (tags.length > NOTE_LIMITS.tags) return { key: 'tooManyTags', params: { limit: NOTE_LIMITS.tags, count: tags.length } };
  const long = tags.find((t) => t.length > NOTE_LIMITS.tagChars);
  if (long !== undefined) return { key: 'tagTooLong', params: { limit: NOTE_LIMITS.tagChars, tag: long.slice(0, 20) + '…' } };
  return null;
}
