/**
 * Normalised text with a map back to raw offsets, for anchoring only.
 *
 * Anchoring needs to find a quote again after the document changed in ways a
 * reader does not see as a change: diacritics (tashkeel) added or removed,
 * hamza forms of alef, alef maqsura/ya, ta marbuta/ha, tatweel, Arabic-Indic
 * digits, Latin accents and case, and runs of whitespace. We fold all of these
 * and keep, for every normalised character, the raw offset it came from, so a
 * match found in the folded text becomes a raw [start, end) range again.
 *
 * Seam: the search area's normaliser (src/text) did not exist when this was
 * written; this is the annotations' own small folder. Both should be unified
 * on one module in src/text (STYLE.md habit 4) — the map contract here
 * (`toRaw`, one entry per normalised char plus a sentinel) is what anchoring
 * needs from it.
 *
 * Limits: folding is per code point (NFKD of one code point, then marks
 * dropped), so ligatures expand but nothing ever merges two raw characters
 * into one; that keeps the map monotonic.
 */

export interface NormalizedText {
  /** The folded text. */
  text: string;
  /**
   * toRaw[i] = raw offset of the character that produced normalised char i;
   * toRaw[text.length] = raw length. Non-decreasing.
   */
  toRaw: number[];
}

const ALEF_FORMS = new Set(['\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673']);
const FOLD: Record<string, string> = {
  '\u0649': '\u064A', // alef maqsura → ya
  '\u0629': '\u0647', // ta marbuta → ha
  '\u0624': '\u0648', // waw with hamza → waw
  '\u0626': '\u064A', // ya with hamza → ya
  '\u06CC': '\u064A', // Farsi ya → ya
  '\u06A9': '\u0643', // keheh → kaf
};

/** Characters dropped entirely: tashkeel, Quranic marks, superscript alef, tatweel, invisible format controls. */
function isDropped(cp: number): boolean {
  return (
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    cp === 0x0640 ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    cp === 0x00ad
  );
}

const COMBINING = /\p{M}/gu;
const SPACE = /\s/u;

/** The folded form of one code point ('' when dropped); whitespace is handled by the caller. */
export function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (isDropped(cp)) return '';
  if (ALEF_FORMS.has(ch)) return '\u0627';
  const mapped = FOLD[ch];
  if (mapped) return mapped;
  if (cp >= 0x0660 && cp <= 0x0669) return String(cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String(cp - 0x06f0);
  if (cp < 0x80) return ch.toLowerCase();
  // Arabic letters are left alone by NFKD except presentation forms, which it unfolds.
  const decomposed = ch.normalize('NFKD').replace(COMBINING, '').toLowerCase();
  if (decomposed.length === 0) return '';
  // A presentation form may decompose into an alef form or a maqsura: fold again.
  let out = '';
  for (const part of decomposed) out += part === ch ? part : foldChar(part);
  return out;
}

/**
 * Folds `raw`. Whitespace runs become one space (the first raw whitespace
 * character carries it). Leading/trailing whitespace is kept as one space, so
 * a quote's normalised form can be compared to text without trimming.
 */
export function normalizeWithMap(raw: string): NormalizedText {
  let text = '';
  const toRaw: number[] = [];
  let lastWasSpace = false;
  let i = 0;
  while (i < raw.length) {
    const cp = raw.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = raw.slice(i, i + width);
    if (SPACE.test(ch)) {
      if (!lastWasSpace) {
        text += ' ';
        toRaw.push(i);
        lastWasSpace = true;
      }
    } else {
      const folded = foldChar(ch);
      if (folded.length > 0) {
        text += folded;
        for (let k = 0; k < folded.length; k++) toRaw.push(i);
        lastWasSpace = false;
      }
    }
    i += width;
  }
  toRaw.push(raw.length);
  return { text, toRaw };
}

/** Just the folded string (for quotes and contexts, where no map is needed). */
export function normalize(raw: string): string {
  return normalizeWithMap(raw).text;
}

/**
 * Raw range of the normalised range [start, end). The end extends to where
 * the next normalised character begins, so trailing dropped marks (a final
 * fatha) stay inside the highlight; trailing collapsed whitespace cannot be
 * swallowed because the first whitespace char always produces a character.
 */
export function rangeToRaw(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const rawStart = norm.toRaw[start]!;
  let rawEnd = norm.toRaw[end]!;
  // A normalised char produced by a ligature shares its raw offset with its
  // siblings: an end in the middle of one must cover the whole raw char.
  if (end > start && norm.toRaw[end - 1] === rawEnd) {
    let k = end;
    while (k < norm.text.length && norm.toRaw[k] === rawEnd) k++;
    rawEnd = norm.toRaw[k]!;
  }
  return { start: rawStart, end: Math.max(rawEnd, rawStart) };
}

/** Normalised offset of a raw offset: the first normalised char produced at or after it. */
export function rawToNormalized(norm: NormalizedText, rawOffset: number): number {
  let lo = 0;
  let hi = norm.toRaw.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.toRaw[mid]! < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
