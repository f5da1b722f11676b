/**
 * Stepping through find-in-document matches. Pure: matches are `[start, end)`
 * document offsets in reading order.
 */
import type { Range as Offsets } from '../../src/api/contract';

/** The match to start on: the first one at or after `offset` (the opened hit), else the first. -1 when none. */
export function startIndex(matches: readonly Offsets[], offset: number | undefined): number {
  if (matches.length === 0) return -1;
  if (offset === undefined) return 0;
  const found = matches.findIndex(([s, e]) => e > offset || s >= offset);
  return found < 0 ? 0 : found;
}

/** Next/previous with wrap-around; -1 when there are no matches. */
export function stepIndex(current: number, count: number, direction: 'next' | 'previous'): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return direction === 'next' ? 0 : count - 1;
  return direction === 'next' ? (current + 1) % count : (current - 1 + count) % count;
}

/** Matches in reading order, without invalid or duplicate ranges (the service should not send any; the UI does not trust it to). */
export function cleanMatches(matches: readonly Offsets[], textLength: number): Offsets[] {
  const seen = new Set<string>();
  const out: Offsets[] = [];
  for (const [s, e] of matches) {
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > textLength || s >= e) continue;
    const key = `${s}:${e}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([s, e]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
