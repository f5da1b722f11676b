import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import lunr from 'lunr';
import { buildSearchIndex, titleFieldOf } from '../../../src/search/build';
import { bm25, decodeTerm, findTerm, idf, lowerBound, SURFACE_MARK, TITLE_BOOST, writeVarint, type Postings } from '../../../src/search/postings';
import { cachedIndexKeys } from '../../../src/search/pipeline';
import { tokenize } from '../../../src/text';

const input = {
  documents: [{ id: 'a', title: 'مايكروسوفت', publisher: 'الجزيرة' }, { id: 'b', title: 'Azure and the army' }],
  passages: [
    { doc: 0, blockId: 'b0', lang: 'ar', start: 0, text: 'الجيش الإسرائيلي و"أزور" للتجسس على الجيش' },
    { doc: 0, blockId: 'b1', lang: 'ar', start: 50, text: 'سبتمبر/أيلول 2021 مايكروسوفت' },
    { doc: 1, blockId: 'b0', lang: 'en', start: 0, text: 'The army used Azure; Azure stored the calls.' },
  ],
};

describe('postings', () => {
  const index = buildSearchIndex(input, 'h');

  it('varints round-trip through decodeTerm (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1e6), fc.integer({ min: 1, max: 1e5 })), { maxLength: 30 }), (pairs) => {
        const refs = [...new Set(pairs.map((p) => p[0]))].sort((a, b) => a - b);
        const bytes: number[] = [];
        writeVarint(bytes, refs.length);
        refs.forEach((ref, i) => {
          writeVarint(bytes, ref - (i > 0 ? refs[i - 1]! : 0));
          writeVarint(bytes, pairs.find((p) => p[0] === ref)![1]);
        });
        writeVarint(bytes, 0);
        const p: Postings = { terms: ['x'], data: Uint8Array.from(bytes), offsets: Uint32Array.from([0, bytes.length]), textLengths: new Uint32Array(0), titleLengths: new Uint32Array(0) };
        const decoded = decodeTerm(p, 0);
        expect(decoded.textRefs).toEqual(refs);
        expect(decoded.textTf).toEqual(refs.map((ref) => pairs.find((x) => x[0] === ref)![1]));
        expect(decoded.titleDocs).toEqual([]);
      }),
    );
  });

  it('refuses to read past a term record', () => {
    const p: Postings = { terms: ['x'], data: Uint8Array.from([3, 1]), offsets: Uint32Array.from([0, 2]), textLengths: new Uint32Array(0), titleLengths: new Uint32Array(0) };
    expect(() => decodeTerm(p, 0)).toThrow(/postings of term 0 are truncated/);
  });

  it('finds terms and prefix ranges by binary search over the sorted list', () => {
    const terms = index.postings.terms;
    expect(terms).toEqual([...terms].sort());
    for (const [i, t] of terms.entries()) expect(findTerm(terms, t)).toBe(i);
    expect(findTerm(terms, 'zzzz')).toBe(-1);
    const from = lowerBound(terms, `${SURFACE_MARK}ماي`);
    expect(terms[from]).toBe(`${SURFACE_MARK}مايكروسوفت`);
  });

  it('stores each document title once, and counts term frequencies', () => {
    const army = decodeTerm(index.postings, findTerm(index.postings.terms, 'armi'));
    expect(army.textRefs).toEqual([2]);
    expect(army.titleDocs).toEqual([1]);
    const jaysh = decodeTerm(index.postings, findTerm(index.postings.terms, 'جيش'));
    expect(jaysh).toMatchObject({ textRefs: [0], textTf: [2], titleDocs: [] });
  });

  it('weights are the BM25 weights Lunr’s builder stores for the same keys (oracle: lunr.Builder)', () => {
    const builder = new lunr.Builder();
    builder.pipeline.add((token: lunr.Token) => cachedIndexKeys(token.toString()).map((k) => token.clone(() => k)) as unknown as lunr.Token);
    (builder as unknown as { tokenizer: (v: unknown) => lunr.Token[] }).tokenizer = (v) => tokenize(String(v ?? '')).map((t) => new lunr.Token(t.text, {}));
    builder.ref('id');
    builder.field('text');
    builder.field('title', { boost: TITLE_BOOST });
    input.passages.forEach((p, i) => builder.add({ id: String(i), text: p.text, title: titleFieldOf(input.documents[p.doc]!) }));
    const lunrIndex = builder.build() as unknown as { invertedIndex: Record<string, { _index: number; text: object; title: object }>; fieldVectors: Record<string, { elements: number[] }> };
    let checked = 0;
    for (const [term, posting] of Object.entries(lunrIndex.invertedIndex)) {
      const ours = decodeTerm(index.postings, findTerm(index.postings.terms, term));
      const df = Object.keys(posting.text).length + Object.keys(posting.title).length;
      const termIdf = idf(df, input.passages.length);
      ours.textRefs.forEach((ref, i) => {
        const elements = lunrIndex.fieldVectors[`text/${ref}`]!.elements;
        const at = elements.findIndex((e, k) => k % 2 === 0 && e === posting._index);
        expect(bm25(termIdf, ours.textTf[i]!, index.postings.textLengths[ref]!, index.averageTextLength, 1), term).toBe(elements[at + 1]);
        checked++;
      });
      ours.titleDocs.forEach((doc, i) => {
        for (const ref of index.docPassages[doc]!) {
          const elements = lunrIndex.fieldVectors[`title/${ref}`]!.elements;
          const at = elements.findIndex((e, k) => k % 2 === 0 && e === posting._index);
          expect(bm25(termIdf, ours.titleTf[i]!, index.postings.titleLengths[doc]!, index.averageTitleLength, TITLE_BOOST), term).toBe(elements[at + 1]);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(20);
  });
});
