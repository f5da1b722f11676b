import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchInText } from '../../../src/search/lookup';
import { mergeRanges, runQuery, sortTop } from '../../../src/search/query';
import { parseQuery } from '../../../src/search/query-parse';
import { respond } from '../../../src/search/respond';
import { indexOf, READY, type FakeDoc } from './fixtures';

const DOCS: FakeDoc[] = [
  {
    id: 'article',
    title: 'مايكروسوفت تنهي التعاون مع الوحدة 8200',
    publisher: 'الجزيرة نت',
    blocks: [
      'أعلنت "مايكروسوفت" إنهاء التعاون مع الوحدة 8200 من الجيش الإسرائيلي عقب ظهور تقارير سابقة.',
      'اعتمد الجيش الإسرائيلي على خدمات "أزور" للتجسس على المواطنين في قطاع غزة والضفة الغربية.',
      'في أواخر شهر سبتمبر/أيلول الحالي، مما يضع فاصلا زمنيا.',
      'نحن لا نوفر تكنولوجيا تُسهّل مراقبة المدنيين بشكل جماعي.',
      ['en', 'No Azure for Apartheid (@NoAz4Apartheid) September 27, 2025'],
      'أمازون السحابية في أغسطس/آب الماضي، ولم يجب الجيش.',
    ],
  },
  {
    id: 'guardian',
    title: 'Microsoft blocks Israel’s use of its technology',
    publisher: 'The Guardian',
    lang: 'en',
    blocks: [
      'Microsoft has terminated the Israeli military’s access to technology it used to power a mass surveillance system.',
      'The unit 8200 stored intercepted calls on Azure, the reports said.',
      'Azure Azure Azure: the cloud platform was used for surveillance of Palestinians.',
    ],
  },
];

const index = indexOf(DOCS);
const run = (query: string) => runQuery(index, parseQuery(query));
const docOf = (ref: number) => index.input.documents[index.input.passages[ref]!.doc]!.id;
const textOf = (ref: number) => index.input.passages[ref]!.text;
const matched = (query: string) => run(query).hits.map((h) => h.matches!.map(([s, e]) => textOf(h.ref).slice(s, e)));

describe('runQuery: matching', () => {
  it('requires every word (in the passage or its title)', () => {
    const { mode, hits } = run('الجيش أزور');
    expect(mode).toBe('all');
    expect(hits.map((h) => h.ref)).toEqual([1]);
  });

  it('falls back to any word, saying so, when nothing has them all; more words matched rank first', () => {
    const { mode, hits } = run('أزور أغسطس زززز');
    expect(mode).toBe('any');
    expect(hits.map((h) => h.ref).sort()).toEqual([1, 5]);
    expect(hits.every((h) => h.unitsMatched === 1)).toBe(true);
  });

  it('matches phrases only on consecutive words, across punctuation but not across other words', () => {
    expect(matched('"الجيش الإسرائيلي"')).toEqual([['الجيش الإسرائيلي'], ['الجيش الإسرائيلي']]);
    expect(run('"سبتمبر أيلول"').hits.map((h) => h.ref)).toEqual([2]);
    expect(matched('سبتمبر/أيلول')).toEqual([['سبتمبر/أيلول']]);
    expect(run('"الجيش أزور"').hits).toEqual([]);
  });

  it('excludes words found in the passage', () => {
    expect(run('الجيش').hits.map((h) => h.ref).sort()).toEqual([0, 1, 5]);
    expect(run('الجيش -أمازون').hits.map((h) => h.ref).sort()).toEqual([0, 1]);
    expect(run('الجيش -"قطاع غزة"').hits.map((h) => h.ref).sort()).toEqual([0, 5]);
  });

  it('finds prefixes by surface, also past a stem (خدما* finds خدمات)', () => {
    expect(matched('مايكرو*')).toEqual([['مايكروسوفت']]); // and no title-only hit: the article has a text match
    expect(matched('خدما*')).toEqual([['خدمات']]);
    expect(run('apart*').hits.map((h) => h.ref)).toEqual([4]);
  });

  it('finds prefixes typed with their clitic (article, و, ب), which the stripped key alone misses', () => {
    const clitics = indexOf([{ id: 'c', title: 'عنوان', blocks: ['والذين آمنوا', 'الشمس والقمر', 'بالحق وبالباطل', 'شمس الذين'] }]);
    const texts = (q: string) => runQuery(clitics, parseQuery(q)).hits.flatMap((h) => h.matches!.map(([s, e]) => clitics.input.passages[h.ref]!.text.slice(s, e)));
    expect(texts('والذ*').sort()).toEqual(['الذين', 'والذين'].sort()); // و stripped: الذ* as well
    expect(texts('الش*')).toEqual(['الشمس']);
    expect(texts('بال*')).toEqual(['بالحق']);
    expect(texts('شم*').sort()).toEqual(['الشمس', 'شمس'].sort()); // the article is still ignored when not typed
  });

  it('computes match ranges only for the first matchesFor hits; same hits, the first ones in the same order', () => {
    const all = runQuery(index, parseQuery('الجيش'));
    const some = runQuery(index, parseQuery('الجيش'), { matchesFor: 1 });
    expect(some.hits[0]!.ref).toBe(all.hits[0]!.ref);
    expect(some.hits.map((h) => [h.ref, h.score]).sort()).toEqual(all.hits.map((h) => [h.ref, h.score]).sort());
    expect(some.hits[0]!.matches).toEqual(all.hits[0]!.matches);
    expect(some.hits.slice(1).every((h) => h.matches === null)).toBe(true);
  });

  it('filters by language and by document', () => {
    expect(run('8200').hits.map((h) => docOf(h.ref)).sort()).toEqual(['article', 'guardian']);
    // The article's English block matches 8200 through the article's title: counted, but only as a title hit.
    expect(run('8200 lang:en').hits.map((h) => [docOf(h.ref), h.matches!.length > 0])).toEqual([
      ['guardian', true],
      ['article', false],
    ]);
    expect(run('8200 lang:ar').hits.map((h) => docOf(h.ref))).toEqual(['article']);
    expect(run('azure lang:en').hits.map((h) => h.ref).sort()).toEqual([4, 7, 8]); // block 4 is tagged en inside an Arabic document
    expect(run('8200 source:guardian').hits.map((h) => docOf(h.ref))).toEqual(['guardian']);
  });

  it('counts a title match, but a document matched only by its title gives one hit', () => {
    const { hits } = run('guardian');
    expect(hits).toHaveLength(1);
    expect(docOf(hits[0]!.ref)).toBe('guardian');
    expect(hits[0]!.matches).toEqual([]);
    expect(index.input.passages[hits[0]!.ref]!.blockId).toBe('b0');
    // A title word can complete a query whose other word is in the text.
    expect(run('guardian azure').hits.map((h) => h.ref).sort()).toEqual([7, 8]);
  });

  it('every match range slices to a word the query names', () => {
    for (const [query, expected] of [
      ['تسهل', 'تُسهّل'],
      ['اسرائيلي', 'الإسرائيلي'],
      ['ضفه', 'والضفة'],
      ['تجسس', 'للتجسس'],
      ['noaz4apartheid', 'NoAz4Apartheid'],
    ] as const) {
      expect(matched(query).flat(), query).toContain(expected);
      for (const m of matched(query).flat()) expect(m, query).toBe(expected);
    }
  });
});

