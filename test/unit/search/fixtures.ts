/**
 * Test fixtures for search: a small in-memory Library (the interface of
 * src/api/context.ts) whose documents a test can change, and helpers to build
 * an index over plain passages.
 */
import { createHash } from 'node:crypto';
import type { LoadedDocument, Library } from '../../../src/api/context';
import type { LibraryEntry } from '../../../src/api/contract';
import { ApiError } from '../../../src/api/errors';
import { layoutDocument } from '../../../src/document/text';
import type { Block, DaftarDocument } from '../../../src/document/types';
import { buildSearchIndex, type SearchIndex } from '../../../src/search/build';
import { indexInputOf } from '../../../src/search/passages';

export interface FakeDoc {
  id: string;
  title: string;
  publisher?: string;
  lang?: string;
  /** One paragraph per string; `[lang, text]` for a block in another language. */
  blocks: (string | [string, string])[];
}

function loadedOf(doc: FakeDoc): LoadedDocument {
  const blocks: Block[] = doc.blocks.map((b, i) => {
    const [lang, text] = typeof b === 'string' ? [undefined, b] : b;
    return { type: 'paragraph', id: `b${i}`, runs: [{ text }], ...(lang ? { lang } : {}) };
  });
  const lang = doc.lang ?? 'ar';
  const document: DaftarDocument = { type: 'document', version: 1, id: doc.id, lang, dir: lang === 'ar' ? 'rtl' : 'ltr', blocks };
  const layout = layoutDocument(document);
  const entry: LibraryEntry = {
    id: doc.id,
    kind: 'source',
    title: doc.title,
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    url: null,
    lang,
    dir: document.dir,
    status: 'captured',
    location: 'user',
    versions: [{ version: 'v1', capturedAt: '2025-01-01T00:00:00Z', sha256: '', current: true }],
    contentHash: createHash('sha256').update(layout.text).digest('hex'),
  };
  return { entry, document, version: 'v1', layout, citations: [] };
}

export interface FakeLibrary extends Library {
  setDocs(docs: FakeDoc[]): void;
  listenerCount(): number;
}

export function fakeLibrary(initial: FakeDoc[]): FakeLibrary {
  let docs = initial.map(loadedOf);
  const listeners = new Set<() => void>();
  const view = () => ({ archive: { id: 'test', title: 'test', path: '/test' }, articleId: docs[0]?.entry.id ?? '', entries: docs.map((d) => d.entry), citations: [] });
  const library: FakeLibrary = {
    result: () => ({ state: 'ok', library: view() }),
    view,
    load(id) {
      const found = docs.find((d) => d.entry.id === id);
      if (!found) throw new ApiError('not-found', `library: no document "${id}" in the archive`);
      return found;
    },
    documents: () => docs,
    contentHash: () => createHash('sha256').update(docs.map((d) => `${d.entry.id}:${d.entry.contentHash}:${d.entry.title}`).join('\n')).digest('hex'),
    addVersion: () => Promise.reject(new Error('not in this fake')),
    reload: () => library.result(),
    openBundled: () => library.result(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setDocs(next) {
      docs = next.map(loadedOf);
      for (const l of [...listeners]) l();
    },
    listenerCount: () => listeners.size,
  };
  return library;
}

export function indexOf(docs: FakeDoc[], hash = 'test-hash'): SearchIndex {
  return buildSearchIndex(indexInputOf(docs.map(loadedOf)), hash);
}

export const READY = { state: 'ready', progress: 1, documents: 0, passages: 0 } as const;
