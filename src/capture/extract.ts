/**
 * An untrusted HTML page → a readable, sanitised document.
 *
 * 1. jsdom parses the page with scripts off and no resource loading (its
 *    defaults; a silent virtual console keeps page CSS errors out of logs).
 * 2. @mozilla/readability finds the article and drops navigation, ads and
 *    comments. It runs on the unsanitised DOM because it scores class names
 *    ("comment", "sidebar") that sanitising would remove — nothing runs there.
 * 3. DOMPurify sanitises the article HTML to an allowlist (sanitize.ts).
 * 4. html-blocks.ts walks it into blocks; the document is validated with
 *    parseDocument. Images come back pending: media.ts stores or drops them.
 * A page with no readable text is an error, not an empty document.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DOCUMENT_FORMAT_VERSION, blockText, type Block, type DaftarDocument, type Dir } from '../document/types';
import { DOCUMENT_LIMITS, parseDocument } from '../document/validate';
import { detectDir, guessLang, parseDirAttribute, parseLangAttribute } from './direction';
import { CaptureError } from './errors';
import { htmlToBlocks, type PendingImage } from './html-blocks';
import { declaredPageUrl, metaRefreshTarget } from './page-url';
import { sanitizeHtml } from './sanitize';
import { checkHtmlShape, SHAPE_LIMITS } from './shape-guard';

/** Fewer letters than this is not an article (an empty shell, "Loading…", a cookie wall). */
export const MIN_READABLE_LETTERS = 20;

export interface Extracted {
  document: Omit<DaftarDocument, 'id'>;
  title: string;
  author?: string;
  publisher?: string;
  /** YYYY-MM-DD when the page says. */
  published?: string;
  images: PendingImage[];
  warnings: string[];
  /** For imported files: the address the page states it was saved from (never fetched). */
  declaredUrl?: string;
}

export interface ExtractOptions {
  /** The page's final URL: base for relative links and images. Absent for imported files. */
  url?: string;
  /** Shown in errors: the URL or the file name. */
  where: string;
  /** Title when the page has none (an imported file's base name). */
  fallbackTitle?: string;
}

export function extractHtml(html: string, options: ExtractOptions): Extracted {
  checkHtmlShape(html, options.where);
  // An imported file has no URL of its own; the one it declares (if any) resolves its relative links.
  const declared = options.url ? null : declaredPageUrl(html, new JSDOM(html.slice(0, 64 * 1024), { virtualConsole: new VirtualConsole() }).window.document);
  const base = options.url ?? declared ?? undefined;
  const dom = new JSDOM(html, { ...(base ? { url: base } : {}), contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const { document } = dom.window;
    const pageLang = parseLangAttribute(document.documentElement.getAttribute('lang')) ?? parseLangAttribute(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0]);
    const pageDir = parseDirAttribute(document.documentElement.getAttribute('dir')) ?? parseDirAttribute(document.body?.getAttribute('dir'));
    const pageTitle = (document.title ?? '').replace(/\s+/g, ' ').trim();
    const bodyHtml = document.body?.innerHTML ?? '';

    let article: ReturnType<Readability['parse']> = null;
    try {
      article = new Readability(document, { charThreshold: 200, maxElemsToParse: SHAPE_LIMITS.maxElements }).parse();
    } catch {
      article = null; // Readability throws on a few malformed trees; the whole body is the fallback.
    }
    const warnings: string[] = [];
    let contentHtml = article?.content ?? '';
    if (!article || (article.textContent ?? '').trim() === '') {
      contentHtml = bodyHtml;
      warnings.push('capture: no article found by the reader view; kept the whole page body');
    }

    const root = sanitizeHtml(contentHtml, dom.window as unknown as Window);
    const text = root.textContent ?? '';
    const dir: Exclude<Dir, 'auto'> = (pageDir && pageDir !== 'auto' ? pageDir : null) ?? detectDir(text) ?? 'ltr';
    const { blocks, images } = htmlToBlocks(root, { ...(base ? { baseUrl: base } : {}), docDir: dir });

    if (blocks.length > DOCUMENT_LIMITS.maxBlocks) throw new CaptureError('too-large', `${options.where} gives ${blocks.length} blocks of text; a document holds at most ${DOCUMENT_LIMITS.maxBlocks}`);
    const letters = blocks.reduce((n, b) => n + (blockText(b).match(/\p{L}/gu)?.length ?? 0), 0);
    if (letters < MIN_READABLE_LETTERS) {
      const refresh = metaRefreshTarget(document, base);
      const hint = refresh ? `; it sends readers on to ${refresh} with <meta http-equiv=refresh> — capture that address instead` : '';
      throw new CaptureError('unsupported', `${options.where} has no readable content (${letters} letters of text after removing scripts, navigation and other page chrome)${hint}`, 'no-readable-text');
    }

    const title = clean(article?.title) || pageTitle || options.fallbackTitle || firstHeading(blocks) || options.where;
    const withTitle = prependTitle(blocks, title, dir);
    const lang = parseLangAttribute(article?.lang) ?? pageLang ?? guessLang(text);
    const doc: Omit<DaftarDocument, 'id'> = { type: 'document', version: DOCUMENT_FORMAT_VERSION, lang, dir, blocks: withTitle.blocks };
    // Validated with a placeholder id: the library assigns the real one.
    parseDocument({ ...doc, id: 'validating' }, `capture: ${options.where}`);
    const shift = withTitle.shift;
    const out: Extracted = { document: doc, title, images: images.map((i) => ({ ...i, blockIndex: i.blockIndex + shift })), warnings };
    const author = clean(article?.byline);
    if (author) out.author = author;
    const publisher = clean(article?.siteName);
    if (publisher) out.publisher = publisher;
    const published = isoDate(article?.publishedTime);
    if (published) out.published = published;
    if (declared) out.declaredUrl = declared;
    return out;
  } finally {
    dom.window.close();
  }
}

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
}

function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

function firstHeading(blocks: Block[]): string {
  const heading = blocks.find((b) => b.type === 'heading');
  return heading ? blockText(heading).slice(0, 200) : '';
}

/** Readability takes the title out of the content; put it back as the first heading so the reader shows it. */
function prependTitle(blocks: Block[], title: string, docDir: Exclude<Dir, 'auto'>): { blocks: Block[]; shift: number } {
  const first = blocks[0];
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (first && first.type === 'heading' && norm(blockText(first)) === norm(title)) return { blocks, shift: 0 };
  const detected = detectDir(title);
  const heading: Block = { id: 'title', type: 'heading', level: 1, ...(detected && detected !== docDir ? { dir: detected } : {}), runs: [{ text: title }] };
  return { blocks: renumber([heading, ...blocks]), shift: 1 };
}

function renumber(blocks: Block[]): Block[] {
  return blocks.map((b, i) => ({ ...b, id: `b${i}` }));
}
