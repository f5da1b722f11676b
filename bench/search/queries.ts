/**
 * The fixed query set: ≥200 queries drawn deterministically (seeded PRNG) from
 * the corpus words, then written the way a reader types them — without
 * diacritics (see reference-text.ts `typedForm`), a third of the Arabic ones
 * also without hamza on alef. Kinds: single words, two words from the same
 * passage (so "all words" can match), and prefixes (`word*`).
 *
 * Drawn from the 6k corpus so the same queries run against both sizes (the 6k
 * corpus is a subset of the 25k one, so every query has relevant passages in both).
 */
import type { Passage } from './corpus';
import { referenceTokens, typedForm } from './reference-text';
import { rng } from '../shared/rng';

export type QueryKind = 'word' | 'two-words' | 'prefix';

export interface BenchQuery {
  id: number;
  kind: QueryKind;
  lang: 'ar' | 'en';
  /** The query string as typed into a search box (prefix queries end in `*`). */
  text: string;
  /** The typed words, without the `*`. */
  words: string[];
}

/** How many of each kind and language; the sum is the size of the set. */
export const QUERY_MIX: readonly { kind: QueryKind; lang: 'ar' | 'en'; count: number }[] = [
  { kind: 'word', lang: 'ar', count: 80 },
  { kind: 'word', lang: 'en', count: 40 },
  { kind: 'two-words', lang: 'ar', count: 40 },
  { kind: 'two-words', lang: 'en', count: 20 },
  { kind: 'prefix', lang: 'ar', count: 30 },
  { kind: 'prefix', lang: 'en', count: 10 },
];

/** Words a reader would plausibly search: at least 3 letters once typed. */
function candidateWords(passage: Passage, bare: boolean): string[] {
  return referenceTokens(passage.text)
    .map((t) => typedForm(t, bare))
    .filter((t) => [...t].length >= 3 && !/^\p{N}+$/u.test(t));
}

export function buildQueries(corpus: readonly Passage[], seed = 20261130): BenchQuery[] {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const byLang = { ar: corpus.filter((p) => p.lang === 'ar'), en: corpus.filter((p) => p.lang === 'en') };
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  for (const { kind, lang, count } of QUERY_MIX) {
    let made = 0;
    let attempts = 0;
    while (made < count) {
      if (++attempts > count * 200) throw new Error(`bench: could not draw ${count} ${kind} queries in ${lang}`);
      const bare = lang === 'ar' && random() < 1 / 3;
      const words = candidateWords(pick(byLang[lang]), bare);
      if (words.length === 0) continue;
      let typedWords: string[];
      if (kind === 'word') {
        typedWords = [pick(words)];
      } else if (kind === 'two-words') {
        const first = pick(words);
        const second = pick(words);
        if (first.toLowerCase() === second.toLowerCase()) continue;
        typedWords = [first, second];
      } else {
        const word = [...pick(words)];
        if (word.length < 5) continue;
        typedWords = [word.slice(0, 3 + Math.floor(random() * 2)).join('')];
      }
      const text = typedWords.join(' ') + (kind === 'prefix' ? '*' : '');
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      queries.push({ id: queries.length, kind, lang, text, words: typedWords });
      made++;
    }
  }
  return queries;
}
