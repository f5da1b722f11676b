/**
 * Reading an archive folder and checking every claim its manifest makes.
 *
 * loadArchive(dir) returns the manifest and every document version, or throws
 * ArchiveError{file, problem} for the first thing that is wrong: a missing
 * file, bytes that are not JSON, an unknown format version, a schema problem
 * (the JSON path is named), a file whose SHA-256 is not the recorded one, a
 * citation whose range does not hold its quote, a path that leads outside the
 * folder. Reading never writes, renames or creates anything.
 *
 * It is synchronous on purpose: the Library contract answers result()/load()
 * synchronously, and archives are small (one article and its sources). Limit:
 * every version of every document is parsed and kept in memory.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DaftarDocument } from '../document/types';
import { documentText } from '../document/text';
import { describeIssues, parseDocument } from '../document/validate';
import { ArchivePathError, assertRealPathInside, resolveArchivePath } from './archive-path';
import { sha256Hex } from './atomic';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_FILE, manifestSchema, currentVersion, type ArchiveManifest, type ManifestEntry } from './manifest';

/** Bigger files are refused before parsing: a manifest or document this size is not one Daftar wrote. */
export const LOADER_LIMITS = { manifestBytes: 20 * 1024 * 1024, documentBytes: 64 * 1024 * 1024, rawBytes: 64 * 1024 * 1024 };

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    /** Archive-relative file, e.g. `documents/x.json`. */
    readonly file: string,
    readonly problem: string,
  ) {
    super(`archive: ${file}: ${problem}`);
  }
}

export interface LoadedArchive {
  /** Absolute folder path. */
  dir: string;
  manifest: ArchiveManifest;
  /** Every version's document, keyed by versionKey(id, version). */
  documents: Map<string, DaftarDocument>;
  /** SHA-256 of manifest.json as read: tells whether the folder changed since. */
  manifestSha256: string;
}

export function versionKey(id: string, version: string): string {
  return `${id}@${version}`;
}

