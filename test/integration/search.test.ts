/**
 * Search over the real bundled archive (assets/archive, built from the seed
 * article by scripts/build-archive.ts), through the service part as the app
 * uses it. Golden queries come from the seed article's own words; to add one,
 * append [query, the exact words its matches must slice to] to QUERIES.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/api/context';
import type { SearchResponse } from '../../src/api/contract';
import { createSearchPart } from '../../src/api/parts/search';
import { createLibrary } from '../../src/archive/library';
import { parseQuery } from '../../src/search/query-parse';
import { indexKeys, prefixSurfaces } from '../../src/text';

const ARCHIVE = resolve(__dirname, '../../assets/archive');
const WORKER = { file: resolve(__dirname, '../../src/search/worker.ts'), execArgv: ['--import', 'tsx'] };

let dataDir: string;
let logs: string[];
let part: ReturnType<typeof createSearchPart>;
let ctx: ServiceContext;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'daftar-search-it-'));
  logs = [];
  const log: ServiceContext['log'] = (level, message, code) => void logs.push(`${level} ${code ?? ''} ${message}`);
  const library = createLibrary({ bundledArchive: ARCHIVE, userArchive: join(dataDir, 'archive'), log, now: () => new Date() });
  ctx = { paths: { bundledArchive: ARCHIVE, userArchive: join(dataDir, 'archive'), dataDir }, library, log, now: () => new Date(), appVersion: 'test', transport: 'http', systemLocale: 'ar' };
  part = createSearchPart(ctx, { worker: WORKER });
});
afterAll(async () => {
  await part.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hitsOf = (r: SearchResponse) => r.groups.flatMap((g) => g.hits);
const slices = (r: SearchResponse) => hitsOf(r).flatMap((h) => h.matches.map(([s, e]) => h.text.slice(s, e)));

describe('the bundled index', () => {
  it('is loaded as shipped (its content hash matches the bundled archive), not rebuilt', async () => {
    const status = await part.getIndexStatus();
    expect(status.state).toBe('ready');
    expect(status.passages).toBeGreaterThan(10);
    expect(logs.some((l) => l.includes('using the bundled index'))).toBe(true);
  });
});

const QUERIES: [query: string, words: string[], why: string][] = [
  ['تُسهّل', ['تُسهّل'], 'diacritics in the query'],
  ['تسهل', ['تُسهّل'], 'no diacritics in the query, diacritics in the text'],
  ['الاسرائيلي', ['الإسرائيلي', 'الإسرائيلية'], 'hamza: bare alef finds أ/إ'],
  ['اسرائيل', ['الإسرائيلي', 'الإسرائيلية'], 'no article, no nisba'],
  ['الغارديان', ['الغارديان'], 'with the article'],
  ['غارديان', ['الغارديان'], 'clitic ال stripped'],
  ['وأزور', ['أزور'], 'clitic و in the query'],
  ['أزور', ['أزور'], 'bare word in quotes in the text'],
  ['للتجسس', ['للتجسس', 'التجسس'], 'لل and ال meet'],
  ['الكامل', ['بالكامل'], 'بال'],
  ['الضفه', ['والضفة'], 'وال and ta marbuta typed as ha'],
  ['أيلول', ['أيلول'], 'inside سبتمبر/أيلول'],
  ['سبتمبر/أيلول', ['سبتمبر/أيلول'], 'slash-joined words as a phrase'],
  ['٨٢٠٠', ['8200'], 'Arabic-Indic digits find Latin digits'],
  ['٢٠٢١', ['2021'], 'Arabic-Indic year'],
  ['Azure', ['Azure'], 'English word in an Arabic article'],
  ['azure', ['Azure'], 'lowercase'],
  ['NoAz4Apartheid', ['NoAz4Apartheid'], 'handle with a digit'],
  ['"الجيش الإسرائيلي"', ['الجيش الإسرائيلي'], 'phrase'],
  ['مايكرو*', ['مايكروسوفت'], 'prefix'],
  ['والذكا*', ['والذكاء'], 'prefix typed with its clitic (the written form is compared too)'],
  ['"لا أزور"', ['لا أزور'], 'phrase of a function word and a name'],
];

describe('real queries over the seed article', () => {
  it.each(QUERIES)('%s → %j (%s)', async (query, words) => {
    const r = await part.search({ query, limit: 100 });
    expect(r.problem, query).toBeUndefined();
    expect(r.mode).toBe('all');
    expect(r.total).toBeGreaterThan(0);
    expect(new Set(slices(r))).toEqual(new Set(words));
  });

  it('every match of every golden query slices to a word the query names', async () => {
    for (const [query] of QUERIES) {
      const parsed = parseQuery(query);
      const r = await part.search({ query, limit: 500 });
      for (const hit of hitsOf(r)) {
        for (const [s, e] of hit.matches) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(hit.text.length);
          const text = hit.text.slice(s, e);
          const ok = parsed.include.some((u) =>
            u.type === 'word' ? indexKeys(text).includes(u.key) : u.type === 'prefix' ? prefixSurfaces(text).some((x) => x.startsWith(u.key) || (u.surface !== undefined && x.startsWith(u.surface))) : u.keys.length > 1,
          );
          expect(ok, `${query}: ${text}`).toBe(true);
        }
      }
    }
  });

  it('excludes: الجيش -أمازون keeps no passage mentioning Amazon', async () => {
    const all = await part.search({ query: 'الجيش', limit: 100 });
    const without = await part.search({ query: 'الجيش -أمازون', limit: 100 });
    expect(hitsOf(all).some((h) => h.text.includes('أمازون'))).toBe(true);
    expect(hitsOf(without).length).toBeGreaterThan(0);
    expect(hitsOf(without).some((h) => h.text.includes('أمازون'))).toBe(false);
  });

  it('falls back to any word and says so', async () => {
    const r = await part.search({ query: 'مايكروسوفت زززز' });
    expect(r.mode).toBe('any');
    expect(new Set(slices(r))).toEqual(new Set(['مايكروسوفت']));
  });

  it('returns nothing, with no error, for a word that is not there', async () => {
    const r = await part.search({ query: 'كمبيوتر' });
    expect(r).toMatchObject({ mode: 'all', total: 0, groups: [] });
  });

  it('explains bad syntax instead of failing', async () => {
    const r = await part.search({ query: 'أزور lang:xx' });
    expect(r.problem?.message).toMatch(/lang: takes ar or en/);
    expect(r.total).toBeGreaterThan(0);
  });

  it('hit offsets are in the passage, and passageStart places the passage in the document', async () => {
    const r = await part.search({ query: 'أزور', limit: 100 });
    for (const hit of hitsOf(r)) {
      const doc = ctx.library.load(hit.docId).layout.text;
      expect(doc.slice(hit.passageStart, hit.passageStart + hit.text.length)).toBe(hit.text);
    }
  });

  it('rejects requests that break the contract with bad-request', async () => {
    await expect(part.search({ query: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(part.search({ query: 'x', limit: 0 })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(part.search({ query: 5 } as never)).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('find in document over the article', () => {
  it('finds with the same normalisation, in document-text offsets', async () => {
    const articleId = ctx.library.view().articleId;
    const text = ctx.library.load(articleId).layout.text;
    const r = await part.findInDocument({ docId: articleId, query: 'تسهل مراقبه' });
    expect(r.matches.map(([s, e]) => text.slice(s, e))).toEqual(['تُسهّل مراقبة']);
    const digits = await part.findInDocument({ docId: articleId, query: '٨٢٠٠' });
    expect(digits.matches.length).toBeGreaterThanOrEqual(4);
    await expect(part.findInDocument({ docId: 'nope', query: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
