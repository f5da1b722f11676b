/**
 * What a fetched page or file is, from its declared type and, when the type
 * is missing or generic, from its first bytes. Capture reads web pages and
 * text only: PDFs, images and other binaries are refused with a message that
 * says what the file is, so the user knows to save it some other way.
 */
import { CaptureError } from './errors';

export type PageKind = 'html' | 'text';

/** The media type of a Content-Type header value, lower-cased, without parameters. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain']);

function sniff(bytes: Uint8Array): 'pdf' | 'image' | 'html' | 'binary' | 'unknown' {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (imageTypeOf(bytes)) return 'image';
  if (/^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article|p|div)\b/i.test(head)) return 'html';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // UTF-16 text (Notepad's "Unicode") is full of NUL bytes; its byte-order mark says it is text.
  if (!utf16 && bytes.subarray(0, 512).includes(0)) return 'binary';
  return 'unknown';
}

/** Raster images Daftar stores, by their magic bytes (SVG is excluded: it can carry script). */
export function imageTypeOf(bytes: Uint8Array): { mime: string; ext: string } | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { mime: 'image/png', ext: 'png' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return { mime: 'image/gif', ext: 'gif' };
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return { mime: 'image/webp', ext: 'webp' };
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70 && b[8] === 0x61 && b[9] === 0x76 && b[10] === 0x69 && b[11] === 0x66) return { mime: 'image/avif', ext: 'avif' };
  return null;
}

/**
 * The kind of page, or a CaptureError('unsupported') naming what it is.
 * A missing or generic type (application/octet-stream) is decided by sniffing.
 */
export function classifyPage(contentType: string | null | undefined, bytes: Uint8Array, where: string): PageKind {
  const type = mediaType(contentType);
  const sniffed = sniff(bytes);
  if (HTML_TYPES.has(type)) {
    // A server calling a PDF text/html is misconfigured; the bytes tell the truth.
    if (sniffed === 'pdf' || sniffed === 'image') throw refuse(where, `${type}, but its content is ${sniffed === 'pdf' ? 'a PDF' : 'an image'}`);
    return 'html';
  }
  if (TEXT_TYPES.has(type)) {
    if (sniffed === 'pdf' || sniffed === 'image' || sniffed === 'binary') throw refuse(where, `text/plain, but its content is ${sniffed === 'binary' ? 'binary' : sniffed === 'pdf' ? 'a PDF' : 'an image'}`);
    return 'text';
  }
  if (type === 'application/pdf') throw refuse(where, 'a PDF (application/pdf)');
  if (type.startsWith('image/')) throw refuse(where, `an image (${type})`);
  if (type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') {
    if (sniffed === 'html') return 'html';
    if (sniffed === 'pdf') throw refuse(where, 'a PDF');
    if (sniffed === 'image') throw refuse(where, 'an image');
    throw refuse(where, type === '' ? 'of no declared type and does not look like HTML' : `${type} and does not look like HTML`);
  }
  throw refuse(where, `of type ${type}`);
}

function refuse(where: string, what: string): CaptureError {
  return new CaptureError('unsupported', `${where} is ${what}; Daftar captures web pages (HTML) and plain text only`, 'not-a-page');
}
