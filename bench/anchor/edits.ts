/**
 * Random edits of real text with ground truth, for measuring anchoring.
 *
 * Each edit kind changes a text the way documents really change between two
 * captures (a sentence inserted, a paragraph moved, tashkeel added, spaces
 * reflowed…) and tracks where the highlighted quote went, so a resolved
 * anchor can be judged exact, approximate, wrong or orphaned. Shared by the
 * benchmark (bench/anchor/run.ts) and the unit tests that assert floors.
 */

export type Range = { start: number; end: number };

export const EDIT_KINDS = [
  'insert-before',
  'delete-before',
  'insert-after',
  'delete-after',
  'insert-inside',
  'delete-inside',
  'paragraph-moved',
  'diacritics-added',
  'diacritics-removed',
  'whitespace-changed',
  'quote-repeated',
  'mixed',
  'quote-deleted',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditCase {
  kind: EditKind;
  /** The text the note was made on, and the highlighted range in it. */
  before: string;
  quote: Range;
  /** The changed text, and where the quote is now (null: it is gone). */
  after: string;
  expected: Range | null;
}

export { rng } from '../shared/rng';

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** Words of the text itself: insertions look like the document, which is the hard case for matching. */
function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w.length > 1);
}

function filler(r: Rand, vocab: string[], minWords: number, maxWords: number): string {
  const n = int(r, minWords, maxWords);
  return Array.from({ length: n }, () => pick(r, vocab)).join(' ');
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
  /** A combining mark inserted right after the quote's last letter belongs to the quote. */
  attachesBackward?: boolean;
}

function mapRange(range: Range | null, s: Splice): Range | null {
  if (!range) return null;
  const delta = s.insert.length - s.remove;
  const cut = s.at + s.remove;
  // A replacement starting exactly at the quote's start (é for e) keeps the start.
  let start = range.start < s.at ? range.start : range.start >= cut ? range.start + delta : range.start === s.at ? s.at : s.at + s.insert.length;
  let end: number;
  if (range.end < s.at || (range.end === s.at && !(s.attachesBackward && s.remove === 0))) end = range.end;
  else if (range.end >= cut) end = range.end + delta;
  else end = s.at;
  if (s.remove === 0 && range.start === s.at && s.attachesBackward) start = range.start;
  return end > start ? { start, end } : null;
}

/** Applies splices (each in the coordinates of the text before any of them), highest position first. */
function applySplices(text: string, quote: Range, splices: Splice[]): { text: string; expected: Range | null } {
  const ordered = [...splices].sort((a, b) => b.at - a.at);
  let out = text;
  let expected: Range | null = { ...quote };
  for (const s of ordered) {
    out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
    expected = mapRange(expected, s);
  }
  return { text: out, expected };
}

const TASHKEEL = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'];
const isArabicLetter = (ch: string) => /[\u0621-\u063A\u0641-\u064A]/u.test(ch);
const isLatinVowel = (ch: string) => /[aeiou]/.test(ch);
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ü' };

/** Adds a mark after ~rate of the letters: tashkeel for Arabic, a precomposed accent for Latin vowels. */
function diacriticSplices(r: Rand, text: string, rate: number): Splice[] {
  const splices: Splice[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isArabicLetter(ch) && r() < rate) splices.push({ at: i + 1, remove: 0, insert: pick(r, TASHKEEL), attachesBackward: true });
    else if (isLatinVowel(ch) && r() < rate / 3) splices.push({ at: i, remove: 1, insert: ACCENTED[ch]! });
  }
  return splices;
}

/** Adds tashkeel to `text` and returns the new text with the quote's new range. */
export function addDiacritics(r: Rand, text: string, quote: Range, rate = 0.4): { text: string; expected: Range } {
  const out = applySplices(text, quote, diacriticSplices(r, text, rate));
  return { text: out.text, expected: out.expected! };
}

const UNACCENTED: Record<string, string> = Object.fromEntries(Object.entries(ACCENTED).map(([plain, accented]) => [accented, plain]));

/** Removes every tashkeel mark and puts accented Latin vowels back to plain ones. */
function stripDiacritics(text: string, quote: Range): { text: string; expected: Range | null } {
  const splices: Splice[] = [];
  for (let i = 0; i < text.length; i++) {
    if (TASHKEEL.includes(text[i]!)) splices.push({ at: i, remove: 1, insert: '' });
    else if (UNACCENTED[text[i]!]) splices.push({ at: i, remove: 1, insert: UNACCENTED[text[i]!]! });
  }
  return applySplices(text, quote, splices);
}

function whitespaceSplices(r: Rand, text: string): Splice[] {
  const splices: Splice[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && r() < 0.25) splices.push({ at: i, remove: 1, insert: pick(r, ['  ', '\n', ' \u00A0', '\t']) });
  }
  return splices;
}

interface Paragraph {
  start: number;
  end: number;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const sep = text.indexOf('\n\n', start);
    const end = sep === -1 ? text.length : sep;
    if (end > start) out.push({ start, end });
    if (sep === -1) return out;
    start = sep + 2;
  }
}

