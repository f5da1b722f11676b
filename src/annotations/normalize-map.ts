/**
 * Folded text for anchoring, over the shared normaliser of src/text.
 *
 * Anchoring must find a quote again after changes a reader does not see as
 * changes: tashkeel added or removed, hamza forms of alef, alef maqsura/ya,
 * ta marbuta/ha, tatweel, Latin accents and case, and runs of whitespace.
 * src/text/normalize.ts decides what counts as the same (one module for
 * search and notes, STYLE.md habit 4); this file only adapts its map to the
 * two lookups anchoring needs: normalised range → raw range, and raw offset →
 * normalised offset (for the old-position hint).
 *
 * Whitespace runs collapse to one space here (search keeps them), because a
 * re-captured page often reflows lines and doubles spaces inside a quote.
 */
import { normalize as foldString, normalizeWithMap as foldWithMap } from '../text/normalize';

export interface NormalizedText {
  /** The folded text. */
  text: string;
  /** Raw [start, end) of a folded range; the end covers marks dropped right after it. */
  toRawRange(start: number, end: number): [number, number];
  /** Raw offset where folded char `i` came from (`text.length` → raw length). */
  toRaw(i: number): number;
}

export function normalizeWithMap(raw: string): NormalizedText {
  const folded = foldWithMap(raw, { collapseWhitespace: true });
  return { text: folded.text, toRawRange: folded.toOriginalRange, toRaw: folded.toOriginal };
}

/** Folded form of a quote or context, with whitespace runs collapsed like the text's. */
export function normalize(raw: string): string {
  return foldString(raw.replace(/\s+/gu, ' '));
}

export function rangeToRaw(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const [rawStart, rawEnd] = norm.toRawRange(start, end);
  return { start: rawStart, end: rawEnd };
}

/** Folded offset of a raw offset: the first folded char produced at or after it (binary search; the map is monotonic). */
export function rawToNormalized(norm: NormalizedText, rawOffset: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.toRaw(mid) < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
