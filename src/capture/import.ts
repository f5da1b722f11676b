/**
 * Importing a file: the capture path without the network. The bytes are
 * checked (size, file name, kind), decoded, read by the importer for their
 * kind (HTML through extract.ts, .txt through text-blocks.ts, .md through
 * markdown.ts), inlined data: images stored, and the result returned as a
 * NewVersion for the library to store. Remote images of a saved page are
 * dropped with a warning: an import never goes to the network.
 */
import type { NewVersion } from '../api/context';
import type { DaftarDocument } from '../document/types';
import { parseDocument } from '../document/validate';
import { decodeBytes } from './charset';
import { classifyPage } from './content-type';
import { CaptureError } from './errors';
import { inlineExtractor, type ExtractRunner } from './extract-runner';
import { baseTitle, checkFileName } from './file-name';
import type { PendingImage } from './html-blocks';
import { formatBytes, withLimits, type CaptureLimits } from './limits';
import { markdownToDocument } from './markdown';
import { resolveImages, sha256Hex } from './media';
import { textToDocument } from './text-blocks';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  sourceId?: string;
}

export interface Prepared {
  version: NewVersion;
  warnings: string[];
}

const MIME: Record<'html' | 'txt' | 'md', string> = { html: 'text/html', txt: 'text/plain', md: 'text/markdown' };

export async function prepareImport(input: ImportInput, now: Date, limits?: Partial<CaptureLimits>, extract: ExtractRunner = inlineExtractor): Promise<Prepared> {
  const lim = withLimits(limits);
  const { name, kind } = checkFileName(input.fileName);
  const where = `import: ${name}`;
  if (input.bytes.byteLength > lim.maxPageBytes) throw new CaptureError('too-large', `${where} is ${formatBytes(input.bytes.byteLength)}, over the limit of ${formatBytes(lim.maxPageBytes)}`, 'file-too-large', { limit: formatBytes(lim.maxPageBytes) });
  if (input.bytes.byteLength === 0) throw new CaptureError('bad-request', `${where} is empty`, 'empty-file');
  // A file named .html may still be a PDF or an image: the bytes decide.
  if (kind === 'html') classifyPage('text/html', input.bytes, where);
  else classifyPage('text/plain', input.bytes, where);

  const decoded = decodeBytes(input.bytes, null, kind === 'html');
  const warnings = [...decoded.warnings];
  let document: Omit<DaftarDocument, 'id'>;
  let title: string | undefined;
  let images: PendingImage[] = [];
  const meta: Partial<NewVersion['meta']> = {};
  if (kind === 'html') {
    const extracted = await extract(decoded.text, { where, fallbackTitle: baseTitle(name) });
    ({ document, title, images } = extracted);
    warnings.push(...extracted.warnings);
    if (extracted.author) meta.author = extracted.author;
    if (extracted.publisher) meta.publisher = extracted.publisher;
    if (extracted.published) meta.published = extracted.published;
    if (extracted.declaredUrl) meta.url = extracted.declaredUrl;
  } else if (kind === 'md') {
    ({ document, title, images } = markdownToDocument(decoded.text, where));
  } else {
    const text = textToDocument(decoded.text, where);
    ({ document, title } = text);
    if (text.published) meta.published = text.published;
  }

  const media = await resolveImages(document.blocks, images, { limits: lim });
  warnings.push(...media.warnings);
  const finalDoc = { ...document, blocks: media.blocks };
  parseDocument({ ...finalDoc, id: 'validating' }, where);

  const version: NewVersion = {
    ...(input.sourceId ? { sourceId: input.sourceId } : {}),
    document: finalDoc,
    meta: { title: title || baseTitle(name), url: null, lang: finalDoc.lang, dir: finalDoc.dir, ...meta },
    provenance: { origin: 'imported', capturedAt: now.toISOString(), contentType: `${MIME[kind]}; charset=${decoded.encoding}`, rawSha256: sha256Hex(input.bytes), fileName: name },
    raw: { bytes: input.bytes, extension: kind },
    media: media.media,
  };
  return { version, warnings };
}
