/**
 * The schema of seed/sources.json: facts about the seed article and the
 * sources it cites (not their texts). Strict on purpose: the bundled archive is
 * generated from this file, so a misspelt or unknown field fails the build
 * instead of silently vanishing from the archive.
 */
import { z } from 'zod';
import { describeIssues, dirSchema, identifierSchema, langSchema } from '../../document/validate';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const seedArticleSchema = z
  .object({
    id: identifierSchema,
    file: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/, 'a file name inside the seed folder'),
    publisher: z.string().min(1),
    url: z.string().min(1),
    published: isoDay,
    lang: langSchema,
    dir: dirSchema,
    title: z.string().min(1),
    confidence: z.string().min(1),
    formatNotes: z.array(z.string()),
  })
  .strict();

export const seedSourceSchema = z
  .object({
    id: identifierSchema,
    kind: z.string().min(1).max(64),
    publisher: z.string().min(1),
    author: z.string().optional(),
    title: z.string().min(1),
    published: isoDay.optional(),
    lang: langSchema,
    dir: dirSchema.optional(),
    url: z.string().min(1).nullable(),
    media: z.array(z.string()).optional(),
    confidence: z.string().min(1),
    citedBy: z.array(z.string().min(1)),
  })
  .strict();

export const seedSourcesSchema = z.object({ about: z.string(), article: seedArticleSchema, sources: z.array(seedSourceSchema) }).strict();

export type SeedSources = z.output<typeof seedSourcesSchema>;
export type SeedSource = z.output<typeof seedSourceSchema>;

export function parseSeedSources(value: unknown): SeedSources {
  const result = seedSourcesSchema.safeParse(value);
  if (!result.success) throw new Error(`build-archive: sources.json: ${describeIssues(result.error)}`);
  const ids = new Set<string>([result.data.article.id]);
  for (const source of result.data.sources) {
    if (ids.has(source.id)) throw new Error(`build-archive: sources.json: duplicate id ${source.id}`);
    ids.add(source.id);
  }
  return result.data;
}
