/**
 * What the index is built from: one passage per block of every document that
 * has text, with the facts a hit needs (document, block, language, where the
 * block starts in the document text). Plain data, so it crosses the worker
 * boundary as is and is stored inside the serialised index, which keeps an old
 * index self-consistent while a new one is built (its texts and offsets are the
 * ones it indexed, even if the library changed since).
 */
import type { LoadedDocument } from '../api/context';
import { blockText } from '../document/types';

export interface IndexedDocument {
  id: string;
  title: string;
  publisher?: string;
}

export interface Passage {
  /** Index into `IndexInput.documents`. */
  doc: number;
  blockId: string;
  /** BCP 47 tag of the block (or its document). */
  lang: string;
  /** Offset of the block in its document's text. */
  start: number;
  text: string;
}

export interface IndexInput {
  documents: IndexedDocument[];
  passages: Passage[];
}

/** Blocks without a letter or digit (a lone dash, an empty caption) are not passages. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

export function indexInputOf(documents: readonly LoadedDocument[]): IndexInput {
  const input: IndexInput = { documents: [], passages: [] };
  for (const loaded of documents) {
    const doc = input.documents.length;
    const { entry, document, layout } = loaded;
    input.documents.push(entry.publisher ? { id: entry.id, title: entry.title, publisher: entry.publisher } : { id: entry.id, title: entry.title });
    document.blocks.forEach((block, i) => {
      const text = blockText(block);
      if (!SEARCHABLE.test(text)) return;
      input.passages.push({ doc, blockId: block.id, lang: block.lang ?? document.lang ?? entry.lang, start: layout.blocks[i]!.start, text });
    });
  }
  return input;
}

/** The primary language subtag, lowercased: `ar-EG` → `ar`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
