/**
 * One library view over two archives: the read-only bundled one and the user's.
 *
 * Rules (pure: no file system here):
 *   - every bundled entry is listed, in its order, the article first; user
 *     entries with a new id follow, in theirs;
 *   - a user entry with a bundled id is a capture attached to that source: its
 *     versions come after the bundled ones (the last is current) and it turns
 *     `not-captured`/`unresolved` into `captured` in the view, while the
 *     bundled facts (title, publisher, url, confidence…) stay what the card
 *     shows: they are the curated ones, and the capture's own url is in its
 *     provenance. The document's lang/dir come from the current version;
 *   - a citation belongs to the version that was current in its own archive:
 *     a re-captured article keeps its citations on the old version only,
 *     because their offsets point into that text.
 */
import type { Citation, LibraryEntry, LibraryView } from '../api/contract';
import { documentText } from '../document/text';
import type { DaftarDocument } from '../document/types';
import { sha256Hex } from './atomic';
import { versionKey, type LoadedArchive } from './loader';
import { currentVersion, type ManifestEntry, type ManifestVersion } from './manifest';

export interface MergedVersion {
  version: string;
  location: 'bundled' | 'user';
  archive: LoadedArchive;
  meta: ManifestVersion;
  document: DaftarDocument;
}

export interface MergedEntry {
  entry: LibraryEntry;
  /** Oldest first; the last is current. */
  versions: MergedVersion[];
}

export interface MergedLibrary {
  view: LibraryView;
  entries: Map<string, MergedEntry>;
  /** Citations keyed by versionKey(docId, version). */
  citationsByVersion: Map<string, Citation[]>;
}

function versionsOf(archive: LoadedArchive, entry: ManifestEntry, location: 'bundled' | 'user'): MergedVersion[] {
  return entry.versions.map((meta) => ({ version: meta.version, location, archive, meta, document: archive.documents.get(versionKey(entry.id, meta.version))! }));
}

function toLibraryEntry(facts: ManifestEntry, versions: MergedVersion[], lastUserEntry: ManifestEntry | undefined): LibraryEntry {
  const current = versions[versions.length - 1];
  const { versions: _omit, ...rest } = facts;
  const entry: LibraryEntry = {
    ...rest,
    status: current ? 'captured' : facts.status,
    location: current?.location ?? 'bundled',
    versions: versions.map((v, i) => ({ version: v.version, capturedAt: v.meta.provenance.capturedAt, sha256: v.meta.sha256, current: i === versions.length - 1 })),
    contentHash: current ? sha256Hex(documentText(current.document)) : '',
  };
  if (current) entry.provenance = current.meta.provenance;
  if (current?.location === 'user' && lastUserEntry) {
    entry.lang = lastUserEntry.lang;
    entry.dir = lastUserEntry.dir;
  }
  return entry;
}

function addCitations(into: Map<string, Citation[]>, archive: LoadedArchive): void {
  for (const c of archive.manifest.citations) {
    const doc = archive.manifest.entries.find((e) => e.id === c.docId);
    const version = doc && currentVersion(doc);
    if (!version) continue;
    const key = versionKey(c.docId, version.version);
    const list = into.get(key) ?? [];
    list.push(c);
    into.set(key, list);
  }
}

export function mergeArchives(bundled: LoadedArchive, user: LoadedArchive | null): MergedLibrary {
  const userById = new Map((user?.manifest.entries ?? []).map((e) => [e.id, e]));
  const entries = new Map<string, MergedEntry>();
  const articleId = bundled.manifest.articleId ?? user?.manifest.articleId ?? null;
  const ordered = [...bundled.manifest.entries].sort((a, b) => Number(b.id === articleId) - Number(a.id === articleId));
  for (const facts of ordered) {
    const attached = userById.get(facts.id);
    const versions = [...versionsOf(bundled, facts, 'bundled'), ...(attached && user ? versionsOf(user, attached, 'user') : [])];
    entries.set(facts.id, { entry: toLibraryEntry(facts, versions, attached), versions });
  }
  for (const facts of user?.manifest.entries ?? []) {
    if (entries.has(facts.id)) continue;
    const versions = versionsOf(user!, facts, 'user');
    entries.set(facts.id, { entry: toLibraryEntry(facts, versions, facts), versions });
  }
  const citationsByVersion = new Map<string, Citation[]>();
  addCitations(citationsByVersion, bundled);
  if (user) addCitations(citationsByVersion, user);
  const citations: Citation[] = [];
  for (const { entry } of entries.values()) {
    const current = entry.versions.find((v) => v.current);
    if (current) citations.push(...(citationsByVersion.get(versionKey(entry.id, current.version)) ?? []));
  }
  return {
    view: {
      archive: { id: bundled.manifest.id, title: bundled.manifest.title, path: bundled.dir },
      articleId: articleId ?? '',
      entries: [...entries.values()].map((m) => m.entry),
      citations,
    },
    entries,
    citationsByVersion,
  };
}
