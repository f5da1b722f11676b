/**
 * Reading the scraper's plain-text format (seed/sources.json → article.formatNotes)
 * into a document body. General: any file in that format, not just the seed.
 *
 * The format, as the importer understands it:
 *   - the first non-blank line begins with ` date YYYY-MM-DD ` and then holds
 *     the first paragraph;
 *   - blank lines separate paragraphs (lines of one paragraph are joined with
 *     a space);
 *   - a line holding only `إعلان` ("advertisement") is a marker the scraper
 *     left: dropped, and it ends the paragraph it interrupts;
 *   - a short single-line paragraph without final punctuation is a section
 *     heading (never the first paragraph, never the last);
 *   - a paragraph ending `pic.twitter.com/<id> — Name (@handle) Month D, YYYY`
 *     is an embedded post from X: an `embed` block whose runs keep the whole
 *     paragraph as printed (so the article's text, search and citations see the
 *     same words), with author, handle, ISO date and media link as fields.
 *
 * Input hygiene: CRLF/CR become LF, every U+FEFF (BOM) is removed, lone UTF-16
 * surrogates become U+FFFD (they would not survive UTF-8 storage anyway),
 * NUL bytes are refused (binary or UTF-16 input). Everything is linear in the
 * input; the only regex over a paragraph's end runs on a bounded tail.
 *
 * Limits: language detection only tells Arabic script from Latin script
 * (Latin is labelled `latinLang`, `en` by default); heading detection is a
 * heuristic and can mistake a one-line short paragraph for a heading.
 */
import type { Block, DaftarDocument, Dir, Run } from '../document/types';
import { DOCUMENT_LIMITS } from '../document/validate';

export class SeedFormatError extends Error {
  override name = 'SeedFormatError';
  constructor(message: string) {
    super(`seed-format: ${message}`);
  }
}

export const SEED_LIMITS = {
  /** Characters of input; the import path refuses bigger files before decoding. */
  maxChars: 20 * 1024 * 1024,
  /** A heading is at most this long… */
  headingChars: 80,
  /** …and has at most this many words. */
  headingWords: 10,
};

export const AD_MARKER = 'إعلان';

export interface SeedImport {
  /** YYYY-MM-DD from the date line. */
  date: string;
  document: Omit<DaftarDocument, 'id'>;
}

export interface SeedOptions {
  /** Language tag for Latin-script blocks. */
  latinLang?: string;
}

const DATE_LINE = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=[ \t]|$)[ \t]*(.*)$/;
const FINAL_PUNCTUATION = /[.!?؟:;؛…,،"'»”’)\]}\-–—]$/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EMBED_MARK = 'pic.twitter.com/';
const EMBED_TAIL = /^pic\.twitter\.com\/([A-Za-z0-9]{1,40})(\s*[—–-]{1,2}\s*)(.{1,100}?)\s*\(@([A-Za-z0-9_]{1,15})\)\s+([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})\s*$/;

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function wellFormed(text: string): string {
  // String.prototype.toWellFormed (ES2024, Node 20+) is a native pass; the regex is the fallback.
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  return typeof native === 'function' ? native.call(text) : text.replace(LONE_SURROGATE, '\uFFFD');
}

function clean(text: string): string {
  return wellFormed(text).replace(/\uFEFF/g, '').replace(/\r\n?/g, '\n');
}

function firstLine(text: string): string | undefined {
  return text.split('\n', 50).find((line) => line.trim() !== '');
}

/** Cheap check for import: does this text start like the scraper's format? */
export function looksLikeSeedFormat(text: string): boolean {
  if (typeof text !== 'string' || text.includes('\0')) return false;
  const line = firstLine(clean(text.slice(0, 4096)));
  const match = line === undefined ? null : DATE_LINE.exec(line);
  return match !== null && isRealDate(match[1]!);
}

/** Paragraphs as lists of trimmed lines; ad markers dropped. */
function paragraphs(lines: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed === AD_MARKER) flush();
    else current.push(trimmed);
  }
  flush();
  return out;
}

function isHeading(lines: string[], index: number, count: number): boolean {
  if (index === 0 || index === count - 1 || lines.length !== 1) return false;
  const text = lines[0]!;
  if (text.length > SEED_LIMITS.headingChars || text.split(/\s+/).length > SEED_LIMITS.headingWords) return false;
  return /\p{L}/u.test(text) && !FINAL_PUNCTUATION.test(text);
}

interface Script {
  lang?: string;
  dir?: Dir;
  arabic: number;
  latin: number;
}

