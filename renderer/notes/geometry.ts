/**
 * Where to put the notes UI around the text: positions relative to the
 * document's <article> (so cards placed with position:absolute scroll with
 * the text). DOM reads only; nothing here changes the reader's DOM.
 */
import type { DocumentLayout } from '../../src/document/text';
import { rangeFromOffsets } from '../reader/highlights';

export interface Spot {
  /** px from the article's top edge to the top of the first line. */
  top: number;
  /** px from the article's top edge to the bottom of the last line. */
  bottom: number;
  /** px from the article's left edge to the horizontal middle of the first line. */
  center: number;
}

/** The element positioned cards are placed in: the reader's <article>. */
export function frameOf(root: HTMLElement): HTMLElement {
  return (root.closest('article') as HTMLElement | null) ?? root.parentElement ?? root;
}

export function spotOfRange(range: Range, frame: HTMLElement): Spot | null {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return null;
  const base = frame.getBoundingClientRect();
  const first = rects[0]!;
  const last = rects[rects.length - 1]!;
  return { top: first.top - base.top, bottom: last.bottom - base.top, center: first.left + first.width / 2 - base.left };
}

export function spotOfOffsets(root: HTMLElement, layout: DocumentLayout, start: number, end: number): Spot | null {
  const range = rangeFromOffsets(root, layout, start, end);
  return range ? spotOfRange(range, frameOf(root)) : null;
}

/** Moves items down so none starts within `gap` px of the one before (margin markers on one line). Pure. */
export function spreadOut<T extends { top: number }>(items: readonly T[], gap: number): (T & { placed: number })[] {
  const sorted = [...items].sort((a, b) => a.top - b.top);
  let last = -Infinity;
  return sorted.map((item) => {
    const placed = Math.max(item.top, last + gap);
    last = placed;
    return { ...item, placed };
  });
}
