/**
 * A plain-text file → blocks. Files in the scraper's format (a first line
 * starting `date YYYY-MM-DD`, like the seed article) go through the archive's
 * own importer (src/archive/seed-format.ts), so an imported copy of such a
 * file reads exactly like the bundled article; anything else becomes one
 * paragraph per blank-line-separated chunk, hard-wrapped lines joined.
 */
import { parseSeedText, looksLikeSeedFormat, SeedFormatError } from '../archive/seed-format';
import { DOCUMENT_FORMAT_VERSION, type Block, type DaftarDocument, type Dir } from '../document/types';
import { DOCUMENT_LIMITS } from '../document/validate';
import { detectDir, guessLang } from './direction';
import { CaptureError } from './errors';

export interface TextDocument {
  document: Omit<DaftarDocument, 'id'>;
  /** A title taken from the text, when it has an obvious one. */
  title?: string;
  published?: string;
  format: 'seed' | 'plain';
}

export function textToDocument(text: string, where: string): TextDocument {
  if (text.includes('\0')) throw new CaptureError('unsupported', `${where} holds NUL bytes: it is binary, or text in UTF-16 without a byte-order mark`, 'binary-file');
  if (looksLikeSeedFormat(text)) {
    try {
      const parsed = parseSeedText(text);
      return { document: parsed.document, published: parsed.date, format: 'seed' };
    } catch (error) {
      if (error instanceof SeedFormatError) throw new CaptureError('bad-request', `${where}: ${error.message}`);
      throw error;
    }
  }
  const chunks = text
    .replace(/\uFEFF/g, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.split('\n').map((line) => line.trim()).filter(Boolean).join(' '))
    .filter((chunk) => chunk !== '');
  if (chunks.length === 0 || !/\p{L}/u.test(chunks.join(''))) throw new CaptureError('unsupported', `${where} has no readable text`, 'no-readable-text');
  if (chunks.length > DOCUMENT_LIMITS.maxBlocks) throw new CaptureError('too-large', `${where} has ${chunks.length} paragraphs; a document holds at most ${DOCUMENT_LIMITS.maxBlocks}`);
  const all = chunks.join(' ');
  const dir: Exclude<Dir, 'auto'> = detectDir(all) ?? 'ltr';
  const blocks: Block[] = chunks.map((chunk, i) => {
    const own = detectDir(chunk);
    return { id: `b${i}`, type: 'paragraph', ...(own && own !== dir ? { dir: own } : {}), runs: [{ text: chunk }] };
  });
  const first = chunks[0]!;
  const out: TextDocument = { document: { type: 'document', version: DOCUMENT_FORMAT_VERSION, lang: guessLang(all), dir, blocks }, format: 'plain' };
  if (first.length <= 120 && chunks.length > 1) out.title = first;
  return out;
}
