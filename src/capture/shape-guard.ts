/**
 * A cheap, linear look at an HTML string before any DOM is built.
 *
 * jsdom and Readability are not linear in the worst case: a few thousand
 * nested <div>s take minutes and then overflow the stack, and tens of
 * thousands of elements take tens of seconds. A hostile page can be all of
 * that within the 20 MB limit. This scan counts tags and estimates nesting
 * depth with one regex pass (skipping comments, script, style and the like),
 * and refuses a page past the limits with a clear 'too-large' error.
 *
 * The depth is an estimate: tags whose end tag HTML lets a page omit (p, li,
 * td…) and void tags (br, img…) are not counted, so a real page of sloppy
 * HTML is not refused; a hostile one that nests containers is.
 */
import { CaptureError } from './errors';

export const SHAPE_LIMITS = {
  /** Real articles nest a few dozen deep; 400 leaves a wide margin. */
  maxDepth: 400,
  /** Large news pages have 5–10 thousand elements. */
  maxElements: 40_000,
};

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'bgsound', 'frame', 'image']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|noscript|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/g;

export interface HtmlShape {
  elements: number;
  depth: number;
}

export function measureHtml(html: string): HtmlShape {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of html.matchAll(TOKEN)) {
    if (m[1]) {
      elements++;
      continue;
    }
    const name = m[3];
    if (!name) continue;
    const tag = name.toLowerCase();
    if (m[2] === '/') {
      if (!VOID.has(tag) && !OPTIONAL_END.has(tag) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (VOID.has(tag) || OPTIONAL_END.has(tag) || m[4] === '/') continue;
    depth++;
    if (depth > max) max = depth;
  }
  return { elements, depth: max };
}

export function checkHtmlShape(html: string, where: string, limits = SHAPE_LIMITS): HtmlShape {
  const shape = measureHtml(html);
  if (shape.depth > limits.maxDepth) throw new CaptureError('too-large', `${where} nests elements about ${shape.depth} deep (the limit is ${limits.maxDepth}); it is not a page Daftar can read safely`);
  if (shape.elements > limits.maxElements) throw new CaptureError('too-large', `${where} has about ${shape.elements} elements (the limit is ${limits.maxElements})`);
  return shape;
}
