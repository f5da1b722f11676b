/**
 * A Library stand-in for capture tests: records every addVersion call, can be
 * told to fail, and numbers versions per source like the real one (v1, v2…).
 */
import type { Library, NewVersion } from '../../../../src/api/context';
import type { LibraryEntry, LibraryView } from '../../../../src/api/contract';

export interface FakeLibrary extends Library {
  added: NewVersion[];
  failNext?: Error;
}

export function fakeLibrary(initial: Partial<LibraryEntry>[] = []): FakeLibrary {
  const entries: LibraryEntry[] = initial.map((e) => entry(e));
  const lib: FakeLibrary = {
    added: [],
    result: () => ({ state: 'ok', library: view() }),
    view: () => view(),
    load: () => {
      throw new Error('fake library: load not supported');
    },
    documents: () => [],
    contentHash: () => '',
    async addVersion(input: NewVersion) {
      if (lib.failNext) {
        const error = lib.failNext;
        delete lib.failNext;
        throw error;
      }
      lib.added.push(input);
      let found = input.sourceId ? entries.find((e) => e.id === input.sourceId) : undefined;
      const previousVersion = found?.versions.at(-1)?.version;
      if (!found) {
        found = entry({ id: `src-${entries.length + 1}`, title: input.meta.title, url: input.meta.url });
        entries.push(found);
      }
      const version = `v${found.versions.length + 1}`;
      found.versions = [...found.versions.map((v) => ({ ...v, current: false })), { version, capturedAt: input.provenance.capturedAt, sha256: 'f'.repeat(64), current: true }];
      found.status = 'captured';
      found.provenance = { ...input.provenance, sha256: 'f'.repeat(64) };
      found.contentHash = `hash-${version}`;
      return { entry: { ...found }, version, ...(previousVersion ? { previousVersion } : {}) };
    },
    reload: () => ({ state: 'ok', library: view() }),
    openBundled: () => ({ state: 'ok', library: view() }),
    subscribe: () => () => undefined,
  };
  function view(): LibraryView {
    return { archive: { id: 'test', title: 'test', path: '/tmp/test' }, articleId: 'article', entries, citations: [] };
  }
  return lib;
}

function entry(e: Partial<LibraryEntry>): LibraryEntry {
  return { id: 'x', kind: 'source', title: 't', url: null, lang: 'en', dir: 'ltr', status: 'not-captured', location: 'bundled', versions: [], contentHash: '', ...e };
}
