/**
 * Offsets ↔ DOM for the reader, and painting with the CSS Custom Highlight API.
 *
 * The reader renders every block as an element with `data-block-index`, and
 * every segment of text (segments.ts) as an element with `data-offset` holding
 * exactly one text node. So an offset maps to (block element, segment element,
 * offset in its text node) by arithmetic, and a DOM point maps back by adding.
 * Highlights are painted with `CSS.highlights` over DOM Ranges: text nodes are
 * never split or wrapped, which would break Arabic letter joining.
 *
 * Used by search (paint matches, jump), notes (paint notes, turn a selection
 * into offsets) and navigation (flash the target).
 */
import { blockIndexAt, type DocumentLayout } from '../../src/document/text';

export type Affinity = 'forward' | 'backward';

/** Where an offset lands: which block, and the offset clamped into that block's text. Pure. */
export function blockPoint(layout: DocumentLayout, offset: number, affinity: Affinity): { blockIndex: number; offset: number } | null {
  const blockIndex = blockIndexAt(layout, offset, affinity);
  if (blockIndex < 0) return null;
  const block = layout.blocks[blockIndex]!;
  return { blockIndex, offset: Math.min(Math.max(offset, block.start), block.end) };
}

/**
 * Index of the segment holding `offset`, given the segments' starts in order.
 * Forward (a range start): the last segment starting at or before it.
 * Backward (a range end): the last segment starting strictly before it, so an
 * end stays in the segment it closes. Pure.
 */
export function segmentIndexAt(starts: readonly number[], offset: number, affinity: Affinity): number {
  let found = 0;
  for (let i = 1; i < starts.length; i++) {
    const start = starts[i]!;
    if (start < offset || (start === offset && affinity === 'forward')) found = i;
  }
  return found;
}

function segmentsOf(blockEl: Element): HTMLElement[] {
  return Array.from(blockEl.querySelectorAll<HTMLElement>('[data-offset]'));
}

function segmentStart(el: Element): number {
  return Number((el as HTMLElement).dataset.offset);
}

/** The DOM point of a document offset, or null when the block is not rendered. */
function domPoint(root: Element, layout: DocumentLayout, offset: number, affinity: Affinity): { node: Node; offset: number } | null {
  const point = blockPoint(layout, offset, affinity);
  if (point === null) return null;
  const blockEl = root.querySelector(`[data-block-index="${point.blockIndex}"]`);
  if (blockEl === null) return null;
  const segments = segmentsOf(blockEl);
  if (segments.length === 0) return { node: blockEl, offset: 0 };
  const index = segmentIndexAt(segments.map(segmentStart), point.offset, affinity);
  const segment = segments[index]!;
  let remaining = Math.max(0, point.offset - segmentStart(segment));
  const doc = segment.ownerDocument;
  const walker = doc.createTreeWalker(segment, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    if (remaining <= node.data.length) return { node, offset: remaining };
    remaining -= node.data.length;
    last = node;
  }
  return last !== null ? { node: last, offset: last.data.length } : { node: segment, offset: 0 };
}

/** A DOM Range over [start, end) of the document text, or null if empty, out of bounds or not rendered. */
export function rangeFromOffsets(root: Element, layout: DocumentLayout, start: number, end: number): Range | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > layout.text.length || start >= end) return null;
  const from = blockPoint(layout, start, 'forward');
  const to = blockPoint(layout, end, 'backward');
  if (from === null || to === null || from.blockIndex > to.blockIndex) return null; // only a separator
  if (from.blockIndex === to.blockIndex && from.offset >= to.offset) return null;
  const a = domPoint(root, layout, start, 'forward');
  const b = domPoint(root, layout, end, 'backward');
  if (a === null || b === null) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The document offset of a DOM point inside the rendered document, snapping to the nearest text. */
export function offsetOfPoint(root: Element, node: Node, offset: number, affinity: Affinity): number | null {
  const doc = root.ownerDocument;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const segment = el?.closest('[data-offset]');
  if (segment && root.contains(segment)) {
    const before = doc.createRange();
    before.setStart(segment, 0);
    before.setEnd(node, offset);
    return segmentStart(segment) + before.toString().length;
  }
  // A point between segments (block edges, an embed's header…): snap to the next
  // text going forward, or the previous going backward.
  const all = Array.from(root.querySelectorAll<HTMLElement>('[data-offset]'));
  if (all.length === 0) return null;
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return null;
  }
  if (affinity === 'forward') {
    for (const seg of all) if (point.comparePoint(seg, 0) >= 0) return segmentStart(seg);
    const last = all[all.length - 1]!;
    return segmentStart(last) + (last.textContent ?? '').length;
  }
  for (let i = all.length - 1; i >= 0; i--) {
    const seg = all[i]!;
    if (point.comparePoint(seg, seg.childNodes.length) <= 0) return segmentStart(seg) + (seg.textContent ?? '').length;
  }
  return segmentStart(all[0]!);
}

/** The selection as document offsets [start, end), or null when empty or outside `root`. */
export function offsetsFromSelection(root: Element, selection: Selection | null): { start: number; end: number } | null {
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const start = offsetOfPoint(root, range.startContainer, range.startOffset, 'forward');
  const end = offsetOfPoint(root, range.endContainer, range.endOffset, 'backward');
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

// ------------------------------------------------------------ painting

/** Whether this engine paints CSS Custom Highlights (Chromium 105+, Electron). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * Paints `ranges` under `name`; style it with `::highlight(name)` in CSS.
 * Replaces what was painted under that name before. Returns false where the
 * engine cannot paint (the ranges are still valid for scrolling).
 */
export function setHighlight(name: string, ranges: readonly Range[], priority = 0): boolean {
  if (!highlightsSupported()) return false;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return true;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  return true;
}

export function clearHighlight(name: string): void {
  if (highlightsSupported()) CSS.highlights.delete(name);
}

/**
 * One Range per block for [start, end): what to paint. A single Range across
 * blocks would also cover what the reader shows between texts (an embed's
 * author line, the title note), which is not document text.
 */
export function textRangesFromOffsets(root: Element, layout: DocumentLayout, start: number, end: number): Range[] {
  const from = blockPoint(layout, start, 'forward');
  const to = blockPoint(layout, end, 'backward');
  if (from === null || to === null) return [];
  const out: Range[] = [];
  for (let i = from.blockIndex; i <= to.blockIndex; i++) {
    const block = layout.blocks[i]!;
    const range = rangeFromOffsets(root, layout, Math.max(start, block.start), Math.min(end, block.end));
    if (range !== null) out.push(range);
  }
  return out;
}

/** Paintable ranges for many [start, end) pairs (search matches, notes), skipping those that do not map. */
export function rangesFromOffsets(root: Element, layout: DocumentLayout, pairs: readonly (readonly [number, number])[]): Range[] {
  return pairs.flatMap(([start, end]) => textRangesFromOffsets(root, layout, start, end));
}
