/**
 * Bidi isolation of mixed Arabic/Latin text for plain-text exports.
 *
 * A quote such as `قالت Microsoft إن 8200…` pasted into a Markdown file is
 * laid out by the viewer's bidi algorithm with the paragraph's direction,
 * which reorders the words around the Latin run. Wrapping each right-to-left
 * run in RLI…PDI and each left-to-right run in LRI…PDI (Unicode isolates,
 * UAX #9), and the whole line in FSI…PDI, makes every viewer show the quote
 * as the reader saw it. Neutral characters (spaces, punctuation, digits)
 * between two runs of one direction belong to that run; between runs of
 * different directions they stay outside both.
 *
 * Bidi controls already in the text are removed first: an unbalanced PDI in
 * an archived page could otherwise close our isolate early.
 */

export const LRI = '\u2066';
export const RLI = '\u2067';
export const FSI = '\u2068';
export const PDI = '\u2069';

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/gu;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LTR = /\p{L}/u;

type Direction = 'rtl' | 'ltr' | null;

function directionOf(ch: string): Direction {
  if (RTL.test(ch)) return 'rtl';
  if (LTR.test(ch)) return 'ltr';
  return null;
}

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Each strong run isolated by direction; the result contains balanced isolates only. */
export function isolateRuns(input: string): string {
  const text = stripBidiControls(input);
  const chars = Array.from(text);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const dir = directionOf(chars[i]!);
    if (dir === null) {
      out += chars[i];
      i++;
      continue;
    }
    // Extend to the last strong char of this direction before one of the other direction.
    let lastSame = i;
    let j = i + 1;
    for (; j < chars.length; j++) {
      const d = directionOf(chars[j]!);
      if (d === dir) lastSame = j;
      else if (d !== null) break;
    }
    out += (dir === 'rtl' ? RLI : LRI) + chars.slice(i, lastSame + 1).join('') + PDI;
    i = lastSame + 1;
  }
  return out;
}

/** A line for a mixed-direction file: its runs isolated, and the whole first-strong isolated. */
export function isolateLine(text: string): string {
  return FSI + isolateRuns(text) + PDI;
}
