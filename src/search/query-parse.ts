/**
 * Daftar's query language, parsed by hand so that no user text ever reaches
 * Lunr's own query parser (which throws on a trailing `:` or a `^`).
 *
 *   word word        every word required (query.ts falls back to "any word",
 *                    and says so, when no passage has them all)
 *   "a phrase"       consecutive words; also «…» and “…”
 *   -word -"phrase"  excluded
 *   word*            prefix (at least 2 letters before the *)
 *   lang:ar lang:en  only passages in that language
 *   source:<id>      only that document (repeatable: any of them)
 *   سبتمبر/أيلول     a chunk the tokenizer splits is a phrase of its parts
 *
 * Parsing never throws: whatever cannot be understood is skipped and reported
 * as the first QueryProblem (message + [start, end) in the query), while the
 * rest of the query still runs.
 */
import type { QueryProblem } from '../api/contract';
import { normalize, prefixKey, queryKey, tokenize } from '../text';

export type QueryUnit =
  | { type: 'word'; text: string; key: string; start: number; end: number }
  /** key: the typed prefix without its clitics (prefixKey); surface: as typed, normalised (matches written words that have the same clitics). */
  | { type: 'prefix'; text: string; key: string; surface?: string; start: number; end: number }
  | { type: 'phrase'; text: string; keys: string[]; start: number; end: number };

export interface ParsedQuery {
  /** Units a passage must match (all of them, or any in fallback). */
  include: QueryUnit[];
  /** Units a passage must not match. */
  exclude: QueryUnit[];
  lang?: 'ar' | 'en';
  /** Document ids; empty = every document. */
  sources: string[];
  problems: QueryProblem[];
}

/** More words than this add nothing to a search but cost; the rest is dropped and reported. */
export const MAX_UNITS = 32;
export const MIN_PREFIX_CHARS = 2;

const QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“' };
/** Bidi and other invisible format characters around syntax (Cf): a `‏-word` is still an exclusion. */
const INVISIBLE = /^[\p{Cf}]+|[\p{Cf}]+$/gu;
const WHITESPACE = /\s/u;

interface Chunk {
  text: string;
  start: number;
  end: number;
  negated: boolean;
  quoted: boolean;
}

/** Splits the query into whitespace-separated chunks and quoted phrases, recording the problems of quoting. */
function chunksOf(input: string, problems: QueryProblem[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < input.length) {
    if (WHITESPACE.test(input[i]!)) {
      i++;
      continue;
    }
    let start = i;
    let j = i;
    while (j < input.length && !WHITESPACE.test(input[j]!) && !(input[j]! in QUOTES)) j++;
    let head = input.slice(i, j).replace(INVISIBLE, '');
    let negated = false;
    if (head === '-' && j < input.length && input[j]! in QUOTES) {
      negated = true;
      head = '';
    }
    if (head === '' && j < input.length && input[j]! in QUOTES) {
      const open = input[j]!;
      const close = QUOTES[open]!;
      const closeAt = input.indexOf(close, j + 1);
      const end = closeAt < 0 ? input.length : closeAt + 1;
      if (closeAt < 0) problems.push({ code: 'unclosed-quote', params: { quote: open }, message: `search: the quote ${open} is not closed; searching for the rest as a phrase`, start: j, end: input.length });
      chunks.push({ text: input.slice(j + 1, closeAt < 0 ? input.length : closeAt), start: negated ? start : j, end, negated, quoted: true });
      i = end;
      continue;
    }
    if (head.startsWith('-')) {
      negated = true;
      head = head.slice(1);
      start = i + input.slice(i, j).indexOf('-') + 1;
    }
    chunks.push({ text: head, start, end: j, negated, quoted: false });
    i = j;
  }
  return chunks;
}

