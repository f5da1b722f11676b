/**
 * Capturing a URL: fetch (fetch.ts) → what is it (content-type.ts) → decode
 * (charset.ts) → readable blocks (extract.ts, or text-blocks.ts for
 * text/plain) → images stored or dropped (media.ts) → a NewVersion carrying
 * the raw bytes and the provenance (original and final URL, HTTP status,
 * content type, SHA-256 of the raw bytes). Nothing is stored here: the
 * library stores the result atomically, so a failure at any step leaves the
 * archive untouched.
 */
import type { NewVersion } from '../api/context';
import { parseDocument } from '../document/validate';
import { decodeBytes } from './charset';
import { classifyPage } from './content-type';
import { inlineExtractor, type ExtractRunner } from './extract-runner';
import { fetchUrl, type FetchImpl } from './fetch';
import type { Prepared } from './import';
import { withLimits, type CaptureLimits } from './limits';
import { resolveImages, sha256Hex } from './media';
import { textToDocument } from './text-blocks';

export interface CaptureInput {
  url: string;
  sourceId?: string;
}

export interface CaptureDeps {
  fetchImpl: FetchImpl;
  now: Date;
  limits?: Partial<CaptureLimits>;
  signal?: AbortSignal;
  /** Where extraction runs; default on this thread (the service passes a worker). */
  extract?: ExtractRunner;
}

export async function prepareCapture(input: CaptureInput, deps: CaptureDeps): Promise<Prepared> {
  const limits = withLimits(deps.limits);
  const fetched = await fetchUrl(input.url, {
    fetchImpl: deps.fetchImpl,
    maxBytes: limits.maxPageBytes,
    timeoutMs: limits.pageTimeoutMs,
    maxRedirects: limits.maxRedirects,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const where = fetched.finalUrl;
  const kind = classifyPage(fetched.contentType, fetched.bytes, where);
  const decoded = decodeBytes(fetched.bytes, fetched.contentType, kind === 'html');
  const warnings = [...decoded.warnings];
  if (fetched.chain.length > 1) warnings.push(`capture: followed ${fetched.chain.length - 1} redirect(s) to ${fetched.finalUrl}`);

  const meta: Partial<NewVersion['meta']> = {};
  let document;
  let title: string | undefined;
  let images: { blockIndex: number; url: string }[] = [];
  if (kind === 'html') {
    const extracted = await (deps.extract ?? inlineExtractor)(decoded.text, { url: fetched.finalUrl, where, fallbackTitle: new URL(fetched.finalUrl).hostname });
    ({ document, title, images } = extracted);
    warnings.push(...extracted.warnings);
    if (extracted.author) meta.author = extracted.author;
    if (extracted.publisher) meta.publisher = extracted.publisher;
    if (extracted.published) meta.published = extracted.published;
  } else {
    const text = textToDocument(decoded.text, where);
    ({ document, title } = text);
    if (text.published) meta.published = text.published;
  }

  const media = await resolveImages(document.blocks, images, { limits, fetchImpl: deps.fetchImpl, ...(deps.signal ? { signal: deps.signal } : {}) });
  warnings.push(...media.warnings);
  const finalDoc = { ...document, blocks: media.blocks };
  parseDocument({ ...finalDoc, id: 'validating' }, `capture: ${where}`);

  const version: NewVersion = {
    ...(input.sourceId ? { sourceId: input.sourceId } : {}),
    document: finalDoc,
    meta: { title: title || fetched.finalUrl, url: fetched.originalUrl, lang: finalDoc.lang, dir: finalDoc.dir, ...meta },
    provenance: {
      origin: 'captured',
      capturedAt: deps.now.toISOString(),
      originalUrl: fetched.originalUrl,
      finalUrl: fetched.finalUrl,
      httpStatus: fetched.status,
      ...(fetched.contentType ? { contentType: fetched.contentType.slice(0, 200) } : {}),
      rawSha256: sha256Hex(fetched.bytes),
    },
    raw: { bytes: fetched.bytes, extension: kind === 'html' ? 'html' : 'txt' },
    media: media.media,
  };
  return { version, warnings };
}
