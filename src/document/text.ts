/**
 * The text of a document and its offset layout.
 *
 * The text is every block's text joined by BLOCK_SEPARATOR. Offsets are UTF-16
 * code units (what String.prototype.slice uses), so Node and the renderer agree
 * without any DOM. Each block and run records where it starts, which makes
 * offset → (block, run, offset in run) a binary search, and the reverse an
 * addition.
 */
import { blockText, type Block, type DaftarDocument } from './types';

/** Two newlines: a quote or search phrase can never silently join the end of one block to the start of the next. */
export const BLOCK_SEPARATOR = '\n\n';

export interface BlockLayout {
  blockId: string;
  index: number;
  start: number;
  /** Exclusive. */
  end: number;
  /** Start offset (in document text) of each run of the block. */
  runStarts: number[];
}

export interface DocumentLayout {
  text: string;
  blocks: BlockLayout[];
}

export function layoutBlocks(blocks: readonly Block[]): DocumentLayout {
  const parts: string[] = [];
  const layout: BlockLayout[] = [];
  let offset = 0;
  blocks.forEach((block, index) => {
    if (index > 0) offset += BLOCK_SEPARATOR.length;
    const runStarts: number[] = [];
    let cursor = offset;
    for (const run of block.runs) {
      runStarts.push(cursor);
      cursor += run.text.length;
    }
    const text = blockText(block);
    layout.push({ blockId: block.id, index, start: offset, end: offset + text.length, runStarts });
    parts.push(text);
    offset += text.length;
  });
  return { text: parts.join(BLOCK_SEPARATOR), blocks: layout };
}

export function layoutDocument(doc: Pick<DaftarDocument, 'blocks'>): DocumentLayout {
  return layoutBlocks(doc.blocks);
}

export function documentText(doc: Pick<DaftarDocument, 'blocks'>): string {
  return layoutBlocks(doc.blocks).text;
}

/**
 * The block that contains `offset`. An offset that falls on a separator belongs
 * to the block after it when `affinity` is 'forward' (a range start), to the one
 * before when 'backward' (a range end). Returns -1 outside the text.
 */
export function blockIndexAt(layout: DocumentLayout, offset: number, affinity: 'forward' | 'backward' = 'forward'): number {
  const { blocks } = layout;
  if (blocks.length === 0 || offset < 0 || offset > layout.text.length) return -1;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const found = blocks[lo]!;
  if (offset > found.end) {
    // Inside the separator after `found`.
    return affinity === 'forward' && lo + 1 < blocks.length ? lo + 1 : lo;
  }
  if (offset === found.start && affinity === 'backward' && lo > 0) return lo - 1;
  return lo;
}

export interface RunPosition {
  blockIndex: number;
  runIndex: number;
  /** Offset inside the run's text. */
  offset: number;
}

/** Where a document offset lands among runs; null outside any block's text. */
export function runPositionAt(layout: DocumentLayout, offset: number, affinity: 'forward' | 'backward' = 'forward'): RunPosition | null {
  const blockIndex = blockIndexAt(layout, offset, affinity);
  if (blockIndex < 0) return null;
  const block = layout.blocks[blockIndex]!;
  const clamped = Math.min(Math.max(offset, block.start), block.end);
  const starts = block.runStarts;
  if (starts.length === 0) return null;
  // Forward: the last run starting at or before the offset; backward: the last
  // run starting strictly before it, so a range end stays in the run it closes.
  let runIndex = 0;
  for (let i = 1; i < starts.length; i++) {
    const start = starts[i]!;
    if (start < clamped || (start === clamped && affinity === 'forward')) runIndex = i;
  }
  return { blockIndex, runIndex, offset: clamped - starts[runIndex]! };
}
