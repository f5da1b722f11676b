import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REQUEST_LIMITS } from '../../../src/api/schemas';
import { NOTE_LIMITS, checkNote } from '../../../renderer/notes/limits';
import { NOTES_STRINGS, notesT } from '../../../renderer/notes/strings';
import { ACTIVE_HIGHLIGHT, notesAt, paintPlan } from '../../../renderer/notes/paint';
import { spreadOut } from '../../../renderer/notes/geometry';
import { NotesFileError, readNotesFile } from '../../../renderer/notes/read-file';
import { note } from './notes-fixtures';

describe('note limits', () => {
  it('are the limits the service enforces', () => {
    expect(NOTE_LIMITS.noteChars).toBe(REQUEST_LIMITS.noteChars);
    expect(NOTE_LIMITS.tags).toBe(REQUEST_LIMITS.tags);
    expect(NOTE_LIMITS.tagChars).toBe(REQUEST_LIMITS.tagChars);
    expect(NOTE_LIMITS.importChars).toBe(REQUEST_LIMITS.annotationsImportChars);
  });

  const table: [string, string, string[], string | null][] = [
    ['empty note', '', [], null],
    ['at the note limit', 'x'.repeat(NOTE_LIMITS.noteChars), [], null],
    ['over the note limit', 'x'.repeat(NOTE_LIMITS.noteChars + 1), [], 'noteTooLong'],
    ['too many tags', '', Array.from({ length: NOTE_LIMITS.tags + 1 }, (_, i) => `t${i}`), 'tooManyTags'],
    ['a tag too long', '', ['y'.repeat(NOTE_LIMITS.tagChars + 1)], 'tagTooLong'],
    ['Arabic tags at the limit', '', ['غ'.repeat(NOTE_LIMITS.tagChars)], null],
  ];
  for (const [label, text, tags, expected] of table) {
    it(`${label} → ${expected ?? 'ok'}`, () => expect(checkNote(text, tags)?.key ?? null).toBe(expected));
  }

  it('explains the problem in both languages with numbers', () => {
    const p = checkNote('x'.repeat(20_001), [])!;
    expect(notesT('en')(p.key, p.params)).toBe('A note holds at most 20000 characters (this one has 20001); it is not saved until it is shorter.');
    expect(notesT('ar')(p.key, p.params)).toContain('20000');
  });
});

describe('notes strings', () => {
  it('Arabic and English have the same keys and placeholders', () => {
    const keys = Object.keys(NOTES_STRINGS.en).sort();
    expect(Object.keys(NOTES_STRINGS.ar).sort()).toEqual(keys);
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      const k = key as keyof typeof NOTES_STRINGS.en;
      expect(holes(NOTES_STRINGS.ar[k]), key).toEqual(holes(NOTES_STRINGS.en[k]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(notesT('en')('count', { count: 3 })).toBe('3 notes');
    expect(notesT('en')('count')).toBe('{count} notes');
  });
});

describe('paintPlan and notesAt', () => {
  const a = note({ n: 1, doc: 'd', start: 0, end: 5, color: 'green' });
  const b = note({ n: 2, doc: 'd', start: 3, end: 20, color: 'green' });
  const c = note({ n: 3, doc: 'd', start: 10, end: 12, color: 'pink' });
  const orphan = note({ n: 4, doc: 'd', start: null, color: 'pink' });
  const other = note({ n: 5, doc: 'e', start: 0, end: 5, color: 'yellow' });

  it('one highlight per colour, only this document, no orphans; the active note also under the active name', () => {
    const plan = paintPlan([a, b, c, orphan, other], 'd', c.id);
    expect(plan.get('daftar-note-green')).toEqual([
      [0, 5],
      [3, 20],
    ]);
    expect(plan.get('daftar-note-pink')).toEqual([[10, 12]]);
    expect(plan.get('daftar-note-yellow')).toEqual([]);
    expect(plan.get(ACTIVE_HIGHLIGHT)).toEqual([[10, 12]]);
    expect([...plan.keys()]).toHaveLength(6);
  });

  it('finds the innermost note under an offset, end exclusive', () => {
    expect(notesAt([a, b, c], 'd', 11).map((n) => n.id)).toEqual([c.id, b.id]);
    expect(notesAt([a, b, c], 'd', 5).map((n) => n.id)).toEqual([b.id]);
    expect(notesAt([a, b, c, other], 'e', 1).map((n) => n.id)).toEqual([other.id]);
    expect(notesAt([orphan], 'd', 0)).toEqual([]);
  });
});

describe('spreadOut', () => {
  it('property: keeps order by top, never moves an item up, and leaves at least `gap` between items', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 2000 }), { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (tops, gap) => {
        const out = spreadOut(
          tops.map((top, i) => ({ top, i })),
          gap,
        );
        expect(out).toHaveLength(tops.length);
        for (let i = 0; i < out.length; i++) {
          expect(out[i]!.placed).toBeGreaterThanOrEqual(out[i]!.top);
          if (i > 0) {
            expect(out[i]!.top).toBeGreaterThanOrEqual(out[i - 1]!.top);
            expect(out[i]!.placed - out[i - 1]!.placed).toBeGreaterThanOrEqual(gap);
          }
        }
      }),
    );
  });
});

describe('readNotesFile', () => {
  it('drops a byte-order mark and returns the text', async () => {
    expect(await readNotesFile({ name: 'n.jsonld', size: 4, text: async () => '\uFEFF{}' })).toBe('{}');
  });

  it('refuses an oversized file without reading it', async () => {
    let read = false;
    const big = { name: 'big.jsonld', size: NOTE_LIMITS.importChars + 1, text: async () => ((read = true), '') };
    await expect(readNotesFile(big)).rejects.toThrow(/notes\/import: big\.jsonld is \d+ bytes, over the \d+ byte limit/);
    await expect(readNotesFile(big)).rejects.toBeInstanceOf(NotesFileError);
    expect(read).toBe(false);
  });

  it('names the file when it cannot be read', async () => {
    const broken = { name: 'gone.json', size: 3, text: async () => Promise.reject(new Error('NotReadableError')) };
    await expect(readNotesFile(broken)).rejects.toThrow('notes/import: gone.json: NotReadableError');
  });
});
