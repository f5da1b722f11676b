import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCitationMarks, CitationError, findCitations } from '../../../src/archive/citations';
import { documentText } from '../../../src/document/text';
import type { Block } from '../../../src/document/types';

const para = (id: string, ...texts: string[]): Block => ({ id, type: 'paragraph', runs: texts.map((text) => ({ text })) });

describe('findCitations', () => {
  it('returns every occurrence, sorted by offset', () => {
    const text = 'قال الغارديان ثم قال الغارديان';
    const found = findCitations(text, 'doc', [{ id: 's', quotes: ['الغارديان'] }]);
    expect(found.map((c) => [c.start, c.end])).toEqual([[4, 13], [21, 30]]);
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });

  it.each([
    ['missing quote', [{ id: 'src', quotes: ['غير موجود'] }], /citations: the quote of source src is not in the text of doc: "غير موجود"/],
    ['empty quote', [{ id: 'src', quotes: [''] }], /citations: source src lists an empty quote/],
  ])('%s fails loudly', (_n, sources, message) => {
    expect(() => findCitations('نص', 'doc', sources)).toThrow(CitationError);
    expect(() => findCitations('نص', 'doc', sources)).toThrow(message);
  });
});

describe('applyCitationMarks', () => {
  it('splits runs at range boundaries and marks only the range', () => {
    const blocks = [para('b0', 'abc def', ' ghi'), para('b1', 'jkl')];
    const out = applyCitationMarks(blocks, [{ docId: 'd', sourceId: 's', start: 4, end: 9, quote: 'def g' }]);
    expect(out[0]!.runs).toEqual([{ text: 'abc ' }, { text: 'def', marks: [{ type: 'citation', sourceId: 's' }] }, { text: ' g', marks: [{ type: 'citation', sourceId: 's' }] }, { text: 'hi' }]);
    expect(out[1]).toBe(blocks[1]);
  });

  it('keeps existing marks and stacks overlapping citations', () => {
    const blocks: Block[] = [{ id: 'b0', type: 'paragraph', runs: [{ text: 'abcdef', marks: [{ type: 'strong' }] }] }];
    const out = applyCitationMarks(blocks, [
      { docId: 'd', sourceId: 'a', start: 0, end: 4, quote: 'abcd' },
      { docId: 'd', sourceId: 'b', start: 2, end: 6, quote: 'cdef' },
    ]);
    expect(out[0]!.runs).toEqual([
      { text: 'ab', marks: [{ type: 'strong' }, { type: 'citation', sourceId: 'a' }] },
      { text: 'cd', marks: [{ type: 'strong' }, { type: 'citation', sourceId: 'a' }, { type: 'citation', sourceId: 'b' }] },
      { text: 'ef', marks: [{ type: 'strong' }, { type: 'citation', sourceId: 'b' }] },
    ]);
  });

  it('property: never changes the text, and marks exactly the cited characters (oracle: a per-character set)', () => {
    const run = fc.string({ minLength: 0, maxLength: 6 });
    const block = fc.array(run, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), (blockRuns, ranges) => {
        const blocks = blockRuns.map((texts, i) => para(`b${i}`, ...texts));
        const text = documentText({ blocks });
        if (text.length === 0) return;
        const citations = ranges
          .map(([a, b], i) => {
            const start = a % text.length;
            const end = start + 1 + (b % (text.length - start));
            return { docId: 'd', sourceId: `s${i}`, start, end, quote: text.slice(start, end) };
          });
        const out = applyCitationMarks(blocks, citations);
        expect(documentText({ blocks: out })).toBe(text);
        // Oracle: which sources cover each character of the text.
        let offset = 0;
        out.forEach((b, bi) => {
          if (bi > 0) offset += 2;
          for (const r of b.runs) {
            for (let k = 0; k < r.text.length; k++) {
              const at = offset + k;
              const expected = citations.filter((c) => c.start <= at && at < c.end).map((c) => c.sourceId).sort();
              const got = (r.marks ?? []).flatMap((m) => (m.type === 'citation' ? [m.sourceId] : [])).sort();
              expect(got).toEqual([...new Set(expected)]);
            }
            offset += r.text.length;
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
