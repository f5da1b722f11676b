/**
 * Sanitised HTML → the block tree (src/document/types.ts).
 *
 * A walk over the DOM that keeps only what the model can express: headings,
 * paragraphs, quotes, list items with their depth, figures with captions,
 * and inline runs with emphasis, strong and link marks. Whitespace collapses
 * as a browser would render it; <br> becomes a newline inside the block.
 * Link hrefs are kept only for http(s) and mailto, resolved against the page;
 * images are returned as *pending* figures whose source the media step
 * (media.ts) stores locally or drops, so no block ever points to the network.
 */
import type { Block, Dir, Mark, Run } from '../document/types';
import { detectDir, parseDirAttribute, parseLangAttribute } from './direction';
import { keepableHref } from './url';

export interface PendingImage {
  /** Index of the figure block in `blocks`. */
  blockIndex: number;
  /** The image URL as the page gives it (absolute http(s) or data:). */
  url: string;
}

export interface BlocksResult {
  blocks: Block[];
  images: PendingImage[];
}

export interface BlockOptions {
  /** Base URL for relative links and images; absent for imports with no URL. */
  baseUrl?: string;
  /** The document's direction: blocks differing from it get their own. */
  docDir: Exclude<Dir, 'auto'>;
}

type Kind = 'paragraph' | 'quote' | 'list-item' | 'heading';

interface Context {
  quote: boolean;
  list: { ordered: boolean; depth: number } | null;
  lang: string | null;
  dir: Dir | null;
}

const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BODY']);
const EMPHASIS = new Set(['EM', 'I', 'CITE']);
const STRONG = new Set(['STRONG', 'B']);
const MAX_LIST_DEPTH = 16;

export function htmlToBlocks(root: Element, options: BlockOptions): BlocksResult {
  const blocks: Block[] = [];
  const images: PendingImage[] = [];
  let runs: Run[] = [];
  let pendingKind: { kind: Kind; level?: 1 | 2 | 3 | 4 | 5 | 6; ctx: Context } | null = null;

  const addText = (text: string, marks: Mark[], pre: boolean) => {
    const value = pre ? text : text.replace(/[\t\n\f\r ]+/g, ' ');
    if (value === '') return;
    const last = runs[runs.length - 1];
    if (last && sameMarks(last.marks, marks)) last.text += value;
    else runs.push(marks.length ? { text: value, marks: [...marks] } : { text: value });
  };

  const flush = () => {
    const current = pendingKind;
    const trimmed = trimRuns(runs);
    runs = [];
    pendingKind = null;
    if (!current || trimmed.length === 0) return;
    const text = trimmed.map((r) => r.text).join('');
    if (text.trim() === '') return;
    const id = `b${blocks.length}`;
    const attrs = blockAttrs(current.ctx, text, options.docDir);
    switch (current.kind) {
      case 'heading':
        blocks.push({ id, type: 'heading', level: current.level ?? 2, ...attrs, runs: trimmed });
        break;
      case 'quote':
        blocks.push({ id, type: 'quote', ...attrs, runs: trimmed });
        break;
      case 'list-item':
        blocks.push({ id, type: 'list-item', ordered: current.ctx.list?.ordered ?? false, depth: Math.min(current.ctx.list?.depth ?? 0, MAX_LIST_DEPTH), ...attrs, runs: trimmed });
        break;
      default:
        blocks.push({ id, type: 'paragraph', ...attrs, runs: trimmed });
    }
  };

  const startInline = (ctx: Context) => {
    if (!pendingKind) pendingKind = { kind: ctx.list ? 'list-item' : ctx.quote ? 'quote' : 'paragraph', ctx };
  };

  const addFigure = (img: Element, caption: Element | null, ctx: Context) => {
    flush();
    const captionRuns: Run[] = [];
    if (caption) {
      const saved = runs;
      runs = captionRuns;
      walkInline(caption, [], ctx, false);
      runs = saved;
    }
    const trimmed = trimRuns(captionRuns);
    const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    const id = `b${blocks.length}`;
    const text = trimmed.map((r) => r.text).join('') || alt;
    const src = imageSource(img, options.baseUrl);
    // An image with nothing to show (no usable source, no alt, no caption) is a tracking pixel or decoration.
    if (!src && text === '') return;
    blocks.push({ id, type: 'figure', alt, ...blockAttrs(ctx, text, options.docDir), runs: trimmed });
    if (src) images.push({ blockIndex: blocks.length - 1, url: src });
  };

  function walkInline(node: Node, marks: Mark[], ctx: Context, pre: boolean): void {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        addText(child.nodeValue ?? '', marks, pre);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'BR') addText('\n', marks, true);
      else if (tag === 'IMG') continue; // images inside captions or headings are decoration
      else {
        const added = inlineMark(el, options.baseUrl);
        walkInline(el, added ? withMark(marks, added) : marks, ctx, pre || tag === 'PRE');
      }
    }
  }

  function walkFlow(node: Element, marks: Mark[], ctx: Context, pre: boolean): void {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (!pendingKind && text.trim() === '') continue;
        startInline(ctx);
        addText(text, marks, pre);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      const inner = scoped(el, ctx);
      if (tag in HEADINGS) {
        flush();
        pendingKind = { kind: 'heading', level: HEADINGS[tag]!, ctx: inner };
        walkInline(el, [], inner, false);
        flush();
      } else if (tag === 'IMG') {
        addFigure(el, null, inner);
      } else if (tag === 'FIGURE') {
        const img = el.querySelector('img');
        const caption = el.querySelector('figcaption');
        if (img) addFigure(img, caption, inner);
        else {
          flush();
          walkFlow(el, marks, inner, pre);
          flush();
        }
      } else if (tag === 'BLOCKQUOTE') {
        flush();
        walkFlow(el, marks, { ...inner, quote: true }, pre);
        flush();
      } else if (tag === 'UL' || tag === 'OL') {
        flush();
        const depth = ctx.list ? ctx.list.depth + 1 : 0;
        for (const item of Array.from(el.children)) {
          const itemCtx = { ...scoped(item, inner), list: { ordered: tag === 'OL', depth } };
          if (item.tagName.toUpperCase() === 'LI') {
            walkFlow(item, marks, itemCtx, pre);
            flush();
          } else walkFlow(item, marks, { ...itemCtx }, pre);
        }
        flush();
      } else if (tag === 'HR') {
        flush();
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        // A list item's text continues after a nested block only as a new item of the same depth.
        walkFlow(el, marks, inner, pre || tag === 'PRE');
        flush();
      } else if (tag === 'BR') {
        startInline(ctx);
        addText('\n', marks, true);
      } else {
        // Inline element in flow content: continue the current block.
        const added = inlineMark(el, options.baseUrl);
        if (hasImage(el)) {
          // Rare: an image inside a link or span. Treat its content as flow so the image becomes a figure.
          walkFlow(el, added ? withMark(marks, added) : marks, inner, pre);
        } else {
          startInline(inner);
          walkInline(el, added ? withMark(marks, added) : marks, inner, pre);
        }
      }
    }
  }

  walkFlow(root, [], scoped(root, { quote: false, list: null, lang: null, dir: null }), false);
  flush();
  return { blocks, images };
}

