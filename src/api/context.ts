/**
 * What the parts of the service share: where things live, the library of
 * loaded documents, and injected effects (clock, logger). Each area of the
 * service (library, search, notes, capture) is built from this context, so the
 * areas never import each other's internals.
 */
import type { DaftarDocument } from '../document/types';
import type { DocumentLayout } from '../document/text';
import type { Citation, DocumentStatus, LibraryEntry, LibraryResult, LibraryView, Provenance } from './contract';

export interface Paths {
  /** The read-only archive shipped with the app (assets/archive, or resources/archive when packaged). */
  bundledArchive: string;
  /** Where captures and imports go: `<dataDir>/archive`. */
  userArchive: string;
  /** The user's data folder: database, settings, user archive. */
  dataDir: string;
}

export interface LoadedDocument {
  entry: LibraryEntry;
  document: DaftarDocument;
  version: string;
  layout: DocumentLayout;
  citations: Citation[];
}

/** A new version of a source, as capture or import produce it; the library stores it atomically. */
export interface NewVersion {
  /** Attach to this entry; absent: a new source with an id derived from the title. */
  sourceId?: string;
  document: Omit<DaftarDocument, 'id'>;
  meta: Pick<LibraryEntry, 'title' | 'publisher' | 'author' | 'url' | 'published' | 'lang' | 'dir'>;
  provenance: Omit<Provenance, 'sha256' | 'rawFile'>;
  raw: { bytes: Uint8Array; extension: 'html' | 'txt' | 'md' };
  /** Images to store under media/, referenced by the document's figure blocks. */
  media?: { name: string; bytes: Uint8Array }[];
}

export interface Library {
  result(): LibraryResult;
  /** The current view; throws ApiError('invalid-archive') when the archive did not load. */
  view(): LibraryView;
  /** A document with its text layout; throws ApiError('not-found') for unknown ids and entries with no text yet. */
  load(id: string, version?: string): LoadedDocument;
  /** Every entry that has text (current versions), article first. */
  documents(): LoadedDocument[];
  /** Content hash over everything searchable, for detecting a stale index. */
  contentHash(): string;
  addVersion(input: NewVersion): Promise<{ entry: LibraryEntry; version: string; previousVersion?: string }>;
  /** Reload from disk after the archive folder changed, or go back to the bundled archive. */
  reload(): LibraryResult;
  openBundled(): LibraryResult;
  /** Called after every change of the library (capture, import, reload). */
  subscribe(listener: () => void): () => void;
}

export interface Logger {
  (level: 'info' | 'warn' | 'error', message: string, code?: string): void;
}

export interface ServiceContext {
  paths: Paths;
  library: Library;
  now(): Date;
  log: Logger;
  appVersion: string;
  transport: 'electron' | 'http';
  systemLocale: string;
}

export type { DocumentStatus };