function readBytes(root: string, rel: string, limit: number): Buffer {
  let full: string;
  try {
    full = resolveArchivePath(root, rel);
  } catch (error) {
    throw new ArchiveError(rel, (error as Error).message);
  }
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new ArchiveError(rel, 'not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArchiveError(rel, code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? (error as Error).message})`);
  }
  if (size > limit) throw new ArchiveError(rel, `too large (${size} bytes; the limit is ${limit})`);
  try {
    assertRealPathInside(root, full, rel);
    return readFileSync(full);
  } catch (error) {
    if (error instanceof ArchivePathError) throw new ArchiveError(rel, error.message);
    throw new ArchiveError(rel, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function parseJson(bytes: Buffer, rel: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'not valid UTF-8';
    throw new ArchiveError(rel, `not JSON (${reason})`);
  }
}

export function parseManifest(value: unknown): ArchiveManifest {
  const head = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (!head) throw new ArchiveError(MANIFEST_FILE, 'expected a JSON object');
  if (head.format !== ARCHIVE_FORMAT) throw new ArchiveError(MANIFEST_FILE, `not a Daftar archive (format is ${JSON.stringify(head.format)}, expected "${ARCHIVE_FORMAT}")`);
  if (head.version !== ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(MANIFEST_FILE, `unsupported archive version ${JSON.stringify(head.version)} (this Daftar reads version ${ARCHIVE_FORMAT_VERSION})`);
  }
  const result = manifestSchema.safeParse(value);
  if (!result.success) throw new ArchiveError(MANIFEST_FILE, describeIssues(result.error));
  checkConsistency(result.data);
  return result.data;
}

/** Rules zod cannot state per field: unique ids, status against versions, the article. */
function checkConsistency(manifest: ArchiveManifest): void {
  const ids = new Set<string>();
  manifest.entries.forEach((entry, i) => {
    const at = `entries.${i}`;
    if (ids.has(entry.id)) throw new ArchiveError(MANIFEST_FILE, `${at}.id: duplicate id ${entry.id}`);
    ids.add(entry.id);
    const versions = new Set<string>();
    entry.versions.forEach((v, j) => {
      if (versions.has(v.version)) throw new ArchiveError(MANIFEST_FILE, `${at}.versions.${j}.version: duplicate version ${v.version} of ${entry.id}`);
      versions.add(v.version);
      if (v.provenance.sha256 !== v.sha256) throw new ArchiveError(MANIFEST_FILE, `${at}.versions.${j}.provenance.sha256: differs from the version's sha256`);
    });
    if (entry.status === 'captured' && entry.versions.length === 0) throw new ArchiveError(MANIFEST_FILE, `${at}.status: "captured" but no version is listed`);
    if (entry.status !== 'captured' && entry.versions.length > 0) throw new ArchiveError(MANIFEST_FILE, `${at}.status: "${entry.status}" but versions are listed`);
  });
  if (manifest.articleId !== null) {
    const article = manifest.entries.find((e) => e.id === manifest.articleId);
    if (!article) throw new ArchiveError(MANIFEST_FILE, `articleId: no entry has id ${manifest.articleId}`);
    if (article.kind !== 'article' || article.status !== 'captured') throw new ArchiveError(MANIFEST_FILE, `articleId: ${manifest.articleId} must be a captured entry of kind "article"`);
  }
}

function loadVersionFiles(root: string, entry: ManifestEntry, documents: Map<string, DaftarDocument>): void {
  for (const v of entry.versions) {
    const bytes = readBytes(root, v.file, LOADER_LIMITS.documentBytes);
    const hash = sha256Hex(bytes);
    if (hash !== v.sha256) throw new ArchiveError(v.file, `hash mismatch (the manifest records ${v.sha256}, the file has ${hash}): the file was changed or damaged`);
    let doc: DaftarDocument;
    try {
      doc = parseDocument(parseJson(bytes, v.file), v.file);
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError(v.file, (error as Error).message.replace(`${v.file}: `, ''));
    }
    if (doc.id !== entry.id) throw new ArchiveError(v.file, `document id ${doc.id} is not the entry's id ${entry.id}`);
    const { rawFile, rawSha256 } = v.provenance;
    if (rawFile) {
      const raw = readBytes(root, rawFile, LOADER_LIMITS.rawBytes);
      if (rawSha256 && sha256Hex(raw) !== rawSha256) throw new ArchiveError(rawFile, 'hash mismatch with provenance.rawSha256: the raw file was changed or damaged');
    }
    for (const media of v.mediaFiles ?? []) {
      if (sha256Hex(readBytes(root, media.file, LOADER_LIMITS.rawBytes)) !== media.sha256) throw new ArchiveError(media.file, 'hash mismatch: the image was changed or damaged');
    }
    documents.set(versionKey(entry.id, v.version), doc);
  }
}

function checkCitations(manifest: ArchiveManifest, documents: Map<string, DaftarDocument>): void {
  const byId = new Map(manifest.entries.map((e) => [e.id, e]));
  const texts = new Map<string, string>();
  manifest.citations.forEach((c, i) => {
    const at = `citations.${i}`;
    const doc = byId.get(c.docId);
    const current = doc && currentVersion(doc);
    if (!doc || !current) throw new ArchiveError(MANIFEST_FILE, `${at}.docId: no captured document ${c.docId}`);
    if (!byId.has(c.sourceId)) throw new ArchiveError(MANIFEST_FILE, `${at}.sourceId: unknown source ${c.sourceId}`);
    let text = texts.get(c.docId);
    if (text === undefined) {
      text = documentText(documents.get(versionKey(c.docId, current.version))!);
      texts.set(c.docId, text);
    }
    if (c.end <= c.start || c.end > text.length) throw new ArchiveError(MANIFEST_FILE, `${at}: range ${c.start}..${c.end} is outside the text of ${c.docId} (${text.length} characters)`);
    const found = text.slice(c.start, c.end);
    if (found !== c.quote) throw new ArchiveError(MANIFEST_FILE, `${at}: the text at ${c.start}..${c.end} is ${JSON.stringify(found.slice(0, 80))}, not the quote ${JSON.stringify(c.quote.slice(0, 80))}`);
  });
}

/** Loads and checks the archive in `dir`; throws ArchiveError. */
export function loadArchive(dir: string): LoadedArchive {
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) throw new ArchiveError('.', `${root} is not a folder`);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(MANIFEST_FILE, `missing (no archive folder at ${root})`);
  }
  const manifestBytes = readBytesAtRoot(root);
  const manifest = parseManifest(parseJson(manifestBytes, MANIFEST_FILE));
  const documents = new Map<string, DaftarDocument>();
  for (const entry of manifest.entries) loadVersionFiles(root, entry, documents);
  checkCitations(manifest, documents);
  return { dir: root, manifest, documents, manifestSha256: sha256Hex(manifestBytes) };
}

function readBytesAtRoot(root: string): Buffer {
  const full = resolve(root, MANIFEST_FILE);
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new ArchiveError(MANIFEST_FILE, 'not a file');
    if (stat.size > LOADER_LIMITS.manifestBytes) throw new ArchiveError(MANIFEST_FILE, `too large (${stat.size} bytes)`);
    return readFileSync(full);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArchiveError(MANIFEST_FILE, code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? (error as Error).message})`);
  }
}
