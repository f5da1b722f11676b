/**
 * describe(): the selectors that record where a highlight is, redundantly.
 *
 * We always emit both a TextQuoteSelector (what was selected, with ~32
 * characters of context each side) and a TextPositionSelector (offsets into
 * the document text, docs/DESIGN.md §1). Either can rescue the other when the
 * document changes: position is cheap and exact while the text is unchanged,
 * the quote survives edits elsewhere (anchor.ts).
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../api/contract';

/** Context length each side: enough to tell repeats of a short quote apart, small enough to survive nearby edits. */
export const CONTEXT_CHARS = 32;

export class DescribeError extends Error {
  override name = 'DescribeError';
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Throws DescribeError when [start, end) is not a non-empty range of `text`. */
export function checkRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) throw new DescribeError(`annotations: range ${start}..${end} is not whole numbers`);
  if (start < 0 || end > text.length) throw new DescribeError(`annotations: range ${start}..${end} is outside the text (length ${text.length})`);
  if (end <= start) throw new DescribeError(`annotations: range ${start}..${end} is empty`);
  if (text.slice(start, end).trim().length === 0) throw new DescribeError(`annotations: range ${start}..${end} holds only whitespace`);
}

export function describe(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  checkRange(text, start, end);
  let prefixStart = Math.max(0, start - CONTEXT_CHARS);
  // Never begin the prefix (or end the suffix) in the middle of a surrogate pair.
  if (prefixStart > 0 && isLow(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_CHARS);
  if (suffixEnd < text.length && isHigh(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    { type: 'TextPositionSelector', start, end },
  ];
}

export function quoteOf(selectors: readonly Selector[]): TextQuoteSelector | undefined {
  return selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionOf(selectors: readonly Selector[]): TextPositionSelector | undefined {
  return selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}
