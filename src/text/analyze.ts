/**
 * From a word as written to the keys search compares: normalise (normalize.ts),
 * then stem by script (Arabic light stemmer, English Porter stemmer, other
 * scripts and numbers as they are). One function per side, because indexing
 * adds variants that queries must not (see stem-arabic.ts):
 *   indexKeys(word)  — every key a written word is stored under;
 *   queryKey(word)   — the one key a typed word is looked up by;
 *   a typed word matches a written one iff indexKeys(written) has queryKey(typed).
 * Prefix queries (word*) compare surfaces instead of stems: prefixKey(typed)
 * must start one of prefixSurfaces(written).
 */
import { daggerAlefVariant, normalize } from './normalize';
import { arabicIndexKeys, stemArabic, stripArabicPrefix } from './stem-arabic';
import { stemEnglish } from './stem-english';
import { tokenize, type TextToken } from './tokenizer';

const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;
const SINGLE_PROCLITICS = new Set(['ب', 'ل', 'ك', 'ف']);

type Kind = 'arabic' | 'latin' | 'plain';

function kindOf(normalized: string): Kind {
  if (ARABIC.test(normalized)) return 'arabic';
  if (LATIN.test(normalized)) return 'latin';
  return 'plain';
}

/** Every key the written word `word` (original spelling) is indexed under, main stem first. Empty when nothing is left after normalisation. */
export function indexKeys(word: string): string[] {
  const n = normalize(word);
  if (n.length === 0) return [];
  const kind = kindOf(n);
  if (kind === 'latin') return [stemEnglish(n)];
  if (kind === 'plain') return [n];
  const keys = arabicIndexKeys(n);
  const modern = daggerAlefVariant(word);
  if (modern !== null) {
    for (const key of arabicIndexKeys(modern)) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** The key a word typed in a query is looked up by ('' when nothing is left after normalisation). */
export function queryKey(word: string): string {
  const n = normalize(word);
  if (n.length === 0) return '';
  const kind = kindOf(n);
  if (kind === 'arabic') return stemArabic(n);
  if (kind === 'latin') return stemEnglish(n);
  return n;
}

/** What a prefix query (`word*`) compares: normalised, without the article, suffixes kept. */
export function prefixKey(word: string): string {
  const n = normalize(word);
  return kindOf(n) === 'arabic' ? stripArabicPrefix(n) : n;
}

/** The surfaces of a written word that a prefix query may be a prefix of: without the article or a preposition, and as written. */
export function prefixSurfaces(word: string): string[] {
  const n = normalize(word);
  if (kindOf(n) !== 'arabic') return [n];
  const surfaces = [stripArabicPrefix(n)];
  let rest = n;
  if ((rest.startsWith('و') || rest.startsWith('ف')) && rest.length >= 5 && SINGLE_PROCLITICS.has(rest[1]!)) rest = rest.slice(1);
  if (SINGLE_PROCLITICS.has(rest[0]!) && rest.length >= 4) surfaces.push(stripArabicPrefix(rest.slice(1)));
  // The word as written (normalised), clitics and all: a prefix typed with its
  // clitic (والذ*, الش*, بال*) starts this one when the stripped forms are too short to.
  if (!surfaces.includes(n)) surfaces.push(n);
  return surfaces;
}

export interface AnalyzedToken extends TextToken {
  /** indexKeys(text): never empty. */
  keys: string[];
}

/** Tokens of `text` with their index keys; tokens that normalise to nothing are dropped (indexes stay consecutive). */
export function analyze(text: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const token of tokenize(text)) {
    const keys = indexKeys(token.text);
    if (keys.length > 0) out.push({ ...token, index: out.length, keys });
  }
  return out;
}
