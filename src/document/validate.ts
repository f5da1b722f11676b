/**
 * Runtime validation of documents read from disk, imports or the network.
 *
 * The zod schemas mirror types.ts; `parseDocument` returns the typed document
 * or throws DocumentError whose message names the bad path
 * (`blocks[3].runs[0].text: expected string`).
 */
import { z } from 'zod';
import { DOCUMENT_FORMAT_VERSION, type DaftarDocument } from './types';

/** Limits keep a hostile file from exhausting memory further down (layout, index, render). */
export const DOCUMENT_LIMITS = {
  maxBlocks: 50_000,
  maxRunsPerBlock: 5_000,
  maxIdLength: 200,
};

const id = z.string().min(1).max(DOCUMENT_LIMITS.maxIdLength).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, dot, dash and underscore');
const dir = z.enum(['rtl', 'ltr', 'auto']);
const lang = z.string().min(2).max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 language tag');

export const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('emphasis') }).strict(),
  z.object({ type: z.literal('strong') }).strict(),
  z.object({ type: z.literal('link'), href: z.string().max(4096) }).strict(),
  z.object({ type: z.literal('citation'), sourceId: id }).strict(),
]);

export const runSchema = z.object({ text: z.string(), marks: z.array(markSchema).max(16).optional() }).strict();

const base = {
  id,
  lang: lang.optional(),
  dir: dir.optional(),
  runs: z.array(runSchema).max(DOCUMENT_LIMITS.maxRunsPerBlock),
};

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]) }).strict(),
  z.object({ ...base, type: z.literal('paragraph') }).strict(),
  z.object({ ...base, type: z.literal('quote') }).strict(),
  z.object({ ...base, type: z.literal('list-item'), ordered: z.boolean(), depth: z.number().int().min(0).max(16) }).strict(),
  z.object({ ...base, type: z.literal('figure'), src: z.string().regex(/^media\/[A-Za-z0-9._-]+$/, 'figure src must be an archive media path').optional(), alt: z.string() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('embed'),
      provider: z.enum(['x', 'other']),
      author: z.string().optional(),
      handle: z.string().optional(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      url: z.string().optional(),
      media: z.array(z.string()),
    })
    .strict(),
]);

export const documentSchema = z
  .object({
    type: z.literal('document'),
    version: z.literal(DOCUMENT_FORMAT_VERSION),
    id,
    lang,
    dir,
    blocks: z.array(blockSchema).max(DOCUMENT_LIMITS.maxBlocks),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.blocks.forEach((block, i) => {
      if (seen.has(block.id)) ctx.addIssue({ code: 'custom', path: ['blocks', i, 'id'], message: `duplicate block id ${block.id}` });
      seen.add(block.id);
    });
  });

export class DocumentError extends Error {
  override name = 'DocumentError';
}

/** Formats the first few zod issues as `path: message`, which is what a user can act on. */
export function describeIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export function parseDocument(value: unknown, where = 'document'): DaftarDocument {
  if (value && typeof value === 'object' && 'version' in value && (value as { version: unknown }).version !== DOCUMENT_FORMAT_VERSION) {
    throw new DocumentError(`${where}: unsupported document version ${JSON.stringify((value as { version: unknown }).version)} (this Daftar reads version ${DOCUMENT_FORMAT_VERSION})`);
  }
  const result = documentSchema.safeParse(value);
  if (!result.success) throw new DocumentError(`${where}: ${describeIssues(result.error)}`);
  return result.data as DaftarDocument;
}

export const identifierSchema = id;
export const langSchema = lang;
export const dirSchema = dir;