/** Arabic-script letters (Arabic, Supplement, Extended-A, Presentation Forms A/B); Latin letters (ASCII, Latin-1, Extended-A/B, Additional). */
function countScripts(text: string): { arabic: number; latin: number } {
  let arabic = 0;
  let latin = 0;
  // A loop over code units, not \p{Script=…} matching: it allocates nothing on a 5 MB file.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    } else if ((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
      arabic++;
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) {
      latin++;
    }
  }
  return { arabic, latin };
}

function detectScript(text: string, latinLang: string): Script {
  const { arabic, latin } = countScripts(text);
  if (arabic === 0 && latin === 0) return { arabic, latin };
  return arabic >= latin ? { lang: 'ar', dir: 'rtl', arabic, latin } : { lang: latinLang, dir: 'ltr', arabic, latin };
}

interface Embed {
  runs: Run[];
  author: string;
  handle: string;
  date?: string;
  media: string[];
}

/** The X post pattern at the end of a paragraph, or null. */
export function parseEmbed(text: string): Embed | null {
  const at = text.lastIndexOf(EMBED_MARK);
  if (at < 0 || text.length - at > 300) return null;
  const match = EMBED_TAIL.exec(text.slice(at));
  if (!match) return null;
  const [, mediaId, , author, handle, monthName, day, year] = match as unknown as string[];
  const link = `${EMBED_MARK}${mediaId}`;
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase());
  let date: string | undefined;
  if (month >= 0) {
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
    if (isRealDate(iso)) date = iso;
  }
  const runs: Run[] = [];
  if (at > 0) runs.push({ text: text.slice(0, at) });
  runs.push({ text: link, marks: [{ type: 'link', href: `https://${link}` }] });
  runs.push({ text: text.slice(at + link.length) });
  return { runs, author: author!.trim(), handle: handle!, ...(date ? { date } : {}), media: [`https://${link}`] };
}

/** Parses a file in the scraper's format; throws SeedFormatError naming what is wrong. */
export function parseSeedText(input: string, options: SeedOptions = {}): SeedImport {
  const latinLang = options.latinLang ?? 'en';
  if (typeof input !== 'string') throw new SeedFormatError('expected text');
  if (input.length > SEED_LIMITS.maxChars) throw new SeedFormatError(`the file is too large (${input.length} characters; the limit is ${SEED_LIMITS.maxChars})`);
  if (input.includes('\0')) throw new SeedFormatError('the file holds NUL bytes: it is binary, or text in UTF-16 rather than UTF-8');
  const text = clean(input);
  if (text.trim() === '') throw new SeedFormatError('the file is empty');

  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const dateMatch = DATE_LINE.exec(lines[first]!);
  if (!dateMatch) {
    const seen = lines[first]!.trim().slice(0, 40);
    throw new SeedFormatError(`the first line must begin with "date YYYY-MM-DD" (it begins with ${JSON.stringify(seen)})`);
  }
  const date = dateMatch[1]!;
  if (!isRealDate(date)) throw new SeedFormatError(`the date line holds ${date}, which is not a calendar date`);

  const rest = [dateMatch[2]!, ...lines.slice(first + 1)];
  const paras = paragraphs(rest);
  if (paras.length === 0) throw new SeedFormatError('the file holds no article text after the date line');
  if (paras.length > DOCUMENT_LIMITS.maxBlocks) throw new SeedFormatError(`the file has ${paras.length} paragraphs; a document holds at most ${DOCUMENT_LIMITS.maxBlocks}`);

  let arabic = 0;
  let latin = 0;
  const blocks: Block[] = paras.map((paraLines, index): Block => {
    const paraText = paraLines.join(' ');
    const script = detectScript(paraText, latinLang);
    arabic += script.arabic;
    latin += script.latin;
    const base = { id: `b${index}`, ...(script.lang ? { lang: script.lang, dir: script.dir! } : {}) };
    if (isHeading(paraLines, index, paras.length)) return { ...base, type: 'heading', level: 2, runs: [{ text: paraText }] };
    const embed = parseEmbed(paraText);
    if (embed) return { ...base, type: 'embed', provider: 'x', ...embed };
    return { ...base, type: 'paragraph', runs: [{ text: paraText }] };
  });

  const docScript = arabic === 0 && latin === 0 ? { lang: 'und', dir: 'auto' as Dir } : arabic >= latin ? { lang: 'ar', dir: 'rtl' as Dir } : { lang: latinLang, dir: 'ltr' as Dir };
  return { date, document: { type: 'document', version: 1, lang: docScript.lang, dir: docScript.dir, blocks } };
}