describe('runQuery: ranking (ordinal)', () => {
  it('a passage repeating the word ranks above one that has it once', () => {
    const refs = run('azure').hits.map((h) => h.ref);
    expect(refs.indexOf(8)).toBeLessThan(refs.indexOf(7));
  });

  it('a word in the document title ranks that document\'s passage above the same word elsewhere', () => {
    // 8200 is in the article's title and in one passage of each document.
    const hits = run('8200').hits;
    expect(docOf(hits[0]!.ref)).toBe('article');
  });

  it('a short passage with the word ranks above a long one that has it once', () => {
    const small = indexOf([{ id: 'x', title: 'x', blocks: ['أزور خدمة سحابية', `أزور ${'كلمة أخرى هنا '.repeat(20)}`] }]);
    expect(runQuery(small, parseQuery('أزور')).hits.map((h) => h.ref)).toEqual([0, 1]);
  });

  it('a passage with all words ranks above one with some, in any-word fallback', () => {
    const small = indexOf([{ id: 'x', title: 'x', blocks: ['أزور مرة', 'أزور أمازون مرة'] }]);
    const outcome = runQuery(small, parseQuery('أزور أمازون غزة'));
    expect(outcome.mode).toBe('any');
    expect(outcome.hits.map((h) => [h.ref, h.unitsMatched])).toEqual([
      [1, 2],
      [0, 1],
    ]);
  });
});

