/**
 * The user's archive (`<dataDir>/archive`): same format as the bundled one,
 * holding captures and imports. This module reads it (a folder without a
 * manifest is simply empty) and adds one version to it.
 *
 * Adding a version is all-or-nothing for a reader: the document, raw bytes and
 * images are written first under names no manifest mentions yet, each with
 * writeFileAtomic; the manifest is written last, atomically. A failure at any
 * step removes what this call created and leaves the old manifest in place,
 * so the archive still reads exactly as before. A crash between steps can
 * leave unreferenced files, never a manifest naming a missing or torn file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NewVersion } from '../api/context';
import type { Provenance } from '../api/contract';
import type { DaftarDocument } from '../document/types';
import { parseDocument } from '../document/validate';
import { resolveArchivePath } from './archive-path';
import { nodeFs, sha256Hex, writeFileAtomic, type AtomicFs } from './atomic';
import { canonicalJsonBytes } from './canonical-json';
import { loadArchive, parseManifest, versionKey, type LoadedArchive } from './loader';
import { emptyManifest, MANIFEST_FILE, type ArchiveManifest, type ManifestEntry, type ManifestVersion } from './manifest';

export const USER_ARCHIVE_ID = 'user';
export const USER_ARCHIVE_TITLE = 'My captures and imports';

/** The user archive, or null when none was written yet (no manifest.json). */
export function loadUserArchive(dir: string): LoadedArchive | null {
  if (!existsSync(join(dir, MANIFEST_FILE))) return null;
  return loadArchive(dir);
}

/**
 * `known` if the manifest on disk is still the one it was loaded from (a cheap
 * hash of one file), else a full reload: another process (the CLI) may have
 * added a version meanwhile, and writing over its manifest would lose it.
 */
export function refreshUserArchive(dir: string, known: LoadedArchive | null): LoadedArchive | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  if (known) {
    try {
      if (sha256Hex(readFileSync(path)) === known.manifestSha256) return known;
    } catch {
      /* fall through to the full load, which names the problem */
    }
  }
  return loadArchive(dir);
}

export class NewVersionError extends Error {
  override name = 'NewVersionError';
}

export interface VersionPlan {
  entryId: string;
  version: string;
}

const MEDIA_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

function checkedDocument(input: NewVersion, id: string): DaftarDocument {
  try {
    return parseDocument({ ...input.document, id }, `new version of ${id}`);
  } catch (error) {
    throw new NewVersionError(`library: ${(error as Error).message}`);
  }
}

function storedMedia(manifest: ArchiveManifest): Set<string> {
  return new Set(manifest.entries.flatMap((e) => e.versions.flatMap((v) => (v.mediaFiles ?? []).map((f) => f.file))));
}

function checkMedia(input: NewVersion, doc: DaftarDocument, existing: ArchiveManifest): void {
  const names = new Set<string>();
  for (const m of input.media ?? []) {
    if (!MEDIA_NAME.test(m.name)) throw new NewVersionError(`library: media name ${JSON.stringify(m.name)} is not a plain file name`);
    names.add(`media/${m.name}`);
  }
  const stored = storedMedia(existing);
  for (const block of doc.blocks) {
    if (block.type === 'figure' && block.src && !names.has(block.src) && !stored.has(block.src)) {
      throw new NewVersionError(`library: figure ${block.id} shows ${block.src}, which is neither given nor stored`);
    }
  }
}

function entryFacts(id: string, input: NewVersion): ManifestEntry {
  const { meta } = input;
  return { id, kind: 'source', title: meta.title, publisher: meta.publisher, author: meta.author, url: meta.url, published: meta.published, lang: meta.lang, dir: meta.dir, status: 'captured', versions: [] };
}

/**
 * Writes one version into the user archive at `dir` and returns the new
 * manifest. `current` is the manifest on disk now (or null when there is none).
 */
export async function writeNewVersion(dir: string, current: LoadedArchive | null, plan: VersionPlan, input: NewVersion, fs: AtomicFs = nodeFs): Promise<LoadedArchive> {
  const base = current?.manifest ?? emptyManifest(USER_ARCHIVE_ID, USER_ARCHIVE_TITLE);
  const doc = checkedDocument(input, plan.entryId);
  checkMedia(input, doc, base);
  const docFile = `documents/${plan.entryId}/${plan.version}.json`;
  const rawFile = `raw/${plan.entryId}/${plan.version}.${input.raw.extension}`;
  const docBytes = canonicalJsonBytes(doc);
  const sha256 = sha256Hex(docBytes);
  const rawSha256 = sha256Hex(input.raw.bytes);
  if (input.provenance.rawSha256 && input.provenance.rawSha256 !== rawSha256) throw new NewVersionError('library: provenance.rawSha256 is not the hash of the raw bytes given');

  const created: string[] = [];
  const write = async (rel: string, bytes: Uint8Array) => {
    const full = resolveArchivePath(dir, rel);
    created.push(full);
    await writeFileAtomic(full, bytes, fs);
  };
  try {
    await write(docFile, docBytes);
    await write(rawFile, input.raw.bytes);
    const mediaFiles: ManifestVersion['mediaFiles'] = [];
    for (const m of input.media ?? []) {
      const file = `media/${m.name}`;
      const hash = sha256Hex(m.bytes);
      const full = resolveArchivePath(dir, file);
      // Media names are shared across versions: an identical stored image is reused, never rewritten.
      const exists = existsSync(full);
      const same = exists && sha256Hex(readFileSync(full)) === hash;
      if (exists && !same && storedMedia(base).has(file)) throw new NewVersionError(`library: ${file} already holds a different image; media names must be unique (use the content hash)`);
      if (!same) await write(file, m.bytes);
      mediaFiles.push({ file, sha256: hash });
    }
    const provenance: Provenance = { ...input.provenance, sha256, rawSha256, rawFile };
    const version: ManifestVersion = { version: plan.version, file: docFile, sha256, provenance, ...(mediaFiles.length ? { mediaFiles } : {}) };
    const existing = base.entries.find((e) => e.id === plan.entryId);
    const entries = existing
      ? base.entries.map((e) => (e.id === plan.entryId ? { ...e, lang: input.meta.lang, dir: input.meta.dir, status: 'captured' as const, versions: [...e.versions, version] } : e))
      : [...base.entries, { ...entryFacts(plan.entryId, input), versions: [version] }];
    const next = parseManifest(JSON.parse(canonicalJsonBytes({ ...base, entries }).toString('utf8')));
    const manifestBytes = canonicalJsonBytes(next);
    await writeFileAtomic(join(dir, MANIFEST_FILE), manifestBytes, fs);
    // Every byte just written was checked on the way in: the new state is the
    // old one plus this version, with no need to re-read the whole folder.
    const documents = new Map(current?.documents ?? []);
    documents.set(versionKey(plan.entryId, plan.version), doc);
    return { dir: current?.dir ?? resolve(dir), manifest: next, documents, manifestSha256: sha256Hex(manifestBytes) };
  } catch (error) {
    // Nothing written by this call is named by the (old) manifest: remove it all.
    await Promise.all(created.map((full) => fs.rm(full, { force: true }).catch(() => undefined)));
    throw error;
  }
}
