/**
 * The body of the index file (everything after the header line), written and
 * read in a layout chosen for load time at 25k+ passages (docs/SEARCH.md):
 *   line 2  JSON: documents, passages as columns (doc, start and language as
 *           base64 varints, block ids as strings), term record offsets,
 *           field lengths and passage text byte lengths (base64 varints);
 *   line 3  the sorted terms, tab-separated (a term never holds whitespace);
 *   line 4  the postings bytes (postings.ts), base64;
 *   line 5  the passage texts, a JSON array decoded per passage when used
 *           (passage-texts.ts).
 * Only line 2 goes through JSON.parse; it holds no per-passage objects.
 * Numbers as varints in base64 because JSON.parse of hundreds of thousands
 * of numbers, or of one object per passage, was most of a Lunr index's load.
 */
import type { IndexedDocument, IndexInput } from './passages';
import { writeVarint, type Postings } from './postings';
import { storedPassages, writeTexts } from './passage-texts';

export function varintBase64(values: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) writeVarint(bytes, values[i]!);
  return Buffer.from(bytes).toString('base64');
}

export function varintsOf(value: unknown, what: string): Uint32Array {
  if (typeof value !== 'string') throw new Error(`${what} are missing`);
  const bytes = Buffer.from(value, 'base64');
  const out = new Uint32Array(bytes.length);
  let count = 0;
  let n = 0;
  let scale = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    n += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      out[count++] = n;
      n = 0;
      scale = 1;
    } else scale *= 128;
  }
  if (scale !== 1) throw new Error(`${what} are truncated`);
  return out.slice(0, count);
}

function deltas(values: Uint32Array): Uint32Array {
  const out = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! - (i > 0 ? values[i - 1]! : 0);
  return out;
}

export function encodeBody(input: IndexInput, p: Postings): string {
  const langs = [...new Set(input.passages.map((x) => x.lang))];
  const texts = writeTexts(input.passages.map((x) => x.text));
  const body = {
    documents: input.documents,
    passages: {
      doc: varintBase64(input.passages.map((x) => x.doc)),
      start: varintBase64(input.passages.map((x) => x.start)),
      langs,
      lang: varintBase64(input.passages.map((x) => langs.indexOf(x.lang))),
      blockId: input.passages.map((x) => x.blockId),
    },
    offsets: varintBase64(deltas(p.offsets)),
    textLengths: varintBase64(p.textLengths),
    titleLengths: varintBase64(p.titleLengths),
    textBytes: varintBase64(texts.byteLengths),
  };
  const postings = Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).toString('base64');
  return `${JSON.stringify(body)}\n${p.terms.join('\t')}\n${postings}\n${texts.line}`;
}

function isDocument(d: unknown): d is IndexedDocument {
  const x = d as IndexedDocument;
  return typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.title === 'string' && (x.publisher === undefined || typeof x.publisher === 'string');
}

/** Line boundaries [start, end) of lines 2-5 in `bytes`, from `from` (just after the header). */
function linesOf(bytes: Buffer, from: number): [number, number][] {
  const lines: [number, number][] = [];
  let start = from;
  for (let i = 0; i < 3; i++) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break;
    lines.push([start, end]);
    start = end + 1;
  }
  lines.push([start, bytes.length]);
  return lines;
}

const MISSING = ['', 'the term list is missing', 'the postings are missing', 'the passage texts are missing'];

/** Decodes lines 2-5; throws an Error naming what is malformed. */
export function decodeBody(bytes: Buffer, from: number): { input: IndexInput; postings: Postings } {
  const lines = linesOf(bytes, from);
  if (lines.length < 4) throw new Error(MISSING[lines.length]);
  const [bodyLine, termsLine, postingsLine, textsLine] = lines as [[number, number], [number, number], [number, number], [number, number]];
  const body = JSON.parse(bytes.toString('utf8', ...bodyLine)) as Record<string, unknown>;
  const { documents } = body;
  if (!Array.isArray(documents) || !documents.every(isDocument)) throw new Error('documents are malformed');
  const columns = body.passages as Record<string, unknown> | null;
  if (typeof columns !== 'object' || columns === null) throw new Error('passages are malformed');
  const doc = varintsOf(columns.doc, 'passage documents');
  const start = varintsOf(columns.start, 'passage offsets');
  const lang = varintsOf(columns.lang, 'passage languages');
  const { langs, blockId } = columns;
  const n = doc.length;
  if (
    !Array.isArray(langs) || !langs.every((l) => typeof l === 'string') ||
    !Array.isArray(blockId) || !blockId.every((b) => typeof b === 'string') ||
    start.length !== n || lang.length !== n || blockId.length !== n ||
    doc.some((d) => d >= documents.length) || lang.some((l) => l >= langs.length)
  ) {
    throw new Error('passages are malformed');
  }

  const terms = termsLine[1] > termsLine[0] ? bytes.toString('utf8', ...termsLine).split('\t') : [];
  for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) throw new Error('the term list is malformed');
  const raw = Buffer.from(bytes.toString('latin1', ...postingsLine), 'base64');
  const data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const offsets = varintsOf(body.offsets, 'term offsets');
  for (let i = 1; i < offsets.length; i++) offsets[i] = offsets[i]! + offsets[i - 1]!;
  if (offsets.length !== terms.length + 1 || offsets[terms.length] !== data.length) throw new Error('the term offsets do not fit the postings');
  const textLengths = varintsOf(body.textLengths, 'passage lengths');
  const titleLengths = varintsOf(body.titleLengths, 'title lengths');
  if (textLengths.length !== n || titleLengths.length !== documents.length) throw new Error('the field lengths do not fit the passages');

  const passages = storedPassages({ doc, start, lang, langs: langs as string[], blockId: blockId as string[] }, bytes, textsLine, varintsOf(body.textBytes, 'passage text lengths'));
  return { input: { documents, passages }, postings: { terms, data, offsets, textLengths, titleLengths } };
}
