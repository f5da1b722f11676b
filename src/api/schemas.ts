/**
 * zod schemas of every contract request. Both transports run `parseRequest`
 * before calling the service, so the service can trust its arguments' shape
 * (not their meaning: unknown ids are still the service's to reject).
 */
import { z } from 'zod';
import { identifierSchema } from '../document/validate';
import type { MethodName, RequestOf } from './contract';
import { ApiError } from './errors';
import { describeIssues } from '../document/validate';

/** Limits on what a caller may send; bigger input is refused before any work. */
export const REQUEST_LIMITS = {
  queryChars: 500,
  titleChars: 300,
  noteChars: 20_000,
  tags: 32,
  tagChars: 64,
  /** 20 MB of file, as base64. */
  importBase64Chars: Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4,
  annotationsImportChars: 20 * 1024 * 1024,
  urlChars: 4096,
  offset: 50_000_000,
};

const none = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined);
const docId = identifierSchema;
const offset = z.number().int().min(0).max(REQUEST_LIMITS.offset);
const color = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);
const note = z.string().max(REQUEST_LIMITS.noteChars, `a note holds at most ${REQUEST_LIMITS.noteChars} characters`);
const tags = z.array(z.string().trim().min(1).max(REQUEST_LIMITS.tagChars)).max(REQUEST_LIMITS.tags);
const annotationId = z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/i, 'expected urn:uuid:…');
const isoDate = z.string().datetime({ offset: true });

const selector = z.discriminatedUnion('type', [
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(REQUEST_LIMITS.noteChars), prefix: z.string().max(200), suffix: z.string().max(200) }).strict(),
  z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
]);

export const annotationSchema = z
  .object({
    id: annotationId,
    created: isoDate,
    modified: isoDate,
    motivation: z.enum(['highlighting', 'commenting', 'tagging']),
    body: z.object({ note, tags }).strict(),
    target: z.object({ source: docId, contentHash: z.string().max(128), selector: z.array(selector).min(1).max(4) }).strict(),
    color,
  })
  .strict();

const range = z
  .object({ start: offset, end: offset })
  .strict()
  .refine((r) => r.end > r.start, 'end must be after start');

export const requestSchemas = {
  getAppInfo: none,
  getLibrary: none,
  openBundledArchive: none,
  getDocument: z.object({ id: docId, version: z.string().max(64).optional() }).strict(),
  renameEntry: z
    .object({ id: docId, title: z.string().trim().min(1, 'a title cannot be empty').max(REQUEST_LIMITS.titleChars, `a title holds at most ${REQUEST_LIMITS.titleChars} characters`).nullable() })
    .strict(),
  getSettings: none,
  setSettings: z
    .object({
      fontSize: z.number().min(14).max(32).optional(),
      lineHeight: z.number().min(1.2).max(2.6).optional(),
      theme: z.enum(['light', 'dark', 'sepia']).optional(),
      uiLanguage: z.enum(['ar', 'en']).nullable().optional(),
    })
    .strict(),
  search: z.object({ query: z.string().max(REQUEST_LIMITS.queryChars), limit: z.number().int().min(1).max(500).optional() }).strict(),
  findInDocument: z.object({ docId, query: z.string().max(REQUEST_LIMITS.queryChars) }).strict(),
  getIndexStatus: none,
  listAnnotations: z.union([z.undefined(), z.object({ docId: docId.optional() }).strict()]).transform((v) => v ?? {}),
  createAnnotation: z
    .object({ docId, start: offset, end: offset, color, note: note.optional(), tags: tags.optional() })
    .strict()
    .refine((r) => r.end > r.start, 'end must be after start'),
  updateAnnotation: z
    .object({ id: annotationId, note: note.optional(), tags: tags.optional(), color: color.optional(), reattach: range.optional(), expectedModified: isoDate.optional() })
    .strict(),
  deleteAnnotation: z.object({ id: annotationId }).strict(),
  restoreAnnotation: z.object({ annotation: annotationSchema, expectedModified: isoDate.optional() }).strict(),
  exportAnnotations: z.object({ format: z.enum(['jsonld', 'md']), docId: docId.optional() }).strict(),
  importAnnotations: z.object({ content: z.string().max(REQUEST_LIMITS.annotationsImportChars, 'the file is larger than 20 MB') }).strict(),
  captureSource: z.object({ url: z.string().min(1).max(REQUEST_LIMITS.urlChars), sourceId: docId.optional() }).strict(),
  importFile: z
    .object({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().max(REQUEST_LIMITS.importBase64Chars, 'the file is larger than 20 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
      sourceId: docId.optional(),
    })
    .strict(),
  openExternal: z.object({ url: z.string().min(1).max(REQUEST_LIMITS.urlChars) }).strict(),
} satisfies Record<MethodName, z.ZodType>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, value);
}

/** Validates one request; throws ApiError('bad-request') naming the method and the bad field. */
export function parseRequest<M extends MethodName>(method: M, value: unknown): RequestOf<M> {
  const schema = requestSchemas[method] as z.ZodType;
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError('bad-request', `${method}: ${describeIssues(result.error)}`);
  return result.data as RequestOf<M>;
}
