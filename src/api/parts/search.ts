/**
 * The search part of the service: search, findInDocument and getIndexStatus
 * over the search engine (src/search/engine.ts). Validates requests with the
 * contract's schemas (a transport may already have; validating twice is
 * cheap and keeps the part safe to call directly, as the CLI does).
 *
 * Index files: the bundled index ships in `<bundledArchive>/index/`; rebuilt
 * indexes are cached in `<dataDir>/search/` (or `options.indexDir`).
 */
import { join } from 'node:path';
import type { ServiceContext } from '../context';
import type { SearchPart } from '../service';
import { parseRequest } from '../schemas';
import { createSearchEngine } from '../../search/engine';
import { ARCHIVE_INDEX_DIR } from '../../search/bundle-index';
import { INDEX_FILE_NAME } from '../../search/index-store';
import type { NotesSearchSource } from '../../search/notes-source';
import { defaultWorkerEntry, type WorkerEntry } from '../../search/worker-client';

export type { NotesSearchSource, NoteForSearch } from '../../search/notes-source';


export interface SearchPartOptions {
  notes?: NotesSearchSource;
  /** Where rebuilt indexes are cached; default `<dataDir>/search`. */
  indexDir?: string;
  /** Override the worker (tests); default: the bundled worker, or worker.ts through tsx. */
  worker?: WorkerEntry;
  /** Libraries up to this many passages are indexed in-process (see engine.ts). */
  inProcessLimit?: number;
}

export interface SearchPartExtras {
  /** Resolves once the index matches the library. */
  whenReady(): Promise<void>;
  /** Stops any build in progress; idempotent. */
  close(): Promise<void>;
}

export function bundledIndexFile(bundledArchive: string): string {
  return join(bundledArchive, ARCHIVE_INDEX_DIR, INDEX_FILE_NAME);
}

export function createSearchPart(ctx: ServiceContext, options: SearchPartOptions = {}): SearchPart & SearchPartExtras {
  const engine = createSearchEngine({
    library: ctx.library,
    log: ctx.log,
    bundledIndexFile: bundledIndexFile(ctx.paths.bundledArchive),
    cacheIndexFile: join(options.indexDir ?? join(ctx.paths.dataDir, 'search'), INDEX_FILE_NAME),
    notes: options.notes,
    worker: options.worker ?? defaultWorkerEntry(),
    inProcessLimit: options.inProcessLimit,
  });
  let closed: Promise<void> | undefined;
  return {
    async search(req) {
      return engine.search(parseRequest('search', req));
    },
    async findInDocument(req) {
      return engine.findInDocument(parseRequest('findInDocument', req));
    },
    async getIndexStatus() {
      return engine.status();
    },
    whenReady: () => engine.whenReady(),
    close: () => (closed ??= Promise.resolve().then(() => engine.close())),
  };
}