/** A word-aligned quote of 1..maxWords words inside one paragraph. */
export function chooseQuote(r: Rand, text: string, maxWords = 12): Range {
  const paras = paragraphs(text).filter((p) => p.end - p.start > 40);
  const para = pick(r, paras);
  const starts: number[] = [];
  for (let i = para.start; i < para.end; i++) if (i === para.start || /\s/.test(text[i - 1]!)) if (!/\s/.test(text[i]!)) starts.push(i);
  const first = int(r, 0, Math.max(0, starts.length - 2));
  const count = int(r, 1, maxWords);
  const start = starts[first]!;
  const lastWord = Math.min(starts.length - 1, first + count - 1);
  let end = lastWord + 1 < starts.length ? starts[lastWord + 1]! : para.end;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function movedParagraph(r: Rand, text: string, quote: Range): { text: string; expected: Range | null } {
  const paras = paragraphs(text);
  const from = paras.findIndex((p) => p.start <= quote.start && quote.end <= p.end);
  if (paras.length < 2 || from < 0) return { text, expected: quote };
  let to = int(r, 0, paras.length - 2);
  if (to >= from) to++;
  const bodies = paras.map((p) => text.slice(p.start, p.end));
  const [moved] = bodies.splice(from, 1);
  bodies.splice(to, 0, moved!);
  const offsetInPara = quote.start - paras[from]!.start;
  let newStart = 0;
  for (let i = 0; i < to; i++) newStart += bodies[i]!.length + 2;
  return { text: bodies.join('\n\n'), expected: { start: newStart + offsetInPara, end: newStart + offsetInPara + (quote.end - quote.start) } };
}

export function makeEdit(r: Rand, kind: EditKind, before: string, quote: Range): EditCase {
  const vocab = words(before);
  const len = before.length;
  const at = (lo: number, hi: number) => int(r, lo, Math.max(lo, hi));
  let result: { text: string; expected: Range | null };
  switch (kind) {
    case 'insert-before':
      result = applySplices(before, quote, [{ at: at(0, quote.start), remove: 0, insert: filler(r, vocab, 1, 8) + ' ' }]);
      break;
    case 'insert-after':
      result = applySplices(before, quote, [{ at: at(quote.end, len), remove: 0, insert: ' ' + filler(r, vocab, 1, 8) }]);
      break;
    case 'delete-before': {
      const a = at(0, quote.start - 1);
      result = applySplices(before, quote, [{ at: a, remove: Math.min(quote.start - a, int(r, 1, 60)), insert: '' }]);
      break;
    }
    case 'delete-after': {
      const a = at(quote.end, len - 1);
      result = applySplices(before, quote, [{ at: a, remove: Math.min(len - a, int(r, 1, 60)), insert: '' }]);
      break;
    }
    case 'insert-inside':
      result = applySplices(before, quote, [{ at: at(quote.start + 1, quote.end - 1), remove: 0, insert: ' ' + filler(r, vocab, 1, 2) + ' ' }]);
      break;
    case 'delete-inside': {
      const span = quote.end - quote.start;
      const n = Math.max(1, Math.floor(span * 0.3 * r()));
      const a = at(quote.start + 1, quote.end - 1 - n);
      result = applySplices(before, quote, [{ at: a, remove: Math.min(n, quote.end - a - 1) || 1, insert: '' }]);
      break;
    }
    case 'paragraph-moved':
      result = movedParagraph(r, before, quote);
      break;
    case 'diacritics-added':
      result = addDiacritics(r, before, quote);
      break;
    case 'diacritics-removed':
      // The caller hands us a diacritised `before` (see run.ts): strip it.
      result = stripDiacritics(before, quote);
      break;
    case 'whitespace-changed':
      result = applySplices(before, quote, whitespaceSplices(r, before));
      break;
    case 'quote-repeated': {
      const copy = `${filler(r, vocab, 2, 4)} ${before.slice(quote.start, quote.end)} ${filler(r, vocab, 2, 4)}`;
      const where = r() < 0.5 ? at(0, quote.start) : at(quote.end, len);
      result = applySplices(before, quote, [{ at: where, remove: 0, insert: ` ${copy} ` }]);
      break;
    }
    case 'mixed': {
      const splices = [...whitespaceSplices(r, before).filter(() => r() < 0.3), ...diacriticSplices(r, before, 0.1)];
      splices.push({ at: at(0, quote.start), remove: 0, insert: filler(r, vocab, 1, 6) + ' ' });
      splices.push({ at: at(quote.end, len), remove: 0, insert: ' ' + filler(r, vocab, 1, 6) });
      // Two splices at one offset would depend on their order: keep the first.
      result = applySplices(before, quote, splices.filter((s, i) => splices.findIndex((t) => t.at === s.at) === i));
      break;
    }
    case 'quote-deleted':
      result = applySplices(before, quote, [{ at: quote.start, remove: quote.end - quote.start, insert: '' }]);
      break;
  }
  return { kind, before, quote, after: result.text, expected: result.expected };
}

export type Outcome = 'exact' | 'approximate' | 'orphan' | 'wrong';

/** Judges a resolved range against the truth: a gone quote must be an orphan; otherwise equal, overlapping, elsewhere, or null. */
export function judge(found: Range | null, expected: Range | null): Outcome {
  if (expected === null) return found === null ? 'orphan' : 'wrong';
  if (found === null) return 'orphan';
  if (found.start === expected.start && found.end === expected.end) return 'exact';
  const overlap = Math.min(found.end, expected.end) - Math.max(found.start, expected.start);
  return overlap > 0 ? 'approximate' : 'wrong';
}