/** Whether an element holds an <img> (a plain walk: jsdom's selector engine is slow when called per element). */
function hasImage(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName.toUpperCase() === 'IMG' || hasImage(child)) return true;
  }
  return false;
}

function scoped(el: Element, ctx: Context): Context {
  const lang = parseLangAttribute(el.getAttribute('lang'));
  const dir = parseDirAttribute(el.getAttribute('dir'));
  if (!lang && !dir) return ctx;
  return { ...ctx, lang: lang ?? ctx.lang, dir: dir ?? ctx.dir };
}

function blockAttrs(ctx: Context, text: string, docDir: Exclude<Dir, 'auto'>): { lang?: string; dir?: Dir } {
  const out: { lang?: string; dir?: Dir } = {};
  if (ctx.lang) out.lang = ctx.lang;
  if (ctx.dir && ctx.dir !== 'auto') out.dir = ctx.dir;
  else {
    const detected = detectDir(text);
    if (detected && detected !== docDir) out.dir = detected;
  }
  return out;
}

function inlineMark(el: Element, baseUrl: string | undefined): Mark | null {
  const tag = el.tagName.toUpperCase();
  if (EMPHASIS.has(tag)) return { type: 'emphasis' };
  if (STRONG.has(tag)) return { type: 'strong' };
  if (tag === 'A') {
    const href = el.getAttribute('href');
    const kept = href ? keepableHref(href, baseUrl) : null;
    return kept ? { type: 'link', href: kept } : null;
  }
  return null;
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  if (marks.some((m) => m.type === mark.type)) {
    // The inner link wins over an outer one; emphasis inside emphasis is still emphasis.
    return mark.type === 'link' ? [...marks.filter((m) => m.type !== 'link'), mark] : marks;
  }
  return [...marks, mark];
}

function sameMarks(a: Mark[] | undefined, b: Mark[]): boolean {
  const x = a ?? [];
  if (x.length !== b.length) return false;
  return x.every((m, i) => JSON.stringify(m) === JSON.stringify(b[i]));
}

/** Trims the whitespace at both ends of a block (and a lone newline from a trailing <br>), dropping runs left empty. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && (out[0]!.text = out[0]!.text.replace(/^\s+/, '')) === '') out.shift();
  while (out.length && (out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '')) === '') out.pop();
  for (const run of out) run.text = run.text.replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n');
  return out.filter((r) => r.text !== '');
}

/** The image URL to store: src, else a lazy-loading data-src Readability left, resolved and limited to http(s) and raster data:. */
function imageSource(img: Element, baseUrl: string | undefined): string | null {
  const src = (img.getAttribute('src') ?? '').trim();
  if (src === '') return null;
  if (/^data:/i.test(src)) return /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/i.test(src) ? src : null;
  try {
    const url = baseUrl ? new URL(src, baseUrl) : new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
