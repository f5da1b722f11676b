import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/api/context';
import { createSearchEngine, type SearchEngine } from '../../../src/search/engine';
import { readIndexFile, serializeIndex, writeIndexFile } from '../../../src/search/index-store';
import type { NoteForSearch } from '../../../src/search/notes-source';
import { fakeLibrary, indexOf, type FakeDoc } from './fixtures';

/** The worker as tests run it: the TypeScript source through tsx (worker-client.ts explains). */
const WORKER = { file: resolve(__dirname, '../../../src/search/worker.ts'), execArgv: ['--import', 'tsx'] };

const V1: FakeDoc[] = [{ id: 'a', title: 'مقال', blocks: ['الجيش الإسرائيلي و"أزور"', 'قديم'] }];
const V2: FakeDoc[] = [{ id: 'a', title: 'مقال', blocks: ['الجيش الإسرائيلي و"أزور"', 'جديد أمازون'] }];

let dir: string;
let logs: string[];
let engine: SearchEngine | undefined;
const log: Logger = (level, message, code) => void logs.push(`${level} ${code ?? ''} ${message}`);
const texts = (e: SearchEngine, q: string) => e.search({ query: q }).groups.flatMap((g) => g.hits.map((h) => h.text));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-engine-'));
  logs = [];
});
afterEach(() => {
  engine?.close();
  engine = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('search engine: which index answers', () => {
  it('builds in-process when nothing usable exists, and caches the result', () => {
    const library = fakeLibrary(V1);
    const cache = join(dir, 'cache', 'search-index.jsonl');
    engine = createSearchEngine({ library, log, worker: WORKER, cacheIndexFile: cache, bundledIndexFile: join(dir, 'none.jsonl') });
    expect(texts(engine, 'اسرائيلي')).toEqual(['الجيش الإسرائيلي و"أزور"']);
    expect(engine.status()).toEqual({ state: 'ready', progress: 1, documents: 1, passages: 2 });
    expect(readIndexFile(cache, library.contentHash()).ok).toBe(true);
    expect(logs.some((l) => l.includes('using the built index'))).toBe(true);
  });

  it('uses a bundled index whose hash matches, and refuses a stale one', () => {
    const library = fakeLibrary(V1);
    const bundled = join(dir, 'bundled.jsonl');
    writeIndexFile(bundled, serializeIndex(indexOf(V1, library.contentHash())));
    engine = createSearchEngine({ library, log, worker: WORKER, bundledIndexFile: bundled });
    expect(engine.status().state).toBe('ready');
    expect(logs.some((l) => l.includes('using the bundled index'))).toBe(true);
    engine.close();

    logs = [];
    // Same file, but it indexes V2's text while the library holds V1: never used.
    writeIndexFile(bundled, serializeIndex(indexOf(V2, library.contentHash() + 'x')));
    engine = createSearchEngine({ library, log, worker: WORKER, bundledIndexFile: bundled });
    expect(texts(engine, 'أمازون')).toEqual([]);
    expect(texts(engine, 'قديم')).toEqual(['قديم']);
    expect(logs.some((l) => l.includes('index-stale'))).toBe(true);
  });

  it('rebuilds in-process after a library change, and a later start reads the cache', () => {
    const library = fakeLibrary(V1);
    const cache = join(dir, 'search-index.jsonl');
    engine = createSearchEngine({ library, log, worker: WORKER, cacheIndexFile: cache });
    expect(texts(engine, 'أمازون')).toEqual([]);
    library.setDocs(V2);
    expect(texts(engine, 'أمازون')).toEqual(['جديد أمازون']);
    engine.close();
    logs = [];
    engine = createSearchEngine({ library, log, worker: WORKER, cacheIndexFile: cache });
    expect(engine.status().state).toBe('ready');
    expect(logs.some((l) => l.includes('using the cached index'))).toBe(true);
  });

  it('explains and survives an unwritable cache', () => {
    const library = fakeLibrary(V1);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    engine = createSearchEngine({ library, log, worker: WORKER, cacheIndexFile: join(blocker, 'search-index.jsonl') });
    expect(texts(engine, 'قديم')).toEqual(['قديم']);
    expect(logs.some((l) => l.startsWith('warn index-save-failed search: could not save the index'))).toBe(true);
  });
});

describe('search engine: rebuilding in a worker', () => {
  it('keeps answering from the previous index while the worker builds, reports progress, then switches', async () => {
    const library = fakeLibrary(V1);
    engine = createSearchEngine({ library, log, worker: WORKER, inProcessLimit: 0 });
    // No index at all yet: a worker build starts, and the status says so.
    expect(engine.status().state).toBe('building');
    expect(engine.search({ query: 'قديم' }).index.state).toBe('building');
    await engine.whenReady();
    expect(engine.status()).toMatchObject({ state: 'ready', progress: 1 });
    expect(texts(engine, 'قديم')).toEqual(['قديم']);

    library.setDocs(V2);
    const during = engine.search({ query: 'قديم' });
    expect(during.index.state).toBe('building');
    expect(during.groups.flatMap((g) => g.hits.map((h) => h.text))).toEqual(['قديم']); // the old index still answers
    const seen: number[] = [];
    const poll = setInterval(() => seen.push(engine!.status().progress), 5);
    await engine.whenReady();
    clearInterval(poll);
    expect(texts(engine, 'قديم')).toEqual([]);
    expect(texts(engine, 'أمازون')).toEqual(['جديد أمازون']);
    expect(seen.every((p) => p >= 0 && p <= 1)).toBe(true);
  }, 60_000);

  it('close() cancels a build and unsubscribes', async () => {
    const library = fakeLibrary(V1);
    engine = createSearchEngine({ library, log, worker: WORKER, inProcessLimit: 0 });
    expect(engine.status().state).toBe('building');
    expect(library.listenerCount()).toBe(1);
    engine.close();
    expect(library.listenerCount()).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('reports a worker that cannot start as a failed build, not a crash', async () => {
    const library = fakeLibrary(V1);
    engine = createSearchEngine({ library, log, worker: { file: join(dir, 'missing-worker.js') }, inProcessLimit: 0 });
    await engine.whenReady();
    expect(engine.status().state).toBe('missing');
    expect(logs.some((l) => l.startsWith('error index-build-failed search: '))).toBe(true);
    engine.close();
    engine = undefined;
  });
});

describe('search engine: notes and find', () => {
  it('lists notes once and again only after they change', () => {
    const library = fakeLibrary(V1);
    let notes: NoteForSearch[] = [{ id: 'n1', docId: 'a', docTitle: 'مقال', text: 'ملاحظة عن أزور', tags: [] }];
    let listener: () => void = () => undefined;
    let lists = 0;
    const source = {
      list: () => (lists++, notes),
      subscribe: (l: () => void) => ((listener = l), () => undefined),
    };
    engine = createSearchEngine({ library, log, worker: WORKER, notes: source });
    expect(engine.search({ query: 'ملاحظة' }).groups.map((g) => g.kind)).toEqual(['notes']);
    engine.search({ query: 'ملاحظة' });
    expect(lists).toBe(1);
    notes = [];
    listener();
    expect(engine.search({ query: 'ملاحظة' }).groups).toEqual([]);
    expect(lists).toBe(2);
  });

  it('finds in a document in document-text offsets, and rejects unknown documents', () => {
    const library = fakeLibrary([{ id: 'a', title: 't', blocks: ['أولى', 'الجيش الإسرائيلي'] }]);
    engine = createSearchEngine({ library, log, worker: WORKER });
    const { matches } = engine.findInDocument({ docId: 'a', query: 'الاسرائيلي' });
    expect(matches.map(([s, e]) => library.load('a').layout.text.slice(s, e))).toEqual(['الإسرائيلي']);
    expect(() => engine!.findInDocument({ docId: 'nope', query: 'x' })).toThrow(/no document "nope"/);
  });
});
