/**
 * The one contract between the UI and everything else (docs/DESIGN.md §3).
 *
 * Plain JSON-safe types and nothing at runtime: the renderer imports this file
 * as types only. Two transports carry it, both validating requests with
 * schemas.ts: Electron IPC (main/ipc.ts + main/preload.ts) and the local HTTP
 * host (src/api/host/). The service (src/api/service.ts) implements it.
 *
 * Every method takes at most one argument (an object) and returns a promise of
 * a JSON value. Failures reject with an ApiError-shaped error whose `code` the
 * UI can act on and whose `message` a user can read.
 */
import type { DaftarDocument, Dir } from '../document/types';

// ---------------------------------------------------------------- errors

export type ApiErrorCode =
  | 'bad-request' // the call's arguments failed validation
  | 'not-found' // unknown document, annotation, source…
  | 'invalid-archive' // the archive on disk is corrupt or partial
  | 'conflict' // a concurrent change won; reload and retry
  | 'too-large' // input over a stated limit
  | 'unsupported' // not available in this transport or build
  | 'network' // capture failed to fetch
  | 'internal';

export interface ApiErrorShape {
  code: ApiErrorCode;
  /** The core's own sentence, naming the value at fault (English; logs and the CLI show it). */
  message: string;
  /**
   * A finer, stable reason the UI can word in the reader's language, with the
   * values it needs (a status, a host). Optional: not every error has one.
   */
  problem?: ErrorProblem;
}

export interface ErrorProblem {
  reason: string;
  params: Record<string, string | number>;
}

/** What a transport sends back: the value, or an error the client rethrows. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

// ---------------------------------------------------------------- library

export type DocumentStatus = 'captured' | 'not-captured' | 'unresolved';
export type DocumentKind = 'article' | 'source';

export interface Provenance {
  origin: 'bundled' | 'captured' | 'imported';
  /** ISO timestamp of the capture or import; the build time for bundled documents. */
  capturedAt: string;
  /** SHA-256 (hex) of the stored document JSON. */
  sha256: string;
  originalUrl?: string;
  finalUrl?: string;
  httpStatus?: number;
  contentType?: string;
  /** SHA-256 (hex) of the raw bytes as fetched or imported, kept beside the document. */
  rawSha256?: string;
  /** Archive-relative path of the raw file (`raw/<id>/<version>.html`). */
  rawFile?: string;
  /** Base name of an imported file, never a path. */
  fileName?: string;
}

export interface DocumentVersion {
  version: string;
  capturedAt: string;
  sha256: string;
  current: boolean;
}

/** A range of the article's text that cites a source. */
export interface Citation {
  docId: string;
  sourceId: string;
  start: number;
  end: number;
  quote: string;
}

export interface LibraryEntry {
  id: string;
  kind: DocumentKind;
  /** From sources.json: news-report, statement, social-post, organization, unresolved, related… */
  sourceKind?: string;
  title: string;
  publisher?: string;
  author?: string;
  url: string | null;
  /** YYYY-MM-DD */
  published?: string;
  lang: string;
  dir: Dir;
  status: DocumentStatus;
  /** How sure the facts are (title, url…), shown beside them. */
  confidence?: string;
  media?: string[];
  provenance?: Provenance;
  /** Where the entry's current document lives: the read-only bundled archive or the user's archive. */
  location: 'bundled' | 'user';
  versions: DocumentVersion[];
  /** SHA-256 of the document text the annotations anchor to (empty when not captured). */
  contentHash: string;
  /** The archive's title when the user has given the entry another one (`title` is then the user's). */
  originalTitle?: string;
}

export interface LibraryView {
  archive: { id: string; title: string; path: string };
  articleId: string;
  entries: LibraryEntry[];
  citations: Citation[];
}

export interface ArchiveProblem {
  /** Archive-relative file that is wrong, e.g. `documents/x.json`. */
  file: string;
  problem: string;
}

export type LibraryResult =
  | { state: 'ok'; library: LibraryView }
  | { state: 'error'; error: ArchiveProblem; archivePath: string; canOpenBundled: boolean };

export interface DocumentView {
  entry: LibraryEntry;
  document: DaftarDocument;
  version: string;
  /** Citations whose range is in this document. */
  citations: Citation[];
}

