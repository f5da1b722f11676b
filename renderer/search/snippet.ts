/**
 * The part of a passage shown as a result snippet, and its match offsets
 * moved into the shown string. Pure: the snippet is rendered as ONE text node
 * and highlighted with Ranges built from these offsets (never split into
 * elements, which would break Arabic letter joining).
 *
 * The window is centred on the first match and cut at whitespace where it can,
 * so no word is shown half; an ellipsis marks each cut.
 */
import type { Range as Offsets } from '../../src/api/contract';

export interface Snippet {
  text: string;
  /** `[start, end)` into `text`, clipped to it, in order, without empty ranges. */
  matches: Offsets[];
}

const ELLIPSIS = '…';

/**
 * Moves a cut to the nearest whitespace within `slack` in `direction`: a start
 * moves forward to just after a space, an end backward onto a space (exclusive).
 * Leaves it where it was when no space is near (one long word).
 */
function snapToSpace(text: string, at: number, direction: -1 | 1, slack: number): number {
  for (let d = 0; d <= slack; d++) {
    const i = at + d * direction;
    if (i <= 0 || i >= text.length) return Math.max(0, Math.min(text.length, i));
    if (/\s/u.test(text[i]!)) return direction > 0 ? i + 1 : i;
  }
  return at;
}

export function makeSnippet(text: string, matches: readonly Offsets[], maxLength = 220): Snippet {
  const valid = matches
    .filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= text.length && s < e)
    .map(([s, e]): Offsets => [s, e])
    .sort((a, b) => a[0] - b[0]);
  if (text.length <= maxLength) return { text, matches: valid };

  const first = valid[0];
  const focus = first ? first[0] : 0;
  let start = Math.max(0, focus - Math.floor(maxLength / 3));
  let end = Math.min(text.length, start + maxLength);
  start = Math.max(0, end - maxLength);
  const slack = Math.floor(maxLength / 8);
  if (start > 0) start = snapToSpace(text, start, 1, slack);
  if (end < text.length) end = snapToSpace(text, end, -1, slack);
  // The snap must never cut the focused match out.
  if (first && start > first[0]) start = first[0];

  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const shown: Offsets[] = [];
  for (const [s, e] of valid) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (cs < ce) shown.push([cs + shift, ce + shift]);
  }
  return { text: lead + text.slice(start, end) + tail, matches: shown };
}
