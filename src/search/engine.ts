/**
 * The search engine's state over time: which index answers, whether it is
 * fresh, and rebuilding when the library changes. Transport-agnostic; the
 * service part (src/api/parts/search.ts) wraps it.
 *
 * Freshness is decided by Library.contentHash(), never by timestamps:
 *   1. an index whose hash matches the library answers ('ready');
 *   2. otherwise the cached user index, then the bundled index, are tried;
 *   3. otherwise a new index is built: in-process when the library is small
 *      (up to 2000 passages build in a fraction of a second, faster than
 *      starting a thread), in a worker thread otherwise. While a worker builds,
 *      the previous index keeps answering and IndexStatus says 'building' with
 *      progress: a stale index is never used without saying so.
 * A finished build is written to the cache file for the next start.
 */
import type { FindRequest, FindResponse, IndexStatus, SearchRequest, SearchResponse } from '../api/contract';
import type { Library, Logger } from '../api/context';
import { buildSearchIndex, type SearchIndex } from './build';
import { findInText, prepareFindText } from './find';
import { parseIndex, readIndexFile, serializeIndex, writeIndexFile } from './index-store';
import type { NoteForSearch, NotesSearchSource } from './notes-source';
import { indexInputOf, type IndexInput } from './passages';
import { respond } from './respond';
import { BuildCancelled, buildInWorker, type BuildJob, type WorkerEntry } from './worker-client';
import type { NormalizedText } from '../text';

export interface SearchEngineOptions {
  library: Library;
  log: Logger;
  /** Index shipped with the bundled archive (`<bundledArchive>/index/search-index.jsonl`). */
  bundledIndexFile?: string;
  /** Where rebuilt indexes are cached (`<dataDir>/search/search-index.jsonl`); absent: not cached. */
  cacheIndexFile?: string;
  notes?: NotesSearchSource;
  /** Libraries with at most this many passages are built in-process. Default 2000; 0 forces the worker. */
  inProcessLimit?: number;
  /** The worker to run builds in (worker-client.ts defaultWorkerEntry()). */
  worker: WorkerEntry;
}

export interface SearchEngine {
  search(req: SearchRequest): SearchResponse;
  findInDocument(req: FindRequest): FindResponse;
  status(): IndexStatus;
  /** Resolves when the index matches the library (after any build under way). */
  whenReady(): Promise<void>;
  close(): void;
}

/** About 0.3 s of building: a short pause of the main process, less than starting a worker costs. */
const DEFAULT_IN_PROCESS_LIMIT = 2000;
/** Find-in-document keeps the normalised text of this many documents. */
const FIND_CACHE_SIZE = 8;

export function createSearchEngine(options: SearchEngineOptions): SearchEngine {
  const { library, log } = options;
  const inProcessLimit = options.inProcessLimit ?? DEFAULT_IN_PROCESS_LIMIT;
  let current: SearchIndex | null = null;
  let job: { hash: string; build: BuildJob; done: Promise<void> } | null = null;
  let progress = 0;
  let closed = false;
  /** A build that failed is not retried for the same content (it would fail again, forever). */
  let failedHash: string | null = null;
  let notesCache: NoteForSearch[] | null = null;
  const findCache = new Map<string, NormalizedText>();

  const adopt = (index: SearchIndex, origin: string) => {
    current = index;
    log('info', `search: using the ${origin} index (${index.input.passages.length} passages)`, 'index-ready');
  };

  const tryFile = (file: string | undefined, hash: string, origin: string): boolean => {
    if (!file) return false;
    const outcome = readIndexFile(file, hash);
    if (outcome.ok) {
      adopt(outcome.index, origin);
      return true;
    }
    if (outcome.reason !== 'missing') log('info', `${outcome.message} (${file}); rebuilding`, `index-${outcome.reason}`);
    return false;
  };

  const saveCache = (serialised: string) => {
    if (!options.cacheIndexFile) return;
    try {
      writeIndexFile(options.cacheIndexFile, serialised);
    } catch (error) {
      log('warn', `search: could not save the index to ${options.cacheIndexFile}: ${(error as Error).message}`, 'index-save-failed');
    }
  };

  const startWorker = (input: IndexInput, hash: string) => {
    job?.build.cancel();
    progress = 0;
    const build = buildInWorker(options.worker, input, hash, (done, total) => {
      progress = total === 0 ? 1 : done / total;
    });
    const done = build.promise
      .then((serialised) => {
        if (closed) return;
        const outcome = parseIndex(serialised, hash);
        if (!outcome.ok) throw new Error(outcome.message);
        adopt(outcome.index, 'rebuilt');
        saveCache(serialised);
      })
      .catch((error: Error) => {
        if (error instanceof BuildCancelled) return;
        failedHash = hash;
        log('error', `search: rebuilding the index failed: ${error.message}`, 'index-build-failed');
      });
    const mine = { hash, build, done: done.finally(() => { if (job === mine) job = null; }) };
    job = mine;
    // The library may have changed again while building.
    void mine.done.then(() => { if (!closed) refresh(); });
  };

  /** Makes sure an index for the library's current content is answering or on its way. */
  function refresh(): void {
    if (closed) return;
    const hash = library.contentHash();
    if (current?.contentHash === hash) return;
    if (job?.hash === hash || failedHash === hash) return;
    if (tryFile(options.cacheIndexFile, hash, 'cached') || tryFile(options.bundledIndexFile, hash, 'bundled')) return;
    const input = indexInputOf(library.documents());
    if (input.passages.length <= inProcessLimit) {
      job?.build.cancel();
      const index = buildSearchIndex(input, hash);
      adopt(index, 'built');
      saveCache(serializeIndex(index));
      return;
    }
    startWorker(input, hash);
  }

  const unsubscribeLibrary = library.subscribe(() => {
    findCache.clear();
    try {
      refresh();
    } catch (error) {
      log('warn', `search: the library changed but cannot be indexed: ${(error as Error).message}`, 'index-refresh-failed');
    }
  });
  const unsubscribeNotes = options.notes?.subscribe(() => {
    notesCache = null;
  });

  const notes = (): NoteForSearch[] => {
    if (!options.notes) return [];
    notesCache ??= options.notes.list();
    return notesCache;
  };

  function status(): IndexStatus {
    const hash = library.contentHash();
    const fresh = current?.contentHash === hash;
    const counts = { documents: current?.input.documents.length ?? 0, passages: current?.input.passages.length ?? 0 };
    if (fresh) return { state: 'ready', progress: 1, ...counts };
    if (job) return { state: 'building', progress, ...counts };
    return { state: 'missing', progress: 0, ...counts };
  }

  return {
    search(req) {
      refresh();
      const known = new Set(library.view().entries.map((e) => e.id));
      return respond({ query: req.query, limit: req.limit, index: current, notes: notes(), status: status(), knownDocIds: known });
    },
    findInDocument(req) {
      const loaded = library.load(req.docId);
      const key = `${loaded.entry.id}@${loaded.version}`;
      let prepared = findCache.get(key);
      if (!prepared) {
        prepared = prepareFindText(loaded.layout.text);
        if (findCache.size >= FIND_CACHE_SIZE) findCache.delete(findCache.keys().next().value!);
        findCache.set(key, prepared);
      }
      return findInText(prepared, req.query);
    },
    status() {
      refresh();
      return status();
    },
    async whenReady() {
      refresh();
      while (job) await job.done;
    },
    close() {
      closed = true;
      unsubscribeLibrary();
      unsubscribeNotes?.();
      job?.build.cancel();
      job = null;
    },
  };
}