function filterOf(chunk: Chunk, parsed: ParsedQuery): boolean {
  if (chunk.quoted || chunk.negated) return false;
  const m = /^(lang|source):(.*)$/i.exec(chunk.text);
  if (!m) return false;
  const name = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (name === 'lang') {
    const lang = value.toLowerCase();
    if (lang === 'ar' || lang === 'en') parsed.lang = lang;
    else parsed.problems.push({ code: 'bad-lang', params: { value }, message: `search: lang: takes ar or en, not ${JSON.stringify(value)}`, start: chunk.start, end: chunk.end });
  } else if (value === '') {
    parsed.problems.push({ code: 'empty-source', message: 'search: source: needs a document id, e.g. source:guardian-2025', start: chunk.start, end: chunk.end });
  } else if (!parsed.sources.includes(value)) {
    parsed.sources.push(value);
  }
  return true;
}

function unitOf(chunk: Chunk, problems: QueryProblem[]): QueryUnit | null {
  const { start, end } = chunk;
  if (chunk.negated && !chunk.quoted && chunk.text === '') {
    problems.push({ code: 'lonely-minus', message: 'search: a - must be followed by a word or phrase to exclude', start: start - 1, end });
    return null;
  }
  const tokens = tokenize(chunk.text);
  if (tokens.length === 0) {
    const problem: Pick<QueryProblem, 'code' | 'message' | 'params'> = chunk.quoted
      ? { code: 'empty-phrase', message: 'search: the quoted phrase holds no words' }
      : chunk.text.includes('*')
        ? { code: 'star-without-word', params: { min: MIN_PREFIX_CHARS }, message: `search: a * must follow at least ${MIN_PREFIX_CHARS} letters of a word (e.g. مايكرو*)` }
        : { code: 'no-letters', params: { text: chunk.text }, message: `search: ${JSON.stringify(chunk.text)} has no letters or digits to search for` };
    problems.push({ ...problem, start, end });
    return null;
  }
  const isPrefix = !chunk.quoted && chunk.text.endsWith('*');
  if (tokens.length === 1) {
    const word = tokens[0]!.text;
    if (isPrefix) {
      const key = prefixKey(word);
      if (key.length >= MIN_PREFIX_CHARS) {
        const surface = normalize(word);
        return surface === key ? { type: 'prefix', text: word, key, start, end } : { type: 'prefix', text: word, key, surface, start, end };
      }
      problems.push({ code: 'short-prefix', params: { min: MIN_PREFIX_CHARS, word }, message: `search: type at least ${MIN_PREFIX_CHARS} letters before * (searching for the whole word ${word})`, start, end });
    }
    const key = queryKey(word);
    return key === '' ? null : { type: 'word', text: word, key, start, end };
  }
  if (isPrefix) problems.push({ code: 'star-on-phrase', message: 'search: * works on one word, not on a phrase; searching for the phrase', start, end });
  const keys = tokens.map((t) => queryKey(t.text)).filter((k) => k !== '');
  if (keys.length === 0) return null;
  if (keys.length === 1) return { type: 'word', text: tokens[0]!.text, key: keys[0]!, start, end };
  return { type: 'phrase', text: tokens.map((t) => t.text).join(' '), keys, start, end };
}

export function parseQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = { include: [], exclude: [], sources: [], problems: [] };
  for (const chunk of chunksOf(input, parsed.problems)) {
    if (filterOf(chunk, parsed)) continue;
    const unit = unitOf(chunk, parsed.problems);
    if (!unit) continue;
    if (parsed.include.length + parsed.exclude.length >= MAX_UNITS) {
      parsed.problems.push({ code: 'too-many-units', params: { max: MAX_UNITS }, message: `search: only the first ${MAX_UNITS} words and phrases are used`, start: unit.start, end: input.length });
      break;
    }
    (chunk.negated ? parsed.exclude : parsed.include).push(unit);
  }
  if (parsed.include.length === 0 && (parsed.exclude.length > 0 || parsed.lang || parsed.sources.length > 0)) {
    parsed.problems.push({ code: 'filters-only', message: 'search: add a word to search for; -, lang: and source: only narrow a search', start: 0, end: input.length });
  }
  return parsed;
}
