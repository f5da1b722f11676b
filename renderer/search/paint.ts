/**
 * Paints match offsets inside elements that hold exactly one text node (result
 * snippets, the echoed query) with the CSS Custom Highlight API. The text node
 * is never split: Ranges are built inside it, so Arabic letters keep joining.
 */
import type { Range as Offsets } from '../../src/api/contract';
import { setHighlight } from '../reader/highlights';

/** Ranges over `offsets` inside `el`'s single text node; offsets outside the text are skipped. */
export function rangesInTextNode(el: Element, offsets: readonly Offsets[]): Range[] {
  const node = el.firstChild;
  if (node === null || node.nodeType !== 3 /* TEXT_NODE */ || node !== el.lastChild) return [];
  const length = (node as Text).data.length;
  const out: Range[] = [];
  for (const [start, end] of offsets) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start >= end) continue;
    const range = el.ownerDocument.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    out.push(range);
  }
  return out;
}

/** Reads the offsets a snippet element carries in `data-matches` (JSON written by the list itself). */
export function offsetsOf(el: HTMLElement): Offsets[] {
  try {
    const parsed: unknown = JSON.parse(el.dataset.matches ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is Offsets => Array.isArray(p) && p.length === 2 && p.every(Number.isInteger)) : [];
  } catch {
    return [];
  }
}

/** Paints every `[data-matches]` element under `container` as one highlight named `name`. */
export function paintMatches(container: Element, name: string): void {
  const ranges: Range[] = [];
  for (const el of Array.from(container.querySelectorAll<HTMLElement>('[data-matches]'))) ranges.push(...rangesInTextNode(el, offsetsOf(el)));
  setHighlight(name, ranges);
}