// ---------------------------------------------------------------- settings

export type Theme = 'light' | 'dark' | 'sepia';
export type UiLanguage = 'ar' | 'en';

export interface ReadingSettings {
  fontSize: number; // px, 14..32
  lineHeight: number; // 1.2..2.6
  theme: Theme;
  /** null: follow the system locale. */
  uiLanguage: UiLanguage | null;
}

export interface AppInfo {
  name: 'Daftar';
  version: string;
  transport: 'electron' | 'http';
  /** Locale of the system the app runs on, for the default UI language. */
  systemLocale: string;
  dataDir: string;
  archiveDir: string;
  /** Whether this transport may go to the network for an explicit capture. */
  canCapture: boolean;
  /** Things the user must be told once, e.g. a damaged notes database that was moved aside. */
  notices: AppNotice[];
}

export interface AppNotice {
  code: string;
  message: string;
  /** Where a file that was moved aside or copied now is, for recovery. */
  keptAt?: string;
}

// ---------------------------------------------------------------- search

export type Range = [start: number, end: number];

export interface SearchHit {
  kind: 'passage' | 'note';
  docId: string;
  docTitle: string;
  /** Block id for passages, annotation id for notes. */
  passageId: string;
  score: number;
  /** The whole passage (or note) text; `matches` index into it. */
  text: string;
  matches: Range[];
  /** Offset of the passage in the document text (0 for notes). */
  passageStart: number;
}

export interface SearchGroup {
  kind: 'document' | 'notes';
  docId: string;
  docTitle: string;
  count: number;
  hits: SearchHit[];
}

/** What is wrong with a query, so the UI can say it in the reader's language (`message` is the English). */
export type QueryProblemCode =
  | 'unclosed-quote'
  | 'bad-lang'
  | 'empty-source'
  | 'unknown-source'
  | 'lonely-minus'
  | 'empty-phrase'
  | 'star-without-word'
  | 'no-letters'
  | 'short-prefix'
  | 'star-on-phrase'
  | 'too-many-units'
  | 'filters-only'
  | 'too-many-matches';

export interface QueryProblem {
  code: QueryProblemCode;
  message: string;
  /** The values the message names (the bad value, a limit…), for translations. */
  params?: Record<string, string | number>;
  start: number;
  end: number;
}

export interface IndexStatus {
  state: 'ready' | 'building' | 'missing';
  /** 0..1 while building. */
  progress: number;
  documents: number;
  passages: number;
}

export interface SearchRequest {
  query: string;
  limit?: number;
}

export interface SearchResponse {
  query: string;
  /** 'all': every word required; 'any': nothing had them all, so any word matched (say so). */
  mode: 'all' | 'any';
  total: number;
  groups: SearchGroup[];
  problem?: QueryProblem;
  index: IndexStatus;
}

export interface FindRequest {
  docId: string;
  query: string;
}

export interface FindResponse {
  /** Offsets in the document text. */
  matches: Range[];
  problem?: QueryProblem;
}

// ---------------------------------------------------------------- annotations (W3C Web Annotation)

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** https://www.w3.org/TR/annotation-model/#text-position-selector */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export type Motivation = 'highlighting' | 'commenting' | 'tagging';

export interface Annotation {
  /** `urn:uuid:…` */
  id: string;
  created: string;
  modified: string;
  motivation: Motivation;
  body: { note: string; tags: string[] };
  target: { source: string; contentHash: string; selector: Selector[] };
  color: HighlightColor;
}

export type AnchorMethod = 'position' | 'quote' | 'normalized' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 for exact; lower for approximate matches. */
  score: number;
}

/** An annotation with where it lands in the current text; anchor null = orphan ("needs attention"). */
export interface AnchoredAnnotation extends Annotation {
  anchor: Anchor | null;
}

