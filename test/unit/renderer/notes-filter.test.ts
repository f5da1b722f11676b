import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_QUERY, orphansOf, parseTags, selectNotes, tagsInUse } from '../../../renderer/notes/filter';
import type { HighlightColor } from '../../../src/api/contract';
import { note } from './notes-fixtures';

const a1 = note({ n: 1, doc: 'article', start: 50, color: 'yellow', tags: ['Gaza', 'water'], modified: '2026-01-03T00:00:00.000Z' });
const a2 = note({ n: 2, doc: 'article', start: 10, color: 'green', tags: ['gaza'], modified: '2026-01-01T00:00:00.000Z' });
const a3 = note({ n: 3, doc: 'article', start: null, color: 'pink', tags: [], modified: '2026-01-05T00:00:00.000Z' });
const s1 = note({ n: 4, doc: 'src-b', start: 5, color: 'green', tags: ['مياه'], modified: '2026-01-04T00:00:00.000Z' });
const s2 = note({ n: 5, doc: 'src-a', start: 7, color: 'blue', tags: ['water'], modified: '2026-01-02T01:00:00+01:00' });
const all = [a1, a2, a3, s1, s2];
const ids = (list: { id: string }[]) => list.map((n) => n.id);

describe('selectNotes', () => {
  it('this document, by position: text order, orphans last', () => {
    expect(ids(selectNotes(all, { ...DEFAULT_QUERY, docId: 'article' }))).toEqual(ids([a2, a1, a3]));
  });

  it('this document without an open document shows nothing rather than everything', () => {
    expect(selectNotes(all, { ...DEFAULT_QUERY })).toEqual([]);
  });

  it('all documents, by position, follow the library order', () => {
    const out = selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', docOrder: ['article', 'src-b', 'src-a'] });
    expect(ids(out)).toEqual(ids([a2, a1, a3, s1, s2]));
  });

  it('by date: newest change first, time zones compared as instants', () => {
    const out = selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', sort: 'date' });
    // s2 is 2026-01-02T00:00Z, after a2 (01-01) and before a1 (01-03).
    expect(ids(out)).toEqual(ids([a3, s1, a1, s2, a2]));
  });

  it('filters by tag ignoring case and space; several tags must all be present', () => {
    expect(ids(selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', tags: [' GAZA '] }))).toEqual(ids([a2, a1]));
    expect(ids(selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', tags: ['gaza', 'water'] }))).toEqual(ids([a1]));
    expect(ids(selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', tags: ['مياه'] }))).toEqual(ids([s1]));
  });

  it('filters by colour (any of the chosen)', () => {
    const out = selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', colors: ['green', 'pink'], docOrder: ['article', 'src-b'] });
    expect(ids(out)).toEqual(ids([a2, a3, s1]));
  });

  it('does not reorder or change its input', () => {
    const copy = structuredClone(all);
    selectNotes(all, { ...DEFAULT_QUERY, scope: 'all', sort: 'date' });
    expect(all).toEqual(copy);
  });

  it('property: the result is exactly the notes passing the filter (oracle: a plain loop)', () => {
    const colors: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
    const arb = fc.array(
      fc.record({ doc: fc.constantFrom('a', 'b'), start: fc.option(fc.nat(100)), color: fc.constantFrom(...colors), tags: fc.subarray(['x', 'y', 'z']) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.subarray(colors), fc.subarray(['x', 'y']), fc.constantFrom<'position' | 'date'>('position', 'date'), (specs, cs, ts, sort) => {
        const list = specs.map((s, i) => note({ n: 5000 + i, doc: s.doc, start: s.start, color: s.color, tags: s.tags, modified: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }));
        const out = selectNotes(list, { scope: 'document', docId: 'a', colors: cs, tags: ts, sort });
        const expected = list.filter((n) => n.target.source === 'a' && (cs.length === 0 || cs.includes(n.color)) && ts.every((t) => n.body.tags.includes(t)));
        expect(new Set(ids(out))).toEqual(new Set(ids(expected)));
        expect(out.length).toBe(expected.length);
        if (sort === 'position') {
          for (let i = 1; i < out.length; i++) {
            const p = out[i - 1]!.anchor?.start ?? Infinity;
            const q = out[i]!.anchor?.start ?? Infinity;
            expect(p).toBeLessThanOrEqual(q);
          }
        }
      }),
    );
  });
});

describe('tagsInUse, orphansOf', () => {
  it('counts each tag once per note and merges spellings', () => {
    expect(tagsInUse(all)).toEqual([
      { tag: 'Gaza', count: 2 },
      { tag: 'water', count: 2 },
      { tag: 'مياه', count: 1 },
    ]);
  });

  it('lists orphans of a document or of all', () => {
    const orphanB = note({ n: 9, doc: 'src-a', start: null });
    expect(ids(orphansOf([...all, orphanB], 'article'))).toEqual(ids([a3]));
    expect(orphansOf([...all, orphanB])).toHaveLength(2);
  });
});

describe('parseTags', () => {
  const table: [string, string[]][] = [
    ['', []],
    ['   ', []],
    ['gaza', ['gaza']],
    ['gaza, water', ['gaza', 'water']],
    ['غزة، مياه', ['غزة', 'مياه']],
    ['a;b؛c\nd', ['a', 'b', 'c', 'd']],
    ['Gaza, gaza ,GAZA', ['Gaza']],
    ['  human   rights ,', ['human rights']],
    [',,,', []],
  ];
  for (const [input, expected] of table) {
    it(`"${input}" → ${JSON.stringify(expected)}`, () => expect(parseTags(input)).toEqual(expected));
  }
});
