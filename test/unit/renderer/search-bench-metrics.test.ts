/**
 * The search benchmark's own arithmetic (bench/search/), tested because the
 * recall it reports is only as good as its ground truth and scoring. Kept
 * with the search area's tests (the bench has no test folder of its own).
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, type Passage } from '../../../bench/search/corpus';
import { buildQueries, QUERY_MIX, type BenchQuery } from '../../../bench/search/queries';
import { referenceNormalise, typedForm } from '../../../bench/search/reference-text';
import { percentile } from '../../../bench/search/stats';
import { GroundTruth, score } from '../../../bench/search/truth';
import { truthText } from '../../../bench/search/truth-text';

const passage = (n: number, text: string, lang: 'ar' | 'en' = 'ar'): Passage => ({ n, id: `p${n}`, lang, title: 't', text });
const query = (kind: BenchQuery['kind'], words: string[]): BenchQuery => ({ id: 0, kind, lang: 'ar', words, text: words.join(' ') + (kind === 'prefix' ? '*' : '') });

const CORPUS = [
  passage(0, 'بِسۡمِ ٱللَّهِ ٱلرَّحۡمَٰنِ ٱلرَّحِيمِ'),
  passage(1, 'قَالَ ٱلۡمَلَأُ مِن قَوۡمِهِۦٓ إِنَّا لَنَرَىٰكَ'),
  passage(2, 'وَإِذۡ قَالَ رَبُّكَ لِلۡمَلَٰٓئِكَةِ'),
  passage(3, 'And when your Lord said to the angels', 'en'),
];

describe('bench ground truth', () => {
  it('treats an undiacritised word as the same word as its diacritised form, and only exact words', async () => {
    const truth = new GroundTruth(CORPUS, await truthText());
    expect([...truth.relevant(query('word', ['الرحيم']))]).toEqual([0]);
    expect([...truth.relevant(query('word', ['قال']))].sort()).toEqual([1, 2]);
    expect([...truth.relevant(query('two-words', ['قال', 'ربك']))]).toEqual([2]);
    expect([...truth.relevant(query('word', ['رحيم']))]).toEqual([]); // no stemming in the truth
    expect([...truth.relevant(query('prefix', ['الرح']))]).toEqual([0]);
    expect([...truth.relevant(query('word', ['lord']))]).toEqual([3]);
  });

  it('scores recall, precision, empty and failed answers per query', async () => {
    const truth = new GroundTruth(CORPUS, await truthText());
    const qs = [query('word', ['قال']), query('word', ['الرحيم']), query('word', ['lord'])];
    const result = score(truth, qs, [[1, 3], [], null]);
    expect(result.recall).toBeCloseTo((0.5 + 0 + 0) / 3);
    expect(result.precision).toBeCloseTo(0.5); // only the query that answered counts
    expect(result.emptyQueries).toBe(2);
    expect(result.failedQueries).toBe(1);
    expect(result.judged).toBe(3);
  });
});

describe('bench queries', () => {
  it('are the same on every run, without diacritics, in the stated mix', () => {
    const corpus = buildCorpus('6k');
    const a = buildQueries(corpus);
    expect(buildQueries(corpus)).toEqual(a);
    expect(a).toHaveLength(QUERY_MIX.reduce((n, m) => n + m.count, 0));
    for (const q of a) expect(q.text).not.toMatch(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0671]/u);
    for (const q of a.filter((x) => x.kind === 'prefix')) expect(q.text.endsWith('*')).toBe(true);
  });

  it('cannot be drawn from a corpus too small for the mix (a clear error, not a short set)', () => {
    expect(() => buildQueries(CORPUS)).toThrow(/bench: could not draw \d+ word queries in ar/);
  });

  it('types a word the way readers do: no marks, plain alef for wasla, hamza dropped only when bare', () => {
    expect(typedForm('ٱلرَّحۡمَٰنِ', false)).toBe('الرحمن');
    expect(typedForm('أُنزِلَ', false)).toBe('أنزل');
    expect(typedForm('أُنزِلَ', true)).toBe('انزل');
    expect(referenceNormalise('أُنزِلَ')).toBe(referenceNormalise('انزل'));
  });
});

describe('percentile', () => {
  it.each([
    [[5], 95, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])('nearest rank of %j at p%i is %i', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });
  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
