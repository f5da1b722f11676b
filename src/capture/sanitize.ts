/**
 * Sanitising untrusted HTML with DOMPurify before anything reads it.
 *
 * The allowlist holds only what the block tree can express: structure
 * (headings, paragraphs, quotes, lists, figures, tables read as text),
 * emphasis, links and images. Everything else — script, style, iframe,
 * object, embed, svg, math, form and its controls, meta, link, base — is
 * removed with its content; every attribute but href, src, alt, lang, dir
 * and title is removed, so on* handlers and style (CSS url()/expression())
 * go. URLs are checked again when the tree is built (extract-blocks.ts): this
 * layer is the belt, that one the braces.
 */
import createDOMPurify from 'dompurify';

export const ALLOWED_TAGS = [
  'article', 'section', 'main', 'div', 'span', 'header', 'footer', 'aside',
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'q', 'cite', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'img', 'picture',
  'a', 'em', 'i', 'strong', 'b', 'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'time', 'bdi', 'bdo',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
];

export const ALLOWED_ATTR = ['href', 'src', 'alt', 'lang', 'dir', 'title'];

/** Tags removed together with everything inside them (their text is code, styling or chrome). */
const FORBID_CONTENTS = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'select', 'textarea', 'button', 'nav', 'video', 'audio', 'canvas', 'head', 'title'];

/** Only these URL schemes survive in href/src; data: only for images of single-file pages (checked again later). */
const ALLOWED_URI = /^(?:https?:|mailto:|data:image\/(?:png|jpe?g|gif|webp|avif)[;,]|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/**
 * Returns a sanitised <body>-like element of `window`'s document. `window` is
 * a jsdom window with no script execution; DOMPurify needs one to parse.
 */
export function sanitizeHtml(html: string, window: Window): HTMLElement {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  const body = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    FORBID_CONTENTS,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    WHOLE_DOCUMENT: false,
    // Parse in body context: a leading <noscript> or <meta> must not be read as <head> content and reshuffled.
    FORCE_BODY: true,
    RETURN_DOM: true,
    KEEP_CONTENT: true,
  }) as unknown as HTMLElement;
  return body;
}
