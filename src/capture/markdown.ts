/**
 * A small, careful Markdown → blocks converter for imported .md files.
 *
 * Supported: ATX and setext headings, paragraphs (soft breaks joined, hard
 * breaks kept as newlines), block quotes, bullet and numbered lists with
 * nesting by indentation, fenced and indented code (kept as plain text),
 * images on a line of their own (figures; only inlined data: images are
 * stored, a saved file's remote image is never fetched), and inline
 * emphasis, strong, code, links and autolinks. Raw HTML is never passed
 * through: script and style elements are dropped with their content and
 * every other tag is removed, keeping its text. Tables, footnotes and
 * reference-style links are read as plain text — a limit, not a goal.
 */
import { DOCUMENT_FORMAT_VERSION, type Block, type DaftarDocument, type Dir, type Mark, type Run } from '../document/types';
import { detectDir, guessLang } from './direction';
import { CaptureError } from './errors';
import type { PendingImage } from './html-blocks';
import { parseInline } from './markdown-inline';

export interface MarkdownDocument {
  document: Omit<DaftarDocument, 'id'>;
  title?: string;
  images: PendingImage[];
}

type Draft =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { type: 'paragraph' | 'quote'; text: string; verbatim?: boolean }
  | { type: 'list-item'; ordered: boolean; depth: number; text: string }
  | { type: 'figure'; alt: string; src: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const IMAGE_LINE = /^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)$/;

/** Removes raw HTML: script/style with their content, comments, then any tag. */
export function stripHtml(text: string): string {
  return text
    .replace(/<(script|style|iframe|object|embed|svg|math|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '');
}

function indentWidth(ws: string): number {
  let width = 0;
  for (const ch of ws) width += ch === '\t' ? 4 - (width % 4) : 1;
  return width;
}

function drafts(source: string): Draft[] {
  const lines = stripHtml(source.replace(/\uFEFF/g, '').replace(/\r\n?/g, '\n')).split('\n');
  const out: Draft[] = [];
  let para: string[] = [];
  let paraKind: 'paragraph' | 'quote' = 'paragraph';
  let item: Extract<Draft, { type: 'list-item' }> | null = null;
  const listIndents: number[] = [];

  const flush = () => {
    if (para.length) out.push({ type: paraKind, text: para.join('\n') });
    para = [];
    paraKind = 'paragraph';
    if (item) out.push(item);
    item = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const close = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`);
      const code: string[] = [];
      for (i++; i < lines.length && !close.test(lines[i]!); i++) code.push(lines[i]!);
      if (code.join('').trim()) out.push({ type: 'paragraph', text: code.join('\n'), verbatim: true });
      continue;
    }
    if (line.trim() === '') {
      flush();
      listIndents.length = 0;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      if (atx[2]?.trim()) out.push({ type: 'heading', level: atx[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, text: atx[2] });
      continue;
    }
    if (para.length && paraKind === 'paragraph' && !item && SETEXT.test(line)) {
      out.push({ type: 'heading', level: line.trim()[0] === '=' ? 1 : 2, text: para.join(' ') });
      para = [];
      continue;
    }
    if (THEMATIC.test(line)) {
      flush();
      continue;
    }
    const list = LIST.exec(line);
    if (list) {
      flush();
      const indent = indentWidth(list[1]!);
      while (listIndents.length && listIndents[listIndents.length - 1]! > indent) listIndents.pop();
      if (!listIndents.length || listIndents[listIndents.length - 1]! < indent) listIndents.push(indent);
      item = { type: 'list-item', ordered: /\d/.test(list[2]!), depth: Math.min(listIndents.length - 1, 16), text: list[3]! };
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      if (paraKind !== 'quote' || item) flush();
      paraKind = 'quote';
      if (quote[1]!.trim() === '') flush();
      else para.push(quote[1]!);
      continue;
    }
    const image = IMAGE_LINE.exec(line.trim());
    if (image && !item) {
      flush();
      out.push({ type: 'figure', alt: image[1]!.trim(), src: image[2]! });
      continue;
    }
    if (/^( {4}|\t)/.test(line) && !para.length && !item) {
      const code: string[] = [];
      for (; i < lines.length && (/^( {4}|\t)/.test(lines[i]!) || lines[i]!.trim() === ''); i++) code.push(lines[i]!.replace(/^( {4}|\t)/, ''));
      i--;
      out.push({ type: 'paragraph', text: code.join('\n').trim(), verbatim: true });
      continue;
    }
    if (item) item.text += `\n${line.trim()}`;
    else para.push(line);
  }
  flush();
  return out;
}

/** Joins soft line breaks with a space; a hard break (two spaces or a backslash at the end) stays a newline. */
function softBreaks(text: string): string {
  return text
    .split('\n')
    .map((line, i, all) => {
      if (i === all.length - 1) return line.trim();
      if (/( {2,}|\\)$/.test(line)) return `${line.replace(/( {2,}|\\)$/, '').trim()}\u2028`;
      return `${line.trim()} `;
    })
    .join('')
    .replace(/\u2028/g, '\n');
}

export function markdownToDocument(source: string, where: string): MarkdownDocument {
  if (source.includes('\0')) throw new CaptureError('unsupported', `${where} holds NUL bytes: it is binary, not Markdown`, 'binary-file');
  const list = drafts(source);
  const all = list.map((d) => (d.type === 'figure' ? d.alt : d.text)).join(' ');
  const dir: Exclude<Dir, 'auto'> = detectDir(all) ?? 'ltr';
  const blocks: Block[] = [];
  const images: PendingImage[] = [];
  for (const draft of list) {
    const id = `b${blocks.length}`;
    if (draft.type === 'figure') {
      blocks.push({ id, type: 'figure', alt: draft.alt, runs: [] });
      if (/^data:image\//i.test(draft.src)) images.push({ blockIndex: blocks.length - 1, url: draft.src });
      continue;
    }
    const runs: Run[] = 'verbatim' in draft && draft.verbatim ? [{ text: draft.text }] : parseInline(softBreaks(draft.text), [] as Mark[]);
    const text = runs.map((r) => r.text).join('');
    if (text.trim() === '') continue;
    const own = detectDir(text);
    const attrs = own && own !== dir ? { dir: own } : {};
    if (draft.type === 'heading') blocks.push({ id, type: 'heading', level: draft.level, ...attrs, runs });
    else if (draft.type === 'list-item') blocks.push({ id, type: 'list-item', ordered: draft.ordered, depth: draft.depth, ...attrs, runs });
    else blocks.push({ id, type: draft.type, ...attrs, runs });
  }
  if (!blocks.some((b) => b.runs.some((r) => /\p{L}/u.test(r.text)))) throw new CaptureError('unsupported', `${where} has no readable text`, 'no-readable-text');
  const heading = blocks.find((b) => b.type === 'heading');
  const out: MarkdownDocument = { document: { type: 'document', version: DOCUMENT_FORMAT_VERSION, lang: guessLang(all), dir, blocks }, images };
  if (heading) out.title = heading.runs.map((r) => r.text).join('').slice(0, 500);
  return out;
}
