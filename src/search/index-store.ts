/**
 * The serialised index: a versioned, hash-stamped file that is rebuilt rather
 * than trusted when anything about it is off.
 *
 * Layout (`search-index.jsonl`): line 1, the header { format, version,
 * contentHash, passages, documents }; lines 2-5, the body (index-codec.ts).
 * The header is read alone first, so a stale or foreign index is rejected
 * without parsing the (large) body.
 *
 * Outcomes are values, not exceptions: a missing, corrupt, old-format or stale
 * index is an expected state that the caller answers by rebuilding (and says
 * so in IndexStatus); it is never used silently.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { completeIndex, type SearchIndex } from './build';
import { decodeBody, encodeBody } from './index-codec';

export const INDEX_FORMAT = 'daftar-search-index';
/**
 * Bump when the file layout OR anything that changes keys (normalisation,
 * stemming, tokenizer) changes. 2: flat positions in Lunr postings.
 * 3: Daftar's own varint postings, no positions, no Lunr (postings.ts);
 * prefix surfaces keep the unstripped word; small waw/yeh (U+06E5/6) dropped.
 */
export const INDEX_FORMAT_VERSION = 3;
export const INDEX_FILE_NAME = 'search-index.jsonl';

export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  version: number;
  contentHash: string;
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
    documents: index.input.documents.length,
    passages: index.input.passages.length,
  };
  return `${JSON.stringify(header)}\n${encodeBody(index.input, index.postings)}`;
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
  if (typeof h.version !== 'number' || typeof h.contentHash !== 'string') return 'the header is incomplete';
  return h as IndexHeader;
}

function checkHeader(header: IndexHeader, expectedHash: string | undefined): LoadOutcome | null {
  if (header.version !== INDEX_FORMAT_VERSION) {
    return { ok: false, reason: 'format', header, message: `search: index format ${header.version}, this version of Daftar reads ${INDEX_FORMAT_VERSION}` };
  }
  if (expectedHash !== undefined && header.contentHash !== expectedHash) {
    return { ok: false, reason: 'stale', header, message: 'search: the index was built for other content than the library holds now' };
  }
  return null;
}

/** Parses a serialised index; `expectedHash` (the library's contentHash) makes a stale index an outcome, not a result. */
export function parseIndex(serialised: string | Buffer, expectedHash?: string): LoadOutcome {
  // Bytes, not a string: the texts line is decoded passage by passage, when used.
  const bytes = typeof serialised === 'string' ? Buffer.from(serialised, 'utf8') : serialised;
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return { ok: false, reason: 'corrupt', message: 'search: the index file has no body' };
  const header = parseHeader(bytes.toString('utf8', 0, newline));
  if (typeof header === 'string') return { ok: false, reason: 'corrupt', message: `search: ${header}` };
  const problem = checkHeader(header, expectedHash);
  if (problem) return problem;
  try {
    const { input, postings } = decodeBody(bytes, newline + 1);
    return { ok: true, header, index: completeIndex(input, header.contentHash, postings) };
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
  let serialised: Buffer;
  try {
    serialised = readFileSync(file);
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
