import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_UNITS, parseQuery } from '../../../src/search/query-parse';

describe('parseQuery: the language', () => {
  it('makes every word a required unit with its query key', () => {
    const q = parseQuery('مايكروسوفت أزور');
    expect(q.include.map((u) => [u.type, u.type === 'phrase' ? u.keys : u.key])).toEqual([
      ['word', 'مايكروسوفت'],
      ['word', 'ازور'],
    ]);
    expect(q.problems).toEqual([]);
  });

  it.each([
    ['"الجيش الإسرائيلي"', ['جيش', 'اسراييل']],
    ['«الجيش الإسرائيلي»', ['جيش', 'اسراييل']],
    ['“the Guardian report”', ['the', 'guardian', 'report']],
    ['سبتمبر/أيلول', ['سبتمبر', 'ايلول']],
  ])('%s is a phrase', (input, keys) => {
    const q = parseQuery(input);
    expect(q.include).toHaveLength(1);
    expect(q.include[0]).toMatchObject({ type: 'phrase', keys });
  });

  it('excludes -word and -"phrase"', () => {
    const q = parseQuery('أزور -أمازون -"الجيش الإسرائيلي"');
    expect(q.include).toHaveLength(1);
    expect(q.exclude.map((u) => u.type)).toEqual(['word', 'phrase']);
  });

  it('reads prefixes, filters and offsets of units', () => {
    const q = parseQuery('مايكرو* lang:AR source:guardian-1 source:x');
    expect(q.include[0]).toMatchObject({ type: 'prefix', key: 'مايكرو', start: 0, end: 7 });
    expect(q.lang).toBe('ar');
    expect(q.sources).toEqual(['guardian-1', 'x']);
  });

  it('strips the article from an Arabic prefix so it meets stems', () => {
    expect(parseQuery('الاسرا*').include[0]).toMatchObject({ type: 'prefix', key: 'اسرا' });
  });
});

describe('parseQuery: hostile input never throws and explains itself', () => {
  it.each([
    // [query, expected problem (regex), units left]
    ['"الجيش الإسرائيلي', /quote " is not closed/, 1],
    ['«الجيش', /quote « is not closed/, 1],
    ['-', /- must be followed by a word/, 0],
    ['أزور -', /- must be followed by a word/, 1],
    ['*', /\* must follow at least 2 letters/, 0],
    ['a*', /at least 2 letters before \*/, 1],
    ['lang:xx', /lang: takes ar or en, not "xx"/, 0],
    ['lang:', /lang: takes ar or en/, 0],
    ['source:', /source: needs a document id/, 0],
    ['""', /quoted phrase holds no words/, 0],
    ['😀🎉', /has no letters or digits/, 0],
    ['-أزور', /add a word to search for/, 0],
    ['lang:ar', /add a word to search for/, 0],
    ['"foo bar"*', /\* must follow at least 2 letters/, 1],
    ['pic.twitter*', /\* works on one word/, 1],
  ])('%j', (input, problem, units) => {
    const q = parseQuery(input);
    if (problem) {
      expect(q.problems[0]?.message, input).toMatch(problem);
      expect(q.problems[0]!.message.startsWith('search: ')).toBe(true);
    } else {
      expect(q.problems).toEqual([]);
    }
    expect(q.include.length).toBe(units);
  });

  it.each([
    ['a:b', 'Lunr field syntax'],
    ['azure^10', 'Lunr boost'],
    ['azure~2', 'Lunr edit distance'],
    ['+azure', 'Lunr presence'],
    ['azure:', 'trailing colon (throws in idx.search)'],
    ['\u200fأزور\u200e', 'RTL/LTR marks'],
    ['\u200f-أزور مايكروسوفت', 'RLM before an exclusion'],
  ])('treats %j as plain words (%s)', (input) => {
    const q = parseQuery(input);
    expect(q.include.length + q.exclude.length).toBeGreaterThan(0);
    for (const u of [...q.include, ...q.exclude]) {
      if (u.type === 'phrase') expect(u.keys.every((k) => /^[\p{L}\p{N}]+$/u.test(k))).toBe(true);
      else expect(u.key).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  });

  it('an RLM before - still excludes', () => {
    const q = parseQuery('\u200f-أزور مايكروسوفت');
    expect(q.exclude).toHaveLength(1);
    expect(q.include).toHaveLength(1);
  });

  it('caps a 500-character query at the unit limit and says so', () => {
    const input = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ').slice(0, 500);
    const q = parseQuery(input);
    expect(q.include.length).toBe(MAX_UNITS);
    expect(q.problems[0]?.message).toMatch(new RegExp(`only the first ${MAX_UNITS}`));
  });

  it('property: never throws, and every problem range lies inside the query', () => {
    const syntax = fc.constantFrom(...'"«»“”-*:^~+ \u200f\u200eأزورaz0٢lang:source:'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: syntax, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (input) => {
        const q = parseQuery(input);
        for (const p of q.problems) {
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(input.length);
          expect(p.start).toBeLessThanOrEqual(p.end);
        }
        for (const u of q.include) {
          if (u.type === 'phrase') expect(u.keys.length).toBeGreaterThan(1);
          else expect(u.key.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
