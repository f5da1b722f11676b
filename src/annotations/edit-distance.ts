/**
 * Levenshtein distance for short strings (quote contexts of ~32 chars).
 *
 * Context agreement must be judged end-to-end: a prefix is compared with the
 * text right before a candidate, not searched for anywhere inside it, or two
 * unrelated Arabic sentences sharing a word like "مشروع" look alike. Two rows
 * of the classic dynamic programme are enough; contexts are short, so the
 * O(n·m) cost is a few hundred steps.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** 1 − distance / length of `expected`, floored at 0: how much of `expected` survives in `actual`. */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  return Math.max(0, 1 - editDistance(actual, expected) / expected.length);
}
