import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '../../../src/api/contract';
import { hitTarget, moveActive, resultsModel } from '../../../renderer/search/results-model';

const hit = (docId: string, passageId: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  kind: 'passage',
  docId,
  docTitle: docId,
  passageId,
  score: 1,
  text: 'الجيش الإسرائيلي',
  matches: [[6, 16]],
  passageStart: 100,
  ...extra,
});

const response = (groups: SearchResponse['groups']): SearchResponse => ({
  query: 'الاسرائيلي',
  mode: 'all',
  total: groups.reduce((n, g) => n + g.count, 0),
  groups,
  index: { state: 'ready', progress: 1, documents: 3, passages: 30 },
});

describe('resultsModel', () => {
  it('keeps the ranked document order, puts notes last and numbers options in that order', () => {
    const model = resultsModel(
      response([
        { kind: 'notes', docId: '', docTitle: '', count: 1, hits: [hit('article', 'urn:uuid:1', { kind: 'note', passageStart: 0 })] },
        { kind: 'document', docId: 'article', docTitle: 'المقال', count: 5, hits: [hit('article', 'b1'), hit('article', 'b7')] },
        { kind: 'document', docId: 'guardian', docTitle: 'The Guardian', count: 1, hits: [hit('guardian', 'p2')] },
      ]),
    );
    expect(model.groups.map((g) => g.kind + ':' + g.docId)).toEqual(['document:article', 'document:guardian', 'notes:']);
    expect(model.options.map((o) => o.hit.passageId)).toEqual(['b1', 'b7', 'p2', 'urn:uuid:1']);
    expect(model.options.map((o) => o.index)).toEqual([0, 1, 2, 3]);
    expect(model.documents).toBe(2);
    expect(model.total).toBe(7);
    expect(model.groups[0]!.count).toBe(5); // the per-document count, not the hits shown
    // DOM ids never carry passage ids (which may hold quotes or spaces).
    expect(new Set(model.options.map((o) => o.id)).size).toBe(4);
    for (const o of model.options) expect(o.id).toMatch(/^search-option-\d+-\d+$/);
  });

  it('is empty without a response', () => {
    expect(resultsModel(null)).toEqual({ groups: [], options: [], documents: 0, total: 0 });
  });
});

describe('moveActive', () => {
  it.each([
    [-1, 3, 'next', 0],
    [0, 3, 'next', 1],
    [2, 3, 'next', 0],
    [0, 3, 'previous', 2],
    [-1, 3, 'previous', 2],
    [1, 3, 'first', 0],
    [1, 3, 'last', 2],
    [0, 0, 'next', -1],
  ] as const)('from %i of %i, %s → %i', (active, count, key, expected) => {
    expect(moveActive(active, count, key)).toBe(expected);
  });
});

describe('hitTarget', () => {
  it('lands on the earliest match in document offsets', () => {
    expect(hitTarget(hit('a', 'b', { matches: [[10, 12], [2, 5]], passageStart: 100 }))).toEqual({ offset: 102, end: 105 });
  });
  it('falls back to the whole passage when the hit has no match offsets', () => {
    expect(hitTarget(hit('a', 'b', { matches: [], passageStart: 40, text: 'abc' }))).toEqual({ offset: 40, end: 43 });
  });
});
