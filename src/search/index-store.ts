/**
 * The serialised index: a versioned, hash-stamped file that is rebuilt rather
 * than trusted when anything about it is off.
 *
 * Layout (`search-index.jsonl`, two JSON lines):
 *   line 1, the header: { format, version, contentHash, lunrVersion, passages, documents }
 *   line 2, the body:   { documents, passages, lunr: lunr.Index#toJSON() }
 * The header is read alone first, so a stale or foreign index is rejected
 * without parsing the (large) body.
 *
 * Outcomes are values, not exceptions: a missing, corrupt, old-format or stale
 * index is an expected state that the caller answers by rebuilding (and says
 * so in IndexStatus); it is never used silently.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lunr from 'lunr';
import { INDEX_FUNCTION_LABEL, QUERY_FUNCTION_LABEL } from './pipeline';
import type { SearchIndex } from './build';
import type { IndexInput, IndexedDocument, Passage } from './passages';

export const INDEX_FORMAT = 'daftar-search-index';
/**
 * Bump when the file layout OR anything that changes keys (normalisation,
 * stemming, tokenizer) changes. 2: flat positions (build.ts compactPositions).
 */
export const INDEX_FORMAT_VERSION = 2;
export const INDEX_FILE_NAME = 'search-index.jsonl';

export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  version: number;
  contentHash: string;
  lunrVersion: string;
  documents: number;
  passages: number;
}

export type LoadOutcome =
  | { ok: true; index: SearchIndex; header: IndexHeader }
  | { ok: false; reason: 'missing' | 'corrupt' | 'format' | 'stale'; message: string; header?: IndexHeader };

export function serializeIndex(index: SearchIndex): string {
  const header: IndexHeader = {
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    contentHash: index.contentHash,
    lunrVersion: lunr.version,
    documents: index.input.documents.length,
    passages: index.input.passages.length,
  };
  const body = { documents: index.input.documents, passages: index.input.passages, lunr: index.lunr.toJSON() };
  return `${JSON.stringify(header)}\n${JSON.stringify(body)}`;
}

export function parseHeader(line: string): IndexHeader | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'the header is not JSON';
  }
  const h = value as Partial<IndexHeader> | null;
  if (typeof h !== 'object' || h === null || h.format !== INDEX_FORMAT) return 'not a Daftar search index';
  if (typeof h.version !== 'number' || typeof h.contentHash !== 'string' || typeof h.lunrVersion !== 'string') return 'the header is incomplete';
  return h as IndexHeader;
}

function checkHeader(header: IndexHeader, expectedHash: string | undefined): LoadOutcome | null {
  if (header.version !== INDEX_FORMAT_VERSION) {
    return { ok: false, reason: 'format', header, message: `search: index format ${header.version}, this version of Daftar reads ${INDEX_FORMAT_VERSION}` };
  }
  if (header.lunrVersion !== lunr.version) {
    return { ok: false, reason: 'format', header, message: `search: index built with lunr ${header.lunrVersion}, this build has ${lunr.version}` };
  }
  if (expectedHash !== undefined && header.contentHash !== expectedHash) {
    return { ok: false, reason: 'stale', header, message: 'search: the index was built for other content than the library holds now' };
  }
  return null;
}

function isPassage(p: unknown, documents: number): p is Passage {
  const x = p as Passage;
  return (
    typeof x === 'object' && x !== null && Number.isInteger(x.doc) && x.doc >= 0 && x.doc < documents &&
    typeof x.blockId === 'string' && typeof x.lang === 'string' && Number.isInteger(x.start) && typeof x.text === 'string'
  );
}

function isDocument(d: unknown): d is IndexedDocument {
  const x = d as IndexedDocument;
  return typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.title === 'string' && (x.publisher === undefined || typeof x.publisher === 'string');
}

/** Parses a serialised index; `expectedHash` (the library's contentHash) makes a stale index an outcome, not a result. */
export function parseIndex(serialised: string, expectedHash?: string): LoadOutcome {
  const newline = serialised.indexOf('\n');
  if (newline < 0) return { ok: false, reason: 'corrupt', message: 'search: the index file has no body' };
  const header = parseHeader(serialised.slice(0, newline));
  if (typeof header === 'string') return { ok: false, reason: 'corrupt', message: `search: ${header}` };
  const problem = checkHeader(header, expectedHash);
  if (problem) return problem;
  try {
    const body = JSON.parse(serialised.slice(newline + 1)) as { documents?: unknown; passages?: unknown; lunr?: unknown };
    const { documents, passages } = body;
    if (!Array.isArray(documents) || !documents.every(isDocument)) throw new Error('documents are malformed');
    if (!Array.isArray(passages) || !passages.every((p) => isPassage(p, documents.length))) throw new Error('passages are malformed');
    if (typeof body.lunr !== 'object' || body.lunr === null) throw new Error('the lunr index is missing');
    const pipeline = (body.lunr as { pipeline?: unknown }).pipeline;
    if (!Array.isArray(pipeline) || pipeline.join() !== QUERY_FUNCTION_LABEL) throw new Error(`the index was built with another pipeline (${String(pipeline)})`);
    const input: IndexInput = { documents, passages };
    const index = lunr.Index.load(body.lunr as object);
    return { ok: true, header, index: { lunr: index, input, contentHash: header.contentHash } };
  } catch (error) {
    return { ok: false, reason: 'corrupt', header, message: `search: the index file is damaged: ${(error as Error).message}` };
  }
}

/** Reads only the header line of an index file (null when missing or unreadable). */
export function readIndexHeader(file: string): IndexHeader | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, n).toString('utf8');
    const newline = text.indexOf('\n');
    const header = parseHeader(newline < 0 ? text : text.slice(0, newline));
    return typeof header === 'string' ? null : header;
  } finally {
    closeSync(fd);
  }
}

export function readIndexFile(file: string, expectedHash?: string): LoadOutcome {
  const header = readIndexHeader(file);
  if (header) {
    const problem = checkHeader(header, expectedHash);
    if (problem) return problem;
  }
  let serialised: string;
  try {
    serialised = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'missing' : 'corrupt', message: `search: cannot read ${file}: ${code ?? (error as Error).message}` };
  }
  return parseIndex(serialised, expectedHash);
}

/** Writes atomically (temporary file + rename): a crash leaves the old index or the new one, never half of one. */
export function writeIndexFile(file: string, serialised: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${INDEX_FILE_NAME}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, serialised);
    renameSync(tmp, file);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}
