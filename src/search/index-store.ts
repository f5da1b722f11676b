/**
 * The serialised index: a versioned, hash-stamped file that is rebuilt rather
 * than trusted when anything about it is off.
 *
 * Layout (`search-index.jsonl`, two JSON lines):
 *   line 1, the header: { format, version, contentHash, passages, documents }
 *   line 2, the body:   { documents, passages (without texts), terms,
 *                         postings, offsets, textLengths, titleLengths,
 *                         textBytes } (postings.ts; the byte arrays as
 *                         base64, offsets and lengths as base64 varints)
 *   line 3, the passage texts as a JSON array, read lazily (passage-texts.ts)
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
import { writeVarint, type Postings } from './postings';
import { attachTexts, writeTexts } from './passage-texts';
import type { IndexInput, IndexedDocument, Passage } from './passages';

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
  const p = index.postings;
  const texts = writeTexts(index.input.passages.map((passage) => passage.text));
  const body = {
    documents: index.input.documents,
    passages: index.input.passages.map(({ doc, blockId, lang, start }) => ({ doc, blockId, lang, start })),
    textBytes: varintBase64(texts.byteLengths),
    terms: p.terms,
    postings: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).toString('base64'),
    offsets: varintBase64(deltas(p.offsets)),
    textLengths: varintBase64(p.textLengths),
    titleLengths: varintBase64(p.titleLengths),
  };
  return `${JSON.stringify(header)}\n${JSON.stringify(body)}\n${texts.line}`;
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

function isPassage(p: unknown, documents: number): p is Passage {
  const x = p as Passage;
  return (
    typeof x === 'object' && x !== null && Number.isInteger(x.doc) && x.doc >= 0 && x.doc < documents &&
    typeof x.blockId === 'string' && typeof x.lang === 'string' && Number.isInteger(x.start)
  );
}

function isDocument(d: unknown): d is IndexedDocument {
  const x = d as IndexedDocument;
  return typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.title === 'string' && (x.publisher === undefined || typeof x.publisher === 'string');
}

function deltas(values: Uint32Array): Uint32Array {
  const out = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! - (i > 0 ? values[i - 1]! : 0);
  return out;
}

function varintBase64(values: Uint32Array): string {
  const bytes: number[] = [];
  for (const v of values) writeVarint(bytes, v);
  return Buffer.from(bytes).toString('base64');
}

function varintsOf(value: unknown, what: string): Uint32Array {
  if (typeof value !== 'string') throw new Error(`${what} are missing`);
  const bytes = Buffer.from(value, 'base64');
  const out: number[] = [];
  let n = 0;
  let scale = 1;
  for (const byte of bytes) {
    n += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      out.push(n);
      n = 0;
      scale = 1;
    } else scale *= 128;
  }
  if (scale !== 1) throw new Error(`${what} are truncated`);
  return Uint32Array.from(out);
}

/** The postings part of a body, checked for shape (sizes and order), not term by term. */
function postingsOf(body: Record<string, unknown>, documents: number, passages: number): Postings {
  const { terms } = body;
  if (!Array.isArray(terms) || !terms.every((t, i) => typeof t === 'string' && (i === 0 || terms[i - 1] < t))) throw new Error('the term list is malformed');
  if (typeof body.postings !== 'string') throw new Error('the postings are missing');
  const raw = Buffer.from(body.postings, 'base64');
  const data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const offsets = varintsOf(body.offsets, 'term offsets');
  for (let i = 1; i < offsets.length; i++) offsets[i] = offsets[i]! + offsets[i - 1]!;
  if (offsets.length !== terms.length + 1 || offsets[terms.length] !== data.length) throw new Error('the term offsets do not fit the postings');
  const textLengths = varintsOf(body.textLengths, 'passage lengths');
  const titleLengths = varintsOf(body.titleLengths, 'title lengths');
  if (textLengths.length !== passages || titleLengths.length !== documents) throw new Error('the field lengths do not fit the passages');
  return { terms: terms as string[], data, offsets, textLengths, titleLengths };
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
    const bodyEnd = bytes.indexOf(0x0a, newline + 1);
    const body = JSON.parse(bytes.toString('utf8', newline + 1, bodyEnd < 0 ? bytes.length : bodyEnd)) as Record<string, unknown>;
    const { documents, passages } = body;
    if (!Array.isArray(documents) || !documents.every(isDocument)) throw new Error('documents are malformed');
    if (!Array.isArray(passages) || !passages.every((p) => isPassage(p, documents.length))) throw new Error('passages are malformed');
    const postings = postingsOf(body, documents.length, passages.length);
    if (bodyEnd < 0) throw new Error('the passage texts are missing');
    const input: IndexInput = { documents, passages: attachTexts(passages, bytes, bodyEnd + 1, bytes.length, varintsOf(body.textBytes, 'passage text lengths')) };
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
