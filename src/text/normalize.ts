/**
 * Normalisation: the one place that decides which spellings count as the same
 * (docs/SEARCH.md, "Normalisation"). Search indexing, queries, find-in-document
 * and note anchoring all call this module, so they can never disagree.
 *
 * It works code point by code point, which is what makes an offset map
 * possible: every output character knows the original code point it came
 * from. Per code point it applies, in order:
 *   1. NFKC (presentation forms ﻻ → لا, ligatures ﬁ → fi, full-width Ａ → A);
 *   2. lowercase;
 *   3. NFD and removal of every nonspacing mark (Mn): tashkeel, shadda, sukun,
 *      dagger alef, Quranic annotation signs, hamza above/below — this is what
 *      turns أ إ آ into ا, ؤ into و, ئ into ي, and é into e;
 *   4. removal of tatweel and of invisible format characters (ZWNJ, ZWJ, soft
 *      hyphen, bidi marks);
 *   5. letter folds NFD does not do: ٱ → ا, ى → ي, ة → ه, Persian ی → ي,
 *      ک → ك, ۀ → ه; Arabic-Indic (٠-٩) and Persian (۰-۹) digits → 0-9;
 *   6. NFC of what is left, so precomposed letters of other scripts survive.
 *
 * The standalone hamza ء is kept: dropping it would merge words such as سماء
 * and سما. The seat variation مسؤول / مسئول therefore stays two spellings
 * (they fold to مسوول / مسيول); readers rarely vary it inside one archive.
 */

export interface NormalizedText {
  /** The normalised string. */
  text: string;
  /** Original offset of normalised offset `i` (0 ≤ i ≤ text.length; `text.length` maps to the original length). */
  toOriginal(i: number): number;
  /**
   * Original `[start, end)` of the normalised range `[start, end)`. The end
   * grows over marks and tatweel that were dropped right after the range, so a
   * match on `تسهل` covers the whole `تُسهّل` including its last shadda.
   */
  toOriginalRange(start: number, end: number): [number, number];
}

const FOLDS: Record<string, string> = {
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0649': '\u064a', // ى alef maqsura
  '\u0629': '\u0647', // ة ta marbuta
  '\u06cc': '\u064a', // ی Farsi yeh
  '\u06d2': '\u064a', // ے yeh barree
  '\u06a9': '\u0643', // ک keheh
  '\u06c0': '\u0647', // ۀ heh with yeh above (NFD already splits it; kept for safety)
  '\u06c1': '\u0647', // ہ heh goal
  '\u0672': '\u0627', // ٲ alef with wavy hamza above
  '\u0673': '\u0627', // ٳ alef with wavy hamza below
};

// U+06E5/U+06E6 small waw/yeh are letters (Lm) in Unicode, not marks, but
// Uthmani text writes them as signs on pronoun suffixes (يَدَهُۥ): dropped like marks.
const DROP = /[\p{Mn}\p{Cf}\u0640\u06e5\u06e6]/gu;

function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(0x30 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(0x30 + cp - 0x06f0);
  return FOLDS[ch] ?? ch;
}

function computeCodePoint(ch: string): string {
  const stripped = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(DROP, '');
  let out = '';
  for (const c of stripped) out += foldChar(c);
  return out.normalize('NFC');
}

// Texts reuse a few hundred distinct code points; the Unicode work runs once each.
const cache = new Map<string, string>();

/** The normalised form of one code point ('' when it is dropped). */
export function normalizeCodePoint(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    // A fold can expose something a second pass would change (ﷲ → الله with
    // marks); running to a fixed point keeps normalisation idempotent.
    let current = computeCodePoint(ch);
    for (let round = 0; round < 4; round++) {
      let next = '';
      for (const c of current) next += computeCodePoint(c);
      if (next === current) break;
      current = next;
    }
    out = current;
    cache.set(ch, out);
  }
  return out;
}

/** True for characters that belong to the letter before them when dropped (marks, tatweel, joiners). */
function attachesToPrevious(ch: string): boolean {
  return /[\p{M}\u0640\u200c\u200d\u06e5\u06e6]/u.test(ch);
}

export interface NormalizeOptions {
  /** Turn every run of whitespace into one space (useful for quotes copied across line breaks). Default false. */
  collapseWhitespace?: boolean;
}

/** Normalises a whole string and keeps the map back to original offsets. */
export function normalizeWithMap(source: string, options: NormalizeOptions = {}): NormalizedText {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  let lastKept = -1; // index in `text` of the last output character
  let lastKeptEnd = -1; // original end of the code point it came from (grows over attached drops)
  let inSpace = false;

  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = source.slice(i, i + width);
    if (options.collapseWhitespace && /\s/u.test(ch)) {
      if (!inSpace) {
        text += ' ';
        starts.push(i);
        ends.push(i + width);
        lastKept = text.length - 1;
        inSpace = true;
      } else {
        ends[lastKept] = i + width;
      }
      lastKeptEnd = i + width;
      i += width;
      continue;
    }
    inSpace = false;
    const out = normalizeCodePoint(ch);
    if (out.length === 0) {
      if (lastKept >= 0 && lastKeptEnd === i && attachesToPrevious(ch)) {
        for (let k = lastKept; k >= 0 && ends[k] === i; k--) ends[k] = i + width;
        lastKeptEnd = i + width;
      }
    } else {
      for (let k = 0; k < out.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
      text += out;
      lastKept = text.length - 1;
      lastKeptEnd = i + width;
    }
    i += width;
  }

  const originalLength = source.length;
  const toOriginal = (n: number): number => {
    if (!Number.isInteger(n) || n < 0 || n > text.length) throw new RangeError(`text: normalised offset ${n} outside 0..${text.length}`);
    return n === text.length ? originalLength : starts[n]!;
  };
  const toOriginalRange = (s: number, e: number): [number, number] => {
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > text.length || s > e) {
      throw new RangeError(`text: normalised range [${s}, ${e}) outside 0..${text.length}`);
    }
    if (s === e) {
      const at = toOriginal(s);
      return [at, at];
    }
    return [starts[s]!, ends[e - 1]!];
  };
  return { text, toOriginal, toOriginalRange };
}

/** The normalised form of a string, without the map. Idempotent. */
export function normalize(source: string): string {
  let out = '';
  for (const ch of source) out += normalizeCodePoint(ch);
  return out;
}

/**
 * Quranic (Uthmani) spelling writes a long a as a dagger alef (ـٰ) that modern
 * spelling writes as ا: ٱلْكِتَٰب is الكتاب, ٱلصَّلَوٰة is الصلاة. Plain
 * normalisation drops the dagger (giving الكتب), so indexing adds this modern
 * variant as a second key. Returns null when the text has no dagger alef.
 * Not used for ذَٰلِكَ-style words where both spellings drop it (ذلك, هذا):
 * the dropped form is still indexed, so nothing is lost.
 */
export function daggerAlefVariant(source: string): string | null {
  if (!source.includes('\u0670')) return null;
  const lettersAndDagger = source.replace(/[\p{Mn}\u0640]/gu, (m) => (m === '\u0670' ? m : ''));
  const modern = lettersAndDagger
    .replace(/[\u0648\u064a]\u0670/g, '\u0627') // وٰ / يٰ → ا
    .replace(/\u0649\u0670/g, '\u0649') // ىٰ stays ى (على)
    .replace(/\u0670/g, '\u0627');
  return normalize(modern);
}
