/**
 * Passages of a loaded index, with their texts read only when looked at.
 * The texts are half of the index file and decoding them all (Arabic UTF-8
 * into JS strings) was a third of the load time, while a query reads a few
 * dozen: the ones it shows, and phrase candidates. They stay in the index
 * file (rather than being taken from the library) so an old index keeps
 * answering with the texts it indexed while a new one is built.
 *
 * Layout: the file's last line is a JSON array of the texts; the body holds
 * the UTF-8 byte length of each array element (writeTexts). Loading checks
 * that the lengths add up to the line; a passage's `text` getter parses its
 * element on first use and keeps it.
 */
import type { Passage } from './passages';

/** The texts line, and the byte length of each element's JSON literal. */
export function writeTexts(texts: readonly string[]): { line: string; byteLengths: Uint32Array } {
  const literals = texts.map((t) => JSON.stringify(t));
  const byteLengths = Uint32Array.from(literals, (l) => Buffer.byteLength(l));
  return { line: `[${literals.join(',')}]`, byteLengths };
}

class TextStore {
  private readonly cache: (string | undefined)[];
  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Float64Array,
    private readonly lengths: Uint32Array,
  ) {
    this.cache = new Array<string | undefined>(lengths.length);
  }

  text(ref: number): string {
    let text = this.cache[ref];
    if (text === undefined) {
      const value: unknown = JSON.parse(this.bytes.toString('utf8', this.starts[ref]!, this.starts[ref]! + this.lengths[ref]!));
      if (typeof value !== 'string') throw new Error(`search: the index file is damaged: passage ${ref} has no text`);
      text = value;
      this.cache[ref] = text;
    }
    return text;
  }
}

/** A passage of a loaded index: its fields as stored, `text` on demand. */
class StoredPassage implements Passage {
  constructor(
    readonly doc: number,
    readonly blockId: string,
    readonly lang: string,
    readonly start: number,
    private readonly store: TextStore,
    private readonly ref: number,
  ) {}

  get text(): string {
    return this.store.text(this.ref);
  }
}

export interface PassageColumns {
  doc: Uint32Array;
  start: Uint32Array;
  lang: Uint32Array;
  langs: string[];
  blockId: string[];
}

/** Passages over the texts line [start, end) of `bytes`; throws when the text lengths do not fit the line. */
export function storedPassages(columns: PassageColumns, bytes: Buffer, [start, end]: [number, number], byteLengths: Uint32Array): Passage[] {
  const n = columns.doc.length;
  if (byteLengths.length !== n) throw new Error('the passage texts do not fit the passages');
  const starts = new Float64Array(n);
  let at = start + 1;
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    at += byteLengths[i]! + 1;
  }
  const expectedEnd = n === 0 ? start + 2 : at;
  if (bytes[start] !== 0x5b || expectedEnd !== end || bytes[end - 1] !== 0x5d) throw new Error('the passage texts are truncated or do not fit their lengths');
  const store = new TextStore(bytes, starts, byteLengths);
  const passages: Passage[] = new Array(n);
  for (let i = 0; i < n; i++) passages[i] = new StoredPassage(columns.doc[i]!, columns.blockId[i]!, columns.langs[columns.lang[i]!]!, columns.start[i]!, store, i);
  return passages;
}
