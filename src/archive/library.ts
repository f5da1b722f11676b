/**
 * The Library (src/api/context.ts) over the bundled archive and the user's.
 *
 * States, as result() reports them:
 *   - both archives load: `ok`, the merged view (merge.ts);
 *   - the user archive is damaged: `error` naming its file and problem, with
 *     canOpenBundled true. The bundled archive is never hidden for long:
 *     openBundled() shows it alone until reload(). Nothing is repaired or
 *     rewritten behind the user's back, and addVersion refuses to write over a
 *     damaged user archive (that could lose what is left of it);
 *   - the bundled archive is damaged (e.g. a folder given with --archive):
 *     `error`, with canOpenBundled true only when a `fallbackArchive` (the
 *     shipped one) loads; openBundled() then switches to it.
 *
 * addVersion calls run one at a time (a queue), so two captures never race on
 * the manifest. Listeners are told after every change.
 */
import type { LoadedDocument, Library, Logger, NewVersion } from '../api/context';
import type { LibraryEntry, LibraryResult, LibraryView } from '../api/contract';
import { ApiError } from '../api/errors';
import { layoutDocument, type DocumentLayout } from '../document/text';
import { nodeFs, sha256Hex, type AtomicFs } from './atomic';
import { ArchiveError, loadArchive, versionKey, type LoadedArchive } from './loader';
import { mergeArchives, type MergedLibrary } from './merge';
import { loadUserArchive, NewVersionError, refreshUserArchive, writeNewVersion } from './user-archive';
import { nextVersionId, newSourceId } from './ids';

export interface LibraryOptions {
  bundledArchive: string;
  userArchive: string;
  /** The shipped archive, offered when `bundledArchive` (a folder the user chose) is damaged. */
  fallbackArchive?: string;
  log: Logger;
  now(): Date;
  /** Injected so tests can make a write fail. */
  fs?: AtomicFs;
}

type State =
  | { kind: 'ok'; bundled: LoadedArchive; user: LoadedArchive | null; merged: MergedLibrary; result: LibraryResult }
  | { kind: 'error'; result: LibraryResult & { state: 'error' } };

function problemOf(error: unknown): { file: string; problem: string } {
  if (error instanceof ArchiveError) return { file: error.file, problem: error.problem };
  return { file: '.', problem: error instanceof Error ? error.message : String(error) };
}

