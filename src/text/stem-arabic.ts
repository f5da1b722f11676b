/**
 * Light stemming for Arabic, in the spirit of Lucene's ArabicStemmer (Larkey,
 * Ballesteros & Connell, "Light Stemming for Arabic Information Retrieval"):
 * strip one definite-article/conjunction prefix, then a short list of
 * suffixes, never going below a safe length. No roots: root stemming merges
 * unrelated words (كاتب, مكتب, كتيبة), which is what makes lunr.ar unusable.
 *
 * Input must already be normalised (normalize.ts): ة is ه, أ is ا, no tashkeel.
 *
 * Two entry points, used asymmetrically on purpose:
 * - `stemArabic(word)`: the deterministic stem, used for queries AND indexing.
 * - `arabicIndexKeys(word)`: the stem plus the stem without a single-letter
 *   proclitic (ب ل ك ف, optionally after و/ف). These letters are also the
 *   first letter of many words (بريد, كتاب, فلسطين), so stripping them for the
 *   query would make كتاب find تاب. Adding the variant only on the index side
 *   lets the query خدمات find لخدمات while the query كتاب still finds only
 *   words spelled with ك.
 */

/** Longest first, so وال wins over و. Each needs ≥ 2 letters left (Lucene's rule). */
const PREFIXES = ['وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال'];

/** The conjunction و alone: needs ≥ 3 letters left (ورق, وصل stay whole). */
const CONJUNCTION = 'و';

/**
 * Applied once each, in this order (so ـاتها loses ها then ات), each only when
 * ≥ `min` letters remain. Lucene's list (ها ان ات ون ين يه ية ه ة ي, with ة and
 * ية already folded to ه and يه), preceded by the attached pronouns Lucene
 * lacks, which need a 3-letter remainder to avoid eating short words (فهم).
 */
const SUFFIXES: readonly { suffix: string; min: number }[] = [
  { suffix: 'هما', min: 3 },
  { suffix: 'كما', min: 3 },
  { suffix: 'هم', min: 3 },
  { suffix: 'هن', min: 3 },
  { suffix: 'كم', min: 3 },
  { suffix: 'نا', min: 3 },
  { suffix: 'ها', min: 2 },
  { suffix: 'ان', min: 2 },
  { suffix: 'ات', min: 2 },
  { suffix: 'ون', min: 2 },
  { suffix: 'ين', min: 2 },
  { suffix: 'يه', min: 2 },
  { suffix: 'ه', min: 2 },
  { suffix: 'ي', min: 2 },
];

/** Single-letter proclitics that are only stripped for index variants. */
const PREPOSITIONS = new Set(['ب', 'ل', 'ك', 'ف']);
const VARIANT_MIN_REMAINDER = 3;

/** Strips the article/conjunction prefix; exported for prefix queries (word*), which must not lose suffixes. */
export function stripArabicPrefix(word: string): string {
  const article = stripArticle(word);
  if (article !== word) return article;
  // و before an article-bearing preposition (وبالكامل, وللتجسس): Lucene strips
  // only one prefix and would keep بالكامل; one more pass reaches كامل.
  if (word.startsWith(CONJUNCTION) && word.length >= 4) return stripArticle(word.slice(1));
  return word;
}

function stripArticle(word: string): string {
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length >= prefix.length + 2) return word.slice(prefix.length);
  }
  return word;
}

function stripSuffixes(word: string): string {
  let stem = word;
  for (const { suffix, min } of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length >= suffix.length + min) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/**
 * The name of God with its clitics (الله, والله, بالله, لله, ولله, تالله): the
 * article rule would give له ("to him"), merging the most frequent noun of
 * religious texts with a preposition.
 */
const ALLAH = /^(?:[وفبتك]?ال|[وف]?ل)له$/;

/** The light stem of a normalised Arabic word. */
export function stemArabic(word: string): string {
  if (ALLAH.test(word)) return 'الله';
  return stripSuffixes(stripArabicPrefix(word));
}

/** What indexing stores for a normalised Arabic word: the stem first, then clitic variants (deduplicated). */
export function arabicIndexKeys(word: string): string[] {
  const keys = [stemArabic(word)];
  const add = (key: string) => {
    if (!keys.includes(key)) keys.push(key);
  };
  let rest = word;
  // و or ف before a preposition: وبحسب, فلكل.
  if ((rest.startsWith('و') || rest.startsWith('ف')) && rest.length >= 5 && PREPOSITIONS.has(rest[1]!)) {
    rest = rest.slice(1);
  }
  if (PREPOSITIONS.has(rest[0]!) && rest.length - 1 >= VARIANT_MIN_REMAINDER) {
    add(stemArabic(rest.slice(1)));
  }
  return keys;
}
