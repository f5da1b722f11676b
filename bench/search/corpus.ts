/**
 * The benchmark corpus: passages built from the `quran-json` dev dependency
 * (read from node_modules at run time; nothing is copied into the repo).
 *
 * quran-json holds 6,236 verses, each with diacritised Arabic text (Uthmani
 * script: full tashkeel, alef wasla, superscript alef, Quranic pause marks)
 * and an English translation. That text is the hard case for search: readers
 * type Arabic without any of those marks.
 *
 * Two sizes, both deterministic:
 *  - `6k`  (6,236 passages): verses 1–3,118 in canonical order, each as one
 *          Arabic passage and one English passage, so the corpus is mixed
 *          like Daftar's archives (Arabic article, English sources).
 *  - `25k` (24,944 passages): every verse in Arabic (6,236) and in English
 *          (6,236), plus every pair of consecutive verses joined into one
 *          longer passage, again in Arabic (6,236) and English (6,236). The
 *          pairs wrap around (the last verse pairs with the first) so the
 *          count is exact. Pairs repeat words of single verses, which is what
 *          a real archive does too (a source quoting the article), and give
 *          the index passages of varied length.
 * Every passage has a distinct id (`ar:12`, `en:12`, `ar2:12`, `en2:12`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type CorpusSize = '6k' | '25k';
export const CORPUS_SIZES: readonly CorpusSize[] = ['6k', '25k'];

export interface Passage {
  /** Dense numeric id (0..n-1): some engines (FlexSearch, FTS5 rowid) want numbers. */
  n: number;
  id: string;
  lang: 'ar' | 'en';
  /** A document title, as Daftar indexes one per passage (the chapter name). */
  title: string;
  text: string;
}

interface Verse {
  ar: string;
  en: string;
  chapter: string;
}

interface RawChapter {
  id: number;
  name: string;
  transliteration: string;
  verses: { id: number; text: string; translation: string }[];
}

function loadVerses(): Verse[] {
  const require = createRequire(__filename);
  const file = require.resolve('quran-json/dist/quran_en.json');
  const chapters = JSON.parse(readFileSync(file, 'utf8')) as RawChapter[];
  if (!Array.isArray(chapters) || chapters.length !== 114) {
    throw new Error(`bench: ${file}: expected 114 chapters, got ${Array.isArray(chapters) ? chapters.length : typeof chapters}`);
  }
  const verses: Verse[] = [];
  for (const chapter of chapters) {
    for (const v of chapter.verses) {
      verses.push({ ar: v.text, en: v.translation, chapter: `${chapter.name} (${chapter.transliteration})` });
    }
  }
  return verses;
}

export function buildCorpus(size: CorpusSize): Passage[] {
  const verses = loadVerses();
  const out: Passage[] = [];
  const push = (id: string, lang: 'ar' | 'en', title: string, text: string) => {
    out.push({ n: out.length, id, lang, title, text });
  };
  if (size === '6k') {
    const half = verses.slice(0, Math.floor(verses.length / 2));
    half.forEach((v, i) => push(`ar:${i}`, 'ar', v.chapter, v.ar));
    half.forEach((v, i) => push(`en:${i}`, 'en', v.chapter, v.en));
    return out;
  }
  verses.forEach((v, i) => push(`ar:${i}`, 'ar', v.chapter, v.ar));
  verses.forEach((v, i) => push(`en:${i}`, 'en', v.chapter, v.en));
  const next = (i: number) => verses[(i + 1) % verses.length]!;
  verses.forEach((v, i) => push(`ar2:${i}`, 'ar', v.chapter, `${v.ar} ${next(i).ar}`));
  verses.forEach((v, i) => push(`en2:${i}`, 'en', v.chapter, `${v.en} ${next(i).en}`));
  return out;
}

export function parseCorpusSize(value: string | undefined): CorpusSize {
  if (value === '6k' || value === '25k') return value;
  throw new Error(`bench: corpus size must be 6k or 25k, got ${JSON.stringify(value)}`);
}
