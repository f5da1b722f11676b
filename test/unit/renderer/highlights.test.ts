import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPoint, offsetsFromSelection, rangeFromOffsets, segmentIndexAt, textRangesFromOffsets } from '../../../renderer/reader/highlights';
import { para, renderBlocks } from './dom';
import type { Block } from '../../../src/document/types';

const ARTICLE: Block[] = [
  { type: 'heading', id: 'b0', level: 1, runs: [{ text: 'هل أوقفت مايكروسوفت حقا تعاونها؟' }] },
  para('b1', 'أعلنت "مايكروسوفت" ', { text: 'وفق ما جاء في تقرير "الغارديان"', cite: 'guardian' }, '.'),
  para('b2', { text: 'Microsoft', em: true }, ' said ', '', 'no 8200.'),
  { type: 'embed', id: 'b3', provider: 'x', media: [], runs: [{ text: 'نص المنشور' }] },
];

describe('segmentIndexAt (pure)', () => {
  const starts = [10, 15, 15, 20];
  const table: [number, 'forward' | 'backward', number][] = [
    [10, 'forward', 0],
    [12, 'forward', 0],
    [15, 'forward', 2], // an empty segment at 15 is passed over to the last one starting there
    [15, 'backward', 0], // a range ending at 15 stays in the segment it closes
    [16, 'backward', 2],
    [20, 'forward', 3],
    [20, 'backward', 2],
    [25, 'forward', 3],
  ];
  it.each(table)('offset %i %s → segment %i', (offset, affinity, expected) => {
    expect(segmentIndexAt(starts, offset, affinity)).toBe(expected);
  });
});

describe('blockPoint (pure)', () => {
  const { layout } = renderBlocks(ARTICLE);
  it('snaps a start on the separator forward and an end backward', () => {
    const end0 = layout.blocks[0]!.end;
    expect(blockPoint(layout, end0 + 1, 'forward')).toEqual({ blockIndex: 1, offset: layout.blocks[1]!.start });
    expect(blockPoint(layout, end0 + 1, 'backward')).toEqual({ blockIndex: 0, offset: end0 });
  });
  it('refuses offsets outside the text', () => {
    expect(blockPoint(layout, -1, 'forward')).toBeNull();
    expect(blockPoint(layout, layout.text.length + 1, 'forward')).toBeNull();
  });
});

describe('rangeFromOffsets', () => {
  it('covers exactly the text of a citation, inside its link, without touching text nodes', () => {
    const { root, layout } = renderBlocks(ARTICLE);
    const quote = 'وفق ما جاء في تقرير "الغارديان"';
    const start = layout.text.indexOf(quote);
    const textNodesBefore = root.ownerDocument.createTreeWalker(root, 4);
    let countBefore = 0;
    while (textNodesBefore.nextNode()) countBefore++;
    const range = rangeFromOffsets(root, layout, start, start + quote.length)!;
    expect(range.toString()).toBe(quote);
    const walker = root.ownerDocument.createTreeWalker(root, 4);
    let countAfter = 0;
    while (walker.nextNode()) countAfter++;
    expect(countAfter).toBe(countBefore);
  });

  it('spans blocks, and its text equals the document text minus separators', () => {
    const { root, layout } = renderBlocks(ARTICLE);
    const start = 4;
    const end = layout.blocks[2]!.start + 5;
    const range = rangeFromOffsets(root, layout, start, end)!;
    expect(range.toString()).toBe(layout.text.slice(start, end).replace(/\n\n/g, ''));
  });

  const bad: [string, number, number][] = [
    ['empty', 5, 5],
    ['reversed', 9, 3],
    ['negative', -2, 4],
    ['past the end', 0, 10_000],
    ['not an integer', 1.5, 4],
    ['only a separator', 0, 0],
  ];
  it.each(bad)('returns null for a %s range', (_name, start, end) => {
    const { root, layout } = renderBlocks(ARTICLE);
    expect(rangeFromOffsets(root, layout, start, end)).toBeNull();
  });

  it('returns null when the range is only the separator between two blocks', () => {
    const { root, layout } = renderBlocks(ARTICLE);
    const sep = layout.blocks[0]!.end;
    expect(rangeFromOffsets(root, layout, sep, sep + 2)).toBeNull();
  });

  it('returns null when the block is not rendered', () => {
    const { root, layout } = renderBlocks(ARTICLE);
    root.querySelector('[data-block-index="2"]')!.remove();
    expect(rangeFromOffsets(root, layout, layout.blocks[2]!.start, layout.blocks[2]!.end)).toBeNull();
  });

  it('property: for any range, the per-block ranges read exactly the document characters (oracle: text.slice)', () => {
    const { root, layout } = renderBlocks(ARTICLE);
    const n = layout.text.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const ranges = textRangesFromOffsets(root, layout, start, end);
        const expected = layout.blocks.map((b) => layout.text.slice(Math.max(start, b.start), Math.min(end, b.end))).filter((part) => part !== '');
        return JSON.stringify(ranges.map((r) => r.toString())) === JSON.stringify(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('a single range across blocks also covers what the reader shows between texts (why paint per block)', () => {
    const { root, layout } = renderBlocks(ARTICLE);
    const range = rangeFromOffsets(root, layout, layout.blocks[2]!.start, layout.blocks[3]!.end)!;
    expect(range.toString()).toContain('author @handle');
    expect(textRangesFromOffsets(root, layout, layout.blocks[2]!.start, layout.blocks[3]!.end).map((r) => r.toString()).join('')).not.toContain('author');
  });
});

describe('offsetsFromSelection', () => {
  function select(dom: ReturnType<typeof renderBlocks>['dom'], range: Range): Selection {
    const selection = dom.window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection;
  }

  it('round-trips with rangeFromOffsets (property, oracle: identity)', () => {
    const rendered = renderBlocks(ARTICLE);
    const { root, layout, dom } = rendered;
    const n = layout.text.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const range = rangeFromOffsets(root, layout, start, end);
        if (range === null || range.collapsed) return true;
        const got = offsetsFromSelection(root, select(dom, range));
        // Ends on a separator snap to the block edges.
        const expected = { start: blockPoint(layout, start, 'forward')!.offset, end: blockPoint(layout, end, 'backward')!.offset };
        return got !== null && got.start === expected.start && got.end === expected.end;
      }),
      { numRuns: 300 },
    );
  });

  it('snaps a selection that starts in the embed header (not text) to the post text', () => {
    const { root, layout, dom } = renderBlocks(ARTICLE);
    const embed = root.querySelector('[data-block-index="3"]')!;
    const header = embed.firstChild!;
    const range = dom.window.document.createRange();
    range.setStart(header.firstChild!, 2);
    const textNode = embed.querySelector('[data-offset]')!.firstChild!;
    range.setEnd(textNode, 3);
    const got = offsetsFromSelection(root, select(dom, range));
    expect(got).toEqual({ start: layout.blocks[3]!.start, end: layout.blocks[3]!.start + 3 });
  });

  it('returns null for a collapsed selection, a selection outside the reader, and no selection', () => {
    const { root, dom } = renderBlocks(ARTICLE);
    const doc = dom.window.document;
    const collapsed = doc.createRange();
    collapsed.setStart(root.querySelector('[data-offset]')!.firstChild!, 2);
    expect(offsetsFromSelection(root, select(dom, collapsed))).toBeNull();
    const outside = doc.createRange();
    outside.selectNodeContents(doc.getElementById('outside')!);
    expect(offsetsFromSelection(root, select(dom, outside))).toBeNull();
    expect(offsetsFromSelection(root, null)).toBeNull();
  });
});
