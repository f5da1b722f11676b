/**
 * The service: the contract implemented over the core. It is assembled from
 * one part per area so each area owns its file:
 *   library  → src/api/parts/library.ts   (archive, documents, settings)
 *   search   → src/api/parts/search.ts    (index, queries, find in document)
 *   notes    → src/api/parts/notes.ts     (annotations store, export/import)
 *   capture  → src/api/parts/capture.ts   (capture URLs, import files)
 * Transports call `service[method](parsedRequest)` after validating with schemas.ts.
 */
import type { DaftarApi } from './contract';

export type LibraryPart = Pick<DaftarApi, 'getAppInfo' | 'getLibrary' | 'openBundledArchive' | 'getDocument' | 'renameEntry' | 'getSettings' | 'setSettings' | 'openExternal'>;
export type SearchPart = Pick<DaftarApi, 'search' | 'findInDocument' | 'getIndexStatus'>;
export type NotesPart = Pick<DaftarApi, 'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation' | 'exportAnnotations' | 'importAnnotations'>;
export type CapturePart = Pick<DaftarApi, 'captureSource' | 'importFile'>;

export interface Service extends DaftarApi {
  /** Releases the database, workers and timers; idempotent. */
  close(): Promise<void>;
}

export function composeService(parts: { library: LibraryPart; search: SearchPart; notes: NotesPart; capture: CapturePart }, close: () => Promise<void>): Service {
  let closed: Promise<void> | undefined;
  return {
    ...parts.library,
    ...parts.search,
    ...parts.notes,
    ...parts.capture,
    close: () => (closed ??= close()),
  };
}
