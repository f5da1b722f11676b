/**
 * The document model: a block tree whose text offsets are the only coordinate
 * system in Daftar (docs/DESIGN.md §1).
 *
 * A document is an ordered list of blocks; each block holds runs of plain text
 * with marks. Search matches, note selectors and citations all point into the
 * *text of the document* (see text.ts), never into the DOM.
 *
 * This file owns the persisted shapes and their type guards only; validation
 * lives in validate.ts, offsets in text.ts.
 */

/** Base direction of a block or document. `auto` lets the renderer decide from the first strong character. */
export type Dir = 'rtl' | 'ltr' | 'auto';

export type Mark =
  | { type: 'emphasis' }
  | { type: 'strong' }
  /** href is shown as text and opened only after the user confirms. */
  | { type: 'link'; href: string }
  /** A sentence of the article that cites a source of the archive. */
  | { type: 'citation'; sourceId: string };

export type MarkType = Mark['type'];

export interface Run {
  text: string;
  marks?: Mark[];
}

interface BlockBase {
  /** Stable within its document: `b0`, `b1`… for generated documents. */
  id: string;
  /** BCP 47 tag when the block's language differs from, or refines, the document's. */
  lang?: string;
  dir?: Dir;
  runs: Run[];
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
}

export interface QuoteBlock extends BlockBase {
  type: 'quote';
}

export interface ListItemBlock extends BlockBase {
  type: 'list-item';
  ordered: boolean;
  /** 0 for a top-level item. */
  depth: number;
}

/** An image stored inside the archive; the runs are its caption. */
export interface FigureBlock extends BlockBase {
  type: 'figure';
  /** Archive-relative path of the stored image (`media/<sha256>.<ext>`), or absent when the image was dropped. */
  src?: string;
  alt: string;
}

/** A post from a social network quoted inside a document; the runs are the post's text. */
export interface EmbedBlock extends BlockBase {
  type: 'embed';
  provider: 'x' | 'other';
  /** Display name, e.g. `No Azure for Apartheid`. */
  author?: string;
  /** Account handle without the `@`, e.g. `NoAz4Apartheid`. */
  handle?: string;
  /** ISO date (YYYY-MM-DD) of the post when known. */
  date?: string;
  url?: string;
  /** Links to the post's media, kept as text: never fetched while reading. */
  media: string[];
}

export type Block = HeadingBlock | ParagraphBlock | QuoteBlock | ListItemBlock | FigureBlock | EmbedBlock;
export type BlockType = Block['type'];

export const BLOCK_TYPES: readonly BlockType[] = ['heading', 'paragraph', 'quote', 'list-item', 'figure', 'embed'];

export const DOCUMENT_FORMAT_VERSION = 1;

/** What `documents/<id>.json` holds. */
export interface DaftarDocument {
  type: 'document';
  version: typeof DOCUMENT_FORMAT_VERSION;
  id: string;
  lang: string;
  dir: Dir;
  blocks: Block[];
}

export function isBlockType(value: unknown): value is BlockType {
  return typeof value === 'string' && (BLOCK_TYPES as readonly string[]).includes(value);
}

export function blockText(block: Pick<Block, 'runs'>): string {
  let text = '';
  for (const run of block.runs) text += run.text;
  return text;
}