export interface CreateAnnotationRequest {
  docId: string;
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

export interface UpdateAnnotationRequest {
  id: string;
  note?: string;
  tags?: string[];
  color?: HighlightColor;
  /** Re-attach an orphan (or move a note) to new text of its document. */
  reattach?: { start: number; end: number };
  /** The `modified` the client last saw: a newer one in the store is a conflict. */
  expectedModified?: string;
}

export interface ExportRequest {
  format: 'jsonld' | 'md';
  docId?: string;
}

export interface ExportResponse {
  fileName: string;
  mimeType: string;
  content: string;
}

export interface ImportAnnotationsResponse {
  added: number;
  updated: number;
  unchanged: number;
  errors: { index: number; message: string }[];
}

// ---------------------------------------------------------------- capture and import

export interface CaptureRequest {
  url: string;
  /** Attach to this source of the library; absent: a new source. */
  sourceId?: string;
}

export interface ImportFileRequest {
  /** Base name only; used for the kind (.html, .htm, .txt, .md) and shown in provenance. */
  fileName: string;
  contentBase64: string;
  sourceId?: string;
}

export interface CaptureResponse {
  entry: LibraryEntry;
  version: string;
  warnings: string[];
  /** Notes re-anchored on the new version, and those left needing attention. */
  reanchored: { anchored: number; orphaned: number };
}

// ---------------------------------------------------------------- the contract

export interface DaftarApi {
  getAppInfo(): Promise<AppInfo>;
  getLibrary(): Promise<LibraryResult>;
  /** After an archive error: go back to the bundled archive. */
  openBundledArchive(): Promise<LibraryResult>;
  getDocument(req: { id: string; version?: string }): Promise<DocumentView>;

  /** The user's own title for an entry (titles in the archive may be guesses); null goes back to the archive's. */
  renameEntry(req: { id: string; title: string | null }): Promise<LibraryEntry>;

  getSettings(): Promise<ReadingSettings>;
  setSettings(req: Partial<ReadingSettings>): Promise<ReadingSettings>;

  search(req: SearchRequest): Promise<SearchResponse>;
  findInDocument(req: FindRequest): Promise<FindResponse>;
  getIndexStatus(): Promise<IndexStatus>;

  listAnnotations(req: { docId?: string }): Promise<AnchoredAnnotation[]>;
  createAnnotation(req: CreateAnnotationRequest): Promise<AnchoredAnnotation>;
  updateAnnotation(req: UpdateAnnotationRequest): Promise<AnchoredAnnotation>;
  /** Returns the deleted annotation (the before-image the UI keeps for undo). */
  deleteAnnotation(req: { id: string }): Promise<Annotation>;
  /**
   * Undo: puts a before-image back. Without `expectedModified` the record must
   * be absent (undo of a delete). With it, the record must be there at that
   * version and is replaced in one commit (undo of a re-attach, where the
   * before-image has no text to be attached to); another version is a conflict.
   */
  restoreAnnotation(req: { annotation: Annotation; expectedModified?: string }): Promise<AnchoredAnnotation>;
  exportAnnotations(req: ExportRequest): Promise<ExportResponse>;
  importAnnotations(req: { content: string }): Promise<ImportAnnotationsResponse>;

  captureSource(req: CaptureRequest): Promise<CaptureResponse>;
  importFile(req: ImportFileRequest): Promise<CaptureResponse>;

  /** Asks nothing itself: the UI asks the user first. Opens https: URLs only. */
  openExternal(req: { url: string }): Promise<{ opened: boolean }>;
}

export type MethodName = keyof DaftarApi;
export type RequestOf<M extends MethodName> = Parameters<DaftarApi[M]> extends [infer R, ...unknown[]] ? R : undefined;
export type ResponseOf<M extends MethodName> = Awaited<ReturnType<DaftarApi[M]>>;

export const METHOD_NAMES = [
  'getAppInfo',
  'getLibrary',
  'openBundledArchive',
  'getDocument',
  'renameEntry',
  'getSettings',
  'setSettings',
  'search',
  'findInDocument',
  'getIndexStatus',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'exportAnnotations',
  'importAnnotations',
  'captureSource',
  'importFile',
  'openExternal',
] as const satisfies readonly MethodName[];

/** IPC channel of a method; one per method so main can register one handler each. */
export function channelOf(method: MethodName): string {
  return `daftar:${method}`;
}

// A method added to DaftarApi but not to METHOD_NAMES fails to compile here.
type MissingMethods = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
export const METHOD_NAMES_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods = true;
