/**
 * Splits text into word tokens that keep their place in the ORIGINAL string.
 *
 * Every token carries `[start, end)` in UTF-16 code units (what String.slice
 * uses), so a search match or a note anchor found on a token can be painted on
 * the text the reader sees without any re-searching. The tokenizer never
 * changes characters: normalisation is a separate, later step (normalize.ts),
 * which is why offsets stay exact even when case folding or NFKC would change
 * a string's length.
 *
 * What separates words: whitespace, every Unicode punctuation (Arabic ، ؛ ؟ « »
 * and Latin . , " ' ( ) / - …), symbols (emoji, + $ ^ ~ …) and format
 * characters that are not word joiners (bidi marks). What a word is made of:
 * letters, digits, combining marks (tashkeel stays inside its word), tatweel,
 * and the joiners ZWNJ / ZWJ / soft hyphen.
 *
 * Script changes split words too, but only at an Arabic-letter boundary:
 * `٢٠٢١م` gives `٢٠٢١` + `م` and `عام2021` gives `عام` + `2021`, while Latin
 * letters and digits stay together (`NoAz4Apartheid`, `mp3`, `G7`).
 *
 * Limits: no word segmentation for scripts written without spaces (Thai, CJK
 * runs become one token each); apostrophes split English contractions.
 */

export type Script = 'arabic' | 'latin' | 'digit' | 'other';

export interface TextToken {
  /** The token exactly as it appears in the original string: `source.slice(start, end)`. */
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
  script: Script;
  /** Ordinal of the token in the string (0, 1, 2…); consecutive tokens have consecutive indexes. */
  index: number;
}

/** How a code point behaves inside a word. */
const enum CharKind {
  Separator,
  /** Marks and joiners: belong to whatever word they sit in, never start a split. */
  Neutral,
  ArabicLetter,
  LatinLetter,
  OtherLetter,
  Digit,
}

const TATWEEL = 0x0640;
const JOINERS = new Set([0x200c, 0x200d, 0x00ad]);
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const MARK = /\p{M}/u;

// A code point's kind never changes, and texts reuse few distinct code points:
// caching makes the regex tests a one-time cost per character.
const kindCache = new Map<number, CharKind>();

function computeKind(cp: number): CharKind {
  if (cp === TATWEEL) return CharKind.ArabicLetter;
  if (JOINERS.has(cp)) return CharKind.Neutral;
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return CharKind.Neutral;
  if (NUMBER.test(ch)) return CharKind.Digit;
  if (LETTER.test(ch)) {
    if (ARABIC_LETTER.test(ch)) return CharKind.ArabicLetter;
    if (LATIN_LETTER.test(ch)) return CharKind.LatinLetter;
    return CharKind.OtherLetter;
  }
  return CharKind.Separator;
}

export function charKind(cp: number): CharKind {
  let kind = kindCache.get(cp);
  if (kind === undefined) {
    kind = computeKind(cp);
    kindCache.set(cp, kind);
  }
  return kind;
}

/** True when the code point can be part of a word (letter, digit, mark, joiner). */
export function isWordChar(cp: number): boolean {
  return charKind(cp) !== CharKind.Separator;
}

function scriptOf(hasArabic: boolean, hasLatin: boolean, hasOther: boolean): Script {
  if (hasArabic) return 'arabic';
  if (hasLatin) return 'latin';
  if (hasOther) return 'other';
  return 'digit';
}

/**
 * The tokens of `text`, in order, never empty and never overlapping. A token
 * always holds at least one letter (other than tatweel) or digit, so marks or
 * tatweel standing alone never become a token.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let start = -1;
  let end = -1;
  let lastKind = CharKind.Separator; // last non-neutral kind inside the current token
  let hasBase = false;
  let hasArabic = false;
  let hasLatin = false;
  let hasOther = false;

  const flush = () => {
    if (start >= 0 && hasBase) {
      tokens.push({ text: text.slice(start, end), start, end, script: scriptOf(hasArabic, hasLatin, hasOther), index: tokens.length });
    }
    start = -1;
    lastKind = CharKind.Separator;
    hasBase = hasArabic = hasLatin = hasOther = false;
  };

  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = charKind(cp);
    if (kind === CharKind.Separator) {
      flush();
    } else {
      if (kind !== CharKind.Neutral) {
        // Arabic letters never share a word with digits or other scripts.
        const boundary = lastKind !== CharKind.Separator && (lastKind === CharKind.ArabicLetter) !== (kind === CharKind.ArabicLetter);
        if (boundary) flush();
        lastKind = kind;
        if (cp !== TATWEEL) hasBase = true;
        if (kind === CharKind.ArabicLetter) hasArabic = true;
        else if (kind === CharKind.LatinLetter) hasLatin = true;
        else if (kind === CharKind.OtherLetter) hasOther = true;
      }
      if (start < 0) start = i;
      end = i + width;
    }
    i += width;
  }
  flush();
  return tokens;
}
