/**
 * Passage texts in the index file, read only when a passage is looked at.
 * They are half of the file and decoding them all (Arabic UTF-8 into JS
 * strings) was a third of the load time, while a query reads a few dozen:
 * the ones it shows, and phrase candidates. The texts stay in the index file
 * (rather than being taken from the library) so an old index keeps answering
 * with the texts it indexed while a new one is built.
 *
 * Layout: the file's third line is a JSON array of the texts; the body holds
 * the UTF-8 byte length of each array element (writeTexts). Loading checks
 * that the lengths add up to the line, and puts a caching `text` getter on
 * each passage that parses its element on first use.
 */
import type { Passage } from './passages';

/** The third line, and the byte length of each element's JSON literal. */
export function writeTexts(texts: readonly string[]): { line: string; byteLengths: Uint32Array } {
  const literals = texts.map((t) => JSON.stringify(t));
  const byteLengths = Uint32Array.from(literals, (l) => Buffer.byteLength(l));
  return { line: `[${literals.join(',')}]`, byteLengths };
}

/**
 * Gives each passage a lazy `text` read from `line` (bytes [start, end) of
 * `buffer`). Throws when the lengths do not fit the line.
 */
export function attachTexts(passages: Omit<Passage, 'text'>[], buffer: Buffer, start: number, end: number, byteLengths: Uint32Array): Passage[] {
  if (byteLengths.length !== passages.length) throw new Error('the passage texts do not fit the passages');
  const starts = new Float64Array(passages.length);
  let at = start + 1;
  for (let i = 0; i < byteLengths.length; i++) {
    starts[i] = at;
    at += byteLengths[i]! + 1;
  }
  const expectedEnd = passages.length === 0 ? start + 2 : at;
  if (buffer[start] !== 0x5b || expectedEnd !== end || buffer[end - 1] !== 0x5d) throw new Error('the passage texts are truncated or do not fit their lengths');
  passages.forEach((passage, i) => {
    let text: string | undefined;
    Object.defineProperty(passage, 'text', {
      enumerable: true,
      get() {
        if (text === undefined) {
          const value: unknown = JSON.parse(buffer.toString('utf8', starts[i]!, starts[i]! + byteLengths[i]!));
          if (typeof value !== 'string') throw new Error(`search: the index file is damaged: passage ${i} has no text`);
          text = value;
        }
        return text;
      },
    });
  });
  return passages as Passage[];
}
