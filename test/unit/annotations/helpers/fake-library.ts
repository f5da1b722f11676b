/**
 * A small in-memory Library for notes tests: documents are plain paragraphs,
 * laid out by the real document model so offsets match the app's, and a
 * document's text can be replaced to simulate a new captured version.
 */
import { createHash } from 'node:crypto';
import type { LibraryEntry, LibraryResult, LibraryView } from '../../../../src/api/contract';
import type { Library, LoadedDocument } from '../../../../src/api/context';
import { ApiError } from '../../../../src/api/errors';
import { layoutDocument } from '../../../../src/document/text';
import type { DaftarDocument } from '../../../../src/document/types';

export interface FakeLibrary extends Library {
  setParagraphs(id: string, paragraphs: string[]): void;
  textOf(id: string): string;
}

export function fakeLibrary(docs: Record<string, { title: string; paragraphs: string[] }>): FakeLibrary {
  const state = new Map(Object.entries(docs).map(([id, d]) => [id, { ...d }]));
  const listeners = new Set<() => void>();
  const load = (id: string): LoadedDocument => {
    const d = state.get(id);
    if (!d) throw new ApiError('not-found', `library: no document ${id}`);
    const document: DaftarDocument = { type: 'document', version: 1, id, lang: 'ar', dir: 'rtl', blocks: d.paragraphs.map((text, i) => ({ type: 'paragraph', id: `b${i}`, runs: [{ text }] })) };
    const layout = layoutDocument(document);
    const entry = { id, kind: id === 'article' ? 'article' : 'source', title: d.title, url: null, lang: 'ar', dir: 'rtl', status: 'captured', location: 'bundled', versions: [], contentHash: createHash('sha256').update(layout.text).digest('hex') } as LibraryEntry;
    return { entry, document, version: '1', layout, citations: [] };
  };
  const view = (): LibraryView => ({ archive: { id: 'test', title: 'test', path: '/nowhere' }, articleId: 'article', entries: [...state.keys()].map((id) => load(id).entry), citations: [] });
  const result = (): LibraryResult => ({ state: 'ok', library: view() });
  return {
    result,
    view,
    load,
    documents: () => [...state.keys()].map(load),
    contentHash: () => 'fake',
    addVersion: async () => {
      throw new Error('fake library: addVersion not supported');
    },
    reload: result,
    openBundled: result,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setParagraphs(id, paragraphs) {
      const d = state.get(id);
      if (!d) throw new Error(`fake library: no document ${id}`);
      d.paragraphs = paragraphs;
      for (const l of listeners) l();
    },
    textOf: (id) => load(id).layout.text,
  };
}