export function createLibrary(options: LibraryOptions): Library {
  const fs = options.fs ?? nodeFs;
  const listeners = new Set<() => void>();
  let bundledOnly = false;
  let useFallback = false;
  let queue: Promise<unknown> = Promise.resolve();
  const layouts = new Map<string, DocumentLayout>();

  const tryLoad = (dir: string): LoadedArchive | Error => {
    try {
      return loadArchive(dir);
    } catch (error) {
      return error as Error;
    }
  };

  function settle(bundled: LoadedArchive, user: LoadedArchive | null): State {
    layouts.clear();
    const merged = mergeArchives(bundled, user);
    return { kind: 'ok', bundled, user, merged, result: { state: 'ok', library: merged.view } };
  }

  /** Reads both archives from disk (reload, openBundled, start). */
  function compute(): State {
    layouts.clear();
    const bundledDir = useFallback && options.fallbackArchive ? options.fallbackArchive : options.bundledArchive;
    const bundled = tryLoad(bundledDir);
    if (bundled instanceof Error) {
      const fallbackOk = !useFallback && !!options.fallbackArchive && !(tryLoad(options.fallbackArchive) instanceof Error);
      options.log('error', `library: the archive at ${bundledDir} did not load: ${bundled.message}`, 'archive-invalid');
      return { kind: 'error', result: { state: 'error', error: problemOf(bundled), archivePath: bundledDir, canOpenBundled: fallbackOk } };
    }
    let user: LoadedArchive | null = null;
    if (!bundledOnly) {
      try {
        user = loadUserArchive(options.userArchive);
      } catch (error) {
        options.log('warn', `library: the user archive at ${options.userArchive} did not load: ${(error as Error).message}`, 'user-archive-invalid');
        return { kind: 'error', result: { state: 'error', error: problemOf(error), archivePath: options.userArchive, canOpenBundled: true } };
      }
    }
    return settle(bundled, user);
  }

  let state = compute();

  const notify = () => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        options.log('error', `library: a listener failed: ${(error as Error).message}`, 'listener-failed');
      }
    }
  };

  const merged = (): MergedLibrary => {
    if (state.kind === 'ok') return state.merged;
    const { error, archivePath } = state.result;
    throw new ApiError('invalid-archive', `archive: ${error.file}: ${error.problem} (in ${archivePath})`);
  };

  function load(id: string, version?: string): LoadedDocument {
    const m = merged().entries.get(id);
    if (!m) throw new ApiError('not-found', `library: no document "${id}" in the archive`);
    if (m.versions.length === 0) throw new ApiError('not-found', `library: "${m.entry.title}" is not captured yet: capture it or import a file to read it`);
    const v = version === undefined ? m.versions[m.versions.length - 1]! : m.versions.find((x) => x.version === version);
    if (!v) throw new ApiError('not-found', `library: "${m.entry.title}" has no version ${version} (it has ${m.versions.map((x) => x.version).join(', ')})`);
    const key = versionKey(id, v.version);
    let layout = layouts.get(key);
    if (!layout) {
      layout = layoutDocument(v.document);
      layouts.set(key, layout);
    }
    return { entry: m.entry, document: v.document, version: v.version, layout, citations: merged().citationsByVersion.get(key) ?? [] };
  }

  async function addVersionNow(input: NewVersion): Promise<{ entry: LibraryEntry; version: string; previousVersion?: string }> {
    if (useFallback) throw new ApiError('invalid-archive', 'library: captures are stored beside the archive Daftar opened; reload it first');
    const known = state.kind === 'ok' && !bundledOnly ? state.user : null;
    let user: LoadedArchive | null;
    try {
      user = refreshUserArchive(options.userArchive, known);
    } catch (error) {
      const { file, problem } = problemOf(error);
      throw new ApiError('invalid-archive', `library: your archive at ${options.userArchive} is damaged (${file}: ${problem}); nothing was written. Move it aside to capture again.`);
    }
    const bundled = state.kind === 'ok' ? state.bundled : tryLoad(options.bundledArchive);
    if (bundled instanceof Error) throw new ApiError('invalid-archive', `library: ${bundled.message}`);
    const view = mergeArchives(bundled, user);
    const existing = input.sourceId === undefined ? undefined : view.entries.get(input.sourceId);
    if (input.sourceId !== undefined && !existing) throw new ApiError('not-found', `library: no source "${input.sourceId}" to attach the capture to`);
    const entryId = existing?.entry.id ?? newSourceId(input.meta.title, `${input.meta.url ?? ''}\n${input.provenance.capturedAt}\n${options.now().toISOString()}`, (id) => view.entries.has(id));
    const previousVersion = existing?.versions[existing.versions.length - 1]?.version;
    const version = nextVersionId(existing?.versions.map((v) => v.version) ?? []);
    let written: LoadedArchive;
    try {
      written = await writeNewVersion(options.userArchive, user, { entryId, version }, input, fs);
    } catch (error) {
      if (error instanceof NewVersionError) throw new ApiError('bad-request', error.message);
      throw new ApiError('internal', `library: the new version of ${entryId} could not be stored (${(error as Error).message}); the archive is unchanged`);
    }
    bundledOnly = false;
    state = settle(bundled, written);
    notify();
    const entry = merged().entries.get(entryId)!.entry;
    return previousVersion ? { entry, version, previousVersion } : { entry, version };
  }

  return {
    result: () => state.result,
    view: (): LibraryView => merged().view,
    load,
    documents: () => merged().view.entries.filter((e) => e.versions.length > 0).map((e) => load(e.id)),
    contentHash: () => sha256Hex(merged().view.entries.map((e) => `${e.id}:${e.versions.find((v) => v.current)?.version ?? ''}:${e.contentHash}\n`).join('')),
    addVersion(input) {
      const run = queue.then(() => addVersionNow(input));
      queue = run.catch(() => undefined);
      return run;
    },
    reload() {
      bundledOnly = false;
      useFallback = false;
      state = compute();
      notify();
      return state.result;
    },
    openBundled() {
      bundledOnly = true;
      if (state.kind === 'error' && state.result.archivePath !== options.userArchive && options.fallbackArchive) useFallback = true;
      state = compute();
      notify();
      return state.result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
