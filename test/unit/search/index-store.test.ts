import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION, parseIndex, readIndexFile, serializeIndex, writeIndexFile } from '../../../src/search/index-store';
import { runQuery } from '../../../src/search/query';
import { parseQuery } from '../../../src/search/query-parse';
import { indexOf } from './fixtures';

const built = indexOf([{ id: 'a', title: 'مايكروسوفت', blocks: ['الجيش الإسرائيلي و"أزور" للتجسس', 'سبتمبر/أيلول 2021'] }], 'hash-1');
const serialised = serializeIndex(built);
const [headerLine, bodyLine, termsLine, postingsLine, textsLine] = serialised.split('\n') as [string, string, string, string, string];

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('index serialisation', () => {
  it('round-trips: the loaded index answers like the built one', () => {
    const loaded = parseIndex(serialised, 'hash-1');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const q of ['الاسرائيلي', 'وأزور', '"الجيش الإسرائيلي"', 'أيلول', '٢٠٢١', 'مايكرو*']) {
      expect(runQuery(loaded.index, parseQuery(q)), q).toEqual(runQuery(built, parseQuery(q)));
    }
    expect(loaded.index.input.passages.map((p) => p.text)).toEqual(built.input.passages.map((p) => p.text));
    expect(loaded.header).toMatchObject({ format: 'daftar-search-index', version: INDEX_FORMAT_VERSION, contentHash: 'hash-1', documents: 1, passages: 2 });
  });

  it('stores no positions or passage vectors: sorted terms, postings as base64 bytes, texts apart', () => {
    const terms = termsLine.split('\t');
    expect(terms).toEqual([...terms].sort());
    expect(terms).toContain('جيش');
    expect(postingsLine).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(textsLine)).toEqual(built.input.passages.map((p) => p.text));
    expect(bodyLine).not.toContain('position');
  });

  const lines = (...body: string[]) => [headerLine, ...body].join('\n');
  const withHeader = (patch: object) => `${JSON.stringify({ ...JSON.parse(headerLine), ...patch })}\n${serialised.slice(headerLine.length + 1)}`;
  const withBody = (patch: (body: Record<string, unknown>) => void) => {
    const body = JSON.parse(bodyLine) as Record<string, unknown>;
    patch(body);
    return lines(JSON.stringify(body), termsLine, postingsLine, textsLine);
  };
  const withPassages = (patch: (columns: Record<string, unknown>) => void) => withBody((b) => patch(b.passages as Record<string, unknown>));

  it.each([
    ['a stale index (other content hash)', () => parseIndex(serialised, 'hash-2'), 'stale', /built for other content/],
    ['an older format', () => parseIndex(withHeader({ version: 1 }), 'hash-1'), 'format', new RegExp(`index format 1, this version of Daftar reads ${INDEX_FORMAT_VERSION}`)],
    ['a foreign file', () => parseIndex('{"hello":1}\n{}', 'hash-1'), 'corrupt', /not a Daftar search index/],
    ['a header that is not JSON', () => parseIndex('nope\n{}', 'hash-1'), 'corrupt', /header is not JSON/],
    ['no body', () => parseIndex(headerLine, 'hash-1'), 'corrupt', /has no body/],
    ['a truncated body', () => parseIndex(serialised.slice(0, serialised.length - 40), 'hash-1'), 'corrupt', /damaged/],
    ['malformed passages', () => parseIndex(withBody((b) => (b.passages = [{ doc: 7 }])), 'hash-1'), 'corrupt', /passage documents are missing/],
    ['passages without passages', () => parseIndex(withBody((b) => (b.passages = null)), 'hash-1'), 'corrupt', /passages are malformed/],
    ['a passage pointing at no document', () => parseIndex(withPassages((c) => (c.doc = Buffer.from([0, 7]).toString('base64'))), 'hash-1'), 'corrupt', /passages are malformed/],
    ['passage columns of different lengths', () => parseIndex(withPassages((c) => (c.blockId = ['b0'])), 'hash-1'), 'corrupt', /passages are malformed/],
    ['a passage language out of range', () => parseIndex(withPassages((c) => (c.langs = [])), 'hash-1'), 'corrupt', /passages are malformed/],
    ['malformed documents', () => parseIndex(withBody((b) => (b.documents = [{ id: 1 }])), 'hash-1'), 'corrupt', /documents are malformed/],
    ['an unsorted term list', () => parseIndex(lines(bodyLine, termsLine.split('\t').reverse().join('\t'), postingsLine, textsLine), 'hash-1'), 'corrupt', /term list is malformed/],
    ['a term list with a term missing', () => parseIndex(lines(bodyLine, termsLine.split('\t').slice(1).join('\t'), postingsLine, textsLine), 'hash-1'), 'corrupt', /offsets do not fit/],
    ['no term list', () => parseIndex(lines(bodyLine), 'hash-1'), 'corrupt', /term list is missing/],
    ['no postings', () => parseIndex(lines(bodyLine, termsLine), 'hash-1'), 'corrupt', /postings are missing/],
    ['postings cut short', () => parseIndex(lines(bodyLine, termsLine, postingsLine.slice(0, 8), textsLine), 'hash-1'), 'corrupt', /offsets do not fit/],
    ['offsets that are not base64 varints', () => parseIndex(withBody((b) => (b.offsets = 42)), 'hash-1'), 'corrupt', /term offsets are missing/],
    ['no passage texts line', () => parseIndex(lines(bodyLine, termsLine, postingsLine), 'hash-1'), 'corrupt', /passage texts are missing/],
    ['passage texts cut short', () => parseIndex(lines(bodyLine, termsLine, postingsLine, textsLine.slice(0, -3)), 'hash-1'), 'corrupt', /passage texts are truncated/],
    ['passage text lengths for other texts', () => parseIndex(lines(bodyLine, termsLine, postingsLine, '["a","b"]'), 'hash-1'), 'corrupt', /do not fit their lengths/],
    ['field lengths for other passages', () => parseIndex(withBody((b) => (b.textLengths = '')), 'hash-1'), 'corrupt', /field lengths do not fit/],
  ])('rejects %s, never using it', (_what, load, reason, message) => {
    const outcome = load();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe(reason);
    expect(outcome.message).toMatch(message);
    expect(outcome.message.startsWith('search: ')).toBe(true);
  });
});

describe('index files', () => {
  it('writes atomically and reads back; a missing file is "missing"', () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-index-'));
    const file = join(dir, 'sub', 'search-index.jsonl');
    expect(readIndexFile(file, 'hash-1')).toMatchObject({ ok: false, reason: 'missing' });
    writeIndexFile(file, serialised);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['search-index.jsonl']);
    expect(readFileSync(file, 'utf8')).toBe(serialised);
    expect(readIndexFile(file, 'hash-1').ok).toBe(true);
    expect(readIndexFile(file, 'other')).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('reports a damaged file as corrupt', () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-index-'));
    const file = join(dir, 'search-index.jsonl');
    writeFileSync(file, `${headerLine}\n{"documents": [`);
    expect(readIndexFile(file, 'hash-1')).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