describe('sortTop (property: oracle is a full sort)', () => {
  it('puts the best `top` items first, in order, and keeps every item', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 400 }), fc.nat(400), fc.integer({ min: 1, max: 7 }), (items, top, mod) => {
        // Many ties on the first key, broken by the value, like runQuery's comparator.
        const compare = (a: number, b: number) => (a % mod) - (b % mod) || a - b;
        const sorted = [...items].sort(compare);
        const partial = [...items];
        sortTop(partial, top, compare);
        const k = Math.min(top, items.length);
        expect(partial.slice(0, k)).toEqual(sorted.slice(0, k));
        expect([...partial].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the index agrees with a direct scan (property)', () => {
  const vocabulary = [...new Set(index.input.passages.flatMap((p) => p.text.split(/[\s"«»،.:()/]+/u)).filter((w) => /\p{L}/u.test(w)))];
  it('for random one- and two-word queries from the documents\' words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 2 }), fc.boolean(), (words, quoted) => {
        const query = quoted && words.length > 1 ? `"${words.join(' ')}"` : words.join(' ');
        const parsed = parseQuery(query);
        const outcome = runQuery(index, parsed);
        if (outcome.mode !== 'all') return;
        // Oracle: a unit matches a passage when found by scanning its text, or
        // (words and prefixes) its document's title.
        const titleOf = (ref: number) => {
          const doc = index.input.documents[index.input.passages[ref]!.doc]!;
          return `${doc.title}\n${doc.publisher ?? ''}`;
        };
        const scanned = index.input.passages.map((p, ref) => {
          const inText = matchInText(p.text, parsed.include);
          const inTitle = matchInText(titleOf(ref), parsed.include);
          const ok = parsed.include.every((u, i) => inText[i]!.length > 0 || (u.type !== 'phrase' && inTitle[i]!.length > 0));
          return { ref, doc: p.doc, ok, ranges: mergeRanges(inText.flat()) };
        });
        const withText = new Set(scanned.filter((x) => x.ok && x.ranges.length > 0).map((x) => x.doc));
        const expected = scanned.filter((x) => {
          if (!x.ok) return false;
          if (x.ranges.length > 0) return true;
          if (withText.has(x.doc)) return false;
          withText.add(x.doc);
          return true;
        });
        expect(outcome.hits.map((h) => h.ref).sort((a, b) => a - b)).toEqual(expected.map((x) => x.ref));
        for (const hit of outcome.hits) expect(hit.matches).toEqual(expected.find((x) => x.ref === hit.ref)!.ranges);
      }),
      { numRuns: 200 },
    );
  });
});

describe('respond: the contract shape', () => {
  it('groups by document, best group first, with counts, full passage text and passage offsets', () => {
    const r = respond({ query: 'azure', index, notes: [], status: READY });
    expect(r.mode).toBe('all');
    expect(r.groups.map((g) => [g.kind, g.docId, g.count])).toEqual([
      ['document', 'guardian', 2],
      ['document', 'article', 1],
    ]);
    const hit = r.groups[0]!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'passage', docId: 'guardian', docTitle: DOCS[1]!.title, passageId: 'b2' });
    expect(hit.text).toBe(DOCS[1]!.blocks[2]);
    expect(hit.matches.map(([s, e]) => hit.text.slice(s, e))).toEqual(['Azure', 'Azure', 'Azure']);
    expect(r.total).toBe(3);
  });

  it('passageStart is where the passage starts in the document text', () => {
    const r = respond({ query: 'تسهل', index, notes: [], status: READY });
    const hit = r.groups[0]!.hits[0]!;
    const docText = (DOCS[0]!.blocks as string[]).map((b) => (typeof b === 'string' ? b : b[1])).join('\n\n');
    expect(docText.slice(hit.passageStart, hit.passageStart + hit.text.length)).toBe(hit.text);
  });

  it('applies the limit to hits but keeps true counts', () => {
    const r = respond({ query: 'الجيش', limit: 1, index, notes: [], status: READY });
    expect(r.groups.flatMap((g) => g.hits)).toHaveLength(1);
    expect(r.groups[0]!.count).toBe(3);
    expect(r.total).toBe(3);
  });

  it('reports an unknown source: id and the first query problem', () => {
    const r = respond({ query: 'azure source:nope', index, notes: [], status: READY, knownDocIds: new Set(['article', 'guardian']) });
    expect(r.problem).toEqual({ code: 'unknown-source', params: { id: 'nope' }, message: 'search: no document has the id "nope"', start: 6, end: 17 });
    expect(r.groups).toEqual([]);
  });

  it('answers with no groups and the index status when there is no index yet', () => {
    const status = { state: 'building', progress: 0.5, documents: 0, passages: 0 } as const;
    expect(respond({ query: 'azure', index: null, notes: [], status })).toEqual({ query: 'azure', mode: 'all', total: 0, groups: [], index: status });
  });

  it('puts matching notes (text and tags) in their own group after the documents', () => {
    const notes = [
      { id: 'urn:uuid:1', docId: 'article', docTitle: 'T', text: 'خدمة أزور للتجسس', tags: ['مراقبة'] },
      { id: 'urn:uuid:2', docId: 'guardian', docTitle: 'G', text: 'unrelated', tags: ['azure'] },
      { id: 'urn:uuid:3', docId: 'guardian', docTitle: 'G', text: 'nothing here', tags: [] },
    ];
    const r = respond({ query: 'azure', index, notes, status: READY });
    const group = r.groups[r.groups.length - 1]!;
    expect(group).toMatchObject({ kind: 'notes', count: 1 });
    const hit = group.hits[0]!;
    expect(hit).toMatchObject({ kind: 'note', passageId: 'urn:uuid:2', docId: 'guardian', passageStart: 0 });
    expect(hit.matches.map(([s, e]) => hit.text.slice(s, e))).toEqual(['azure']);
    const arabic = respond({ query: 'تجسس مراقبه', index, notes, status: READY });
    expect(arabic.groups.find((g) => g.kind === 'notes')!.hits.map((h) => h.passageId)).toEqual(['urn:uuid:1']);
  });
});
