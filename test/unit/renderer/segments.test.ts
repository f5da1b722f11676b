import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/document/text';
import type { Block } from '../../../src/document/types';
import { citedSource, segmentBlock } from '../../../renderer/reader/segments';

const block: Block = {
  type: 'paragraph',
  id: 'b0',
  runs: [{ text: 'أعلنت الشركة، ' }, { text: 'وفق ما جاء في التقرير', marks: [{ type: 'emphasis' }] }, { text: ' أمس.' }],
};

describe('segmentBlock', () => {
  const layout = layoutDocument({ blocks: [block] }).blocks[0]!;
  const text = 'أعلنت الشركة، وفق ما جاء في التقرير أمس.';

  it('keeps runs whole when no citation range cuts them', () => {
    const segments = segmentBlock(block, layout, []);
    expect(segments.map((s) => s.text)).toEqual(block.runs.map((r) => r.text));
    expect(segments.map((s) => s.start)).toEqual(layout.runStarts);
  });

  it('cuts runs at the edges of a citation range and marks the inside', () => {
    const start = text.indexOf('وفق');
    const end = text.indexOf(' أمس') + ' أمس'.length;
    const segments = segmentBlock(block, layout, [{ docId: 'a', sourceId: 'g', start, end, quote: text.slice(start, end) }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const cited = segments.filter((s) => citedSource(s.marks) === 'g').map((s) => s.text).join('');
    expect(cited).toBe(text.slice(start, end));
    // The emphasis of the middle run survives beside the citation.
    expect(segments.find((s) => s.text.startsWith('وفق'))!.marks.map((m) => m.type)).toEqual(['emphasis', 'citation']);
  });

  it('does not duplicate a citation mark already on the run', () => {
    const marked: Block = { type: 'paragraph', id: 'b0', runs: [{ text: 'abc', marks: [{ type: 'citation', sourceId: 'g' }] }] };
    const l = layoutDocument({ blocks: [marked] }).blocks[0]!;
    const segments = segmentBlock(marked, l, [{ docId: 'a', sourceId: 'g', start: 0, end: 3, quote: 'abc' }]);
    expect(segments[0]!.marks.filter((m) => m.type === 'citation')).toHaveLength(1);
  });

  it('ignores citations outside the block, empty or reversed', () => {
    const segments = segmentBlock(block, layout, [
      { docId: 'a', sourceId: 'x', start: 500, end: 510, quote: '' },
      { docId: 'a', sourceId: 'y', start: 5, end: 5, quote: '' },
      { docId: 'a', sourceId: 'z', start: 9, end: 3, quote: '' },
    ]);
    expect(segments.every((s) => citedSource(s.marks) === null)).toBe(true);
  });

  it('property: segments tile the block text exactly, whatever the citation ranges', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -5, max: text.length + 5 }), fc.integer({ min: -5, max: text.length + 5 })), { maxLength: 6 }), (pairs) => {
        const citations = pairs.map(([s, e], i) => ({ docId: 'a', sourceId: `s${i}`, start: s, end: e, quote: '' }));
        const segments = segmentBlock(block, layout, citations);
        let cursor = layout.start;
        for (const s of segments) {
          if (s.start !== cursor) return false;
          cursor += s.text.length;
        }
        return cursor === layout.end && segments.map((s) => s.text).join('') === text;
      }),
    );
  });
});
