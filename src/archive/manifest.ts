/**
 * The archive manifest (`manifest.json`): what an archive folder holds and how
 * to check it. docs/ARCHIVE-FORMAT.md describes the folder for humans.
 *
 * The manifest reuses the contract's shapes (LibraryEntry, Citation,
 * Provenance) instead of restating them: an entry on disk is a LibraryEntry
 * minus what the library computes when it loads (location, contentHash, the
 * `current` flags) plus, per version, where its document file is. A type-level
 * check at the bottom keeps the zod schema and those types in step.
 *
 * Versions are listed oldest first; the last one is the current one.
 */
import { z } from 'zod';
import { dirSchema, identifierSchema, langSchema } from '../document/validate';
import type { Citation, LibraryEntry, Provenance } from '../api/contract';

export const ARCHIVE_FORMAT = 'daftar-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** A stored image of a version, content-checked like the document. */
export interface ManifestMediaFile {
  file: string;
  sha256: string;
}

export interface ManifestVersion {
  /** `v1`, `v2`… unique within the entry. */
  version: string;
  /** Archive-relative path of the document JSON. */
  file: string;
  /** SHA-256 (hex) of the document file's bytes; equals provenance.sha256. */
  sha256: string;
  provenance: Provenance;
  mediaFiles?: ManifestMediaFile[];
}

export type ManifestEntry = Omit<LibraryEntry, 'provenance' | 'location' | 'versions' | 'contentHash'> & {
  versions: ManifestVersion[];
};

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_FORMAT_VERSION;
  id: string;
  title: string;
  /** The article the archive is built around; null for a user archive of captures only. */
  articleId: string | null;
  entries: ManifestEntry[];
  citations: Citation[];
}

/**
 * Archive-relative paths: forward slashes, under one of the archive's folders,
 * no empty, `.` or `..` segment, plain characters only. The loader also checks
 * the resolved path stays inside the folder; this regex is the first fence.
 */
export const ARCHIVE_PATH_RE = /^(documents|raw|media)(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoTime = z.iso.datetime({ offset: true });
const archivePath = z
  .string()
  .max(512)
  .refine((p) => ARCHIVE_PATH_RE.test(p) && !p.split('/').some((s) => s === '.' || s === '..'), {
    message: 'expected an archive path like documents/<id>.json (no "..", no absolute path)',
  });
export const versionIdSchema = z.string().regex(/^v[1-9][0-9]{0,5}$/, 'expected a version id like v1');

export const provenanceSchema = z
  .object({
    origin: z.enum(['bundled', 'captured', 'imported']),
    capturedAt: isoTime,
    sha256: hex64,
    originalUrl: z.string().max(4096).optional(),
    finalUrl: z.string().max(4096).optional(),
    httpStatus: z.number().int().min(100).max(599).optional(),
    contentType: z.string().max(200).optional(),
    rawSha256: hex64.optional(),
    rawFile: archivePath.optional(),
    fileName: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\u0000]/.test(n) && n !== '.' && n !== '..', 'a file name, never a path')
      .optional(),
  })
  .strict();

const versionSchema = z
  .object({
    version: versionIdSchema,
    file: archivePath,
    sha256: hex64,
    provenance: provenanceSchema,
    mediaFiles: z.array(z.object({ file: archivePath, sha256: hex64 }).strict()).max(10_000).optional(),
  })
  .strict();

export const entrySchema = z
  .object({
    id: identifierSchema,
    kind: z.enum(['article', 'source']),
    sourceKind: z.string().min(1).max(64).optional(),
    title: z.string().min(1).max(2000),
    publisher: z.string().max(500).optional(),
    author: z.string().max(500).optional(),
    url: z.string().max(4096).nullable(),
    published: isoDay.optional(),
    lang: langSchema,
    dir: dirSchema,
    status: z.enum(['captured', 'not-captured', 'unresolved']),
    confidence: z.string().max(4000).optional(),
    media: z.array(z.string().max(4096)).max(1000).optional(),
    versions: z.array(versionSchema).max(10_000),
  })
  .strict();

export const citationSchema = z
  .object({
    docId: identifierSchema,
    sourceId: identifierSchema,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    quote: z.string().min(1).max(20_000),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_FORMAT_VERSION),
    id: identifierSchema,
    title: z.string().min(1).max(2000),
    articleId: identifierSchema.nullable(),
    entries: z.array(entrySchema).max(100_000),
    citations: z.array(citationSchema).max(1_000_000),
  })
  .strict();

/** The entry's current version (the last listed), or undefined when it has no text. */
export function currentVersion(entry: Pick<ManifestEntry, 'versions'>): ManifestVersion | undefined {
  return entry.versions[entry.versions.length - 1];
}

export function emptyManifest(id: string, title: string): ArchiveManifest {
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_FORMAT_VERSION, id, title, articleId: null, entries: [], citations: [] };
}

// Compile-time: the schema's output and the declared types must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const MANIFEST_SCHEMA_MATCHES_TYPES: Same<z.output<typeof manifestSchema>, ArchiveManifest> = true;
