/**
 * Images of a captured or imported page, stored inside the archive or dropped.
 *
 * Each pending figure (html-blocks.ts) gets its image from the network (a
 * capture only, within a per-image limit and a total budget for the page) or
 * from a data: URL (single-file pages). Only raster images whose bytes really
 * are PNG, JPEG, GIF, WebP or AVIF are kept — never SVG, which can carry
 * script. A kept image is named by its SHA-256, so the same image twice is
 * stored once; a dropped one leaves the figure with its alt text and caption
 * and a warning says why.
 */
import { createHash } from 'node:crypto';
import type { Block, FigureBlock } from '../document/types';
import { imageTypeOf, mediaType } from './content-type';
import { CaptureError } from './errors';
import { fetchUrl, type FetchImpl } from './fetch';
import { formatBytes, type CaptureLimits } from './limits';
import type { PendingImage } from './html-blocks';

export interface StoredMedia {
  /** File name under the archive's media/ folder: `<sha256>.<ext>`. */
  name: string;
  bytes: Uint8Array;
}

export interface MediaResult {
  blocks: Block[];
  media: StoredMedia[];
  warnings: string[];
}

export interface MediaOptions {
  limits: CaptureLimits;
  /** Absent for imports: a saved file's remote images are not fetched (import never goes to the network). */
  fetchImpl?: FetchImpl;
  signal?: AbortSignal;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes of a base64 data: URL of a raster image, or null. */
export function decodeDataImage(url: string): Uint8Array | null {
  const match = /^data:(image\/[a-z0-9.+-]+)((?:;[^,;]*)*?);base64,([\s\S]*)$/i.exec(url);
  if (!match) return null;
  const payload = match[3]!.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) return null;
  return new Uint8Array(Buffer.from(payload, 'base64'));
}

export async function resolveImages(blocks: Block[], pending: PendingImage[], options: MediaOptions): Promise<MediaResult> {
  const out = blocks.map((b) => ({ ...b }));
  const media = new Map<string, StoredMedia>();
  const warnings: string[] = [];
  let spent = 0;
  let fetched = 0;

  for (const image of pending) {
    const label = image.url.startsWith('data:') ? 'an inlined image' : `image ${image.url}`;
    let bytes: Uint8Array | null = null;
    try {
      if (image.url.startsWith('data:')) {
        bytes = decodeDataImage(image.url);
        if (!bytes) throw new CaptureError('unsupported', `${label} is not a base64 raster image`);
        if (bytes.byteLength > options.limits.maxImageBytes) throw new CaptureError('too-large', `${label} is ${formatBytes(bytes.byteLength)}, over the limit of ${formatBytes(options.limits.maxImageBytes)}`);
      } else {
        if (!options.fetchImpl) throw new CaptureError('unsupported', `${label} is on the network and imports never fetch`);
        if (fetched >= options.limits.maxImages) throw new CaptureError('too-large', `${label} skipped: at most ${options.limits.maxImages} images are fetched per page`);
        const left = options.limits.imageBudgetBytes - spent;
        if (left <= 0) throw new CaptureError('too-large', `${label} skipped: the page's image budget of ${formatBytes(options.limits.imageBudgetBytes)} is spent`);
        fetched++;
        const got = await fetchUrl(image.url, {
          fetchImpl: options.fetchImpl,
          maxBytes: Math.min(options.limits.maxImageBytes, left),
          timeoutMs: options.limits.imageTimeoutMs,
          maxRedirects: options.limits.maxRedirects,
          what: label,
          accept: 'image/png,image/jpeg,image/gif,image/webp,image/avif;q=0.9',
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const type = mediaType(got.contentType);
        if (!type.startsWith('image/')) throw new CaptureError('unsupported', `${label} was served as ${type || 'no type'}, not an image`);
        bytes = got.bytes;
      }
      spent += image.url.startsWith('data:') ? 0 : bytes.byteLength;
      const kind = imageTypeOf(bytes);
      if (!kind) throw new CaptureError('unsupported', `${label} is not a PNG, JPEG, GIF, WebP or AVIF image (SVG and other formats are not stored)`);
      const name = `${sha256Hex(bytes)}.${kind.ext}`;
      if (!media.has(name)) media.set(name, { name, bytes });
      const block = out[image.blockIndex] as FigureBlock;
      out[image.blockIndex] = { ...block, src: `media/${name}` };
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/^capture: /, '') : String(error);
      warnings.push(`capture: image dropped: ${message}`);
    }
  }
  // A figure whose image was dropped and that has no alt text or caption shows nothing: remove it.
  const kept = out.filter((b) => !(b.type === 'figure' && b.src === undefined && b.alt === '' && b.runs.every((r) => r.text.trim() === '')));
  const renumbered = kept.length === out.length ? out : kept.map((b, i) => ({ ...b, id: `b${i}` }));
  return { blocks: renumbered, media: [...media.values()], warnings };
}
