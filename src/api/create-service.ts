/**
 * Builds the whole service over a data folder and an archive: the one place
 * that knows every part, used alike by the Electron main process, the CLI and
 * the local host. Effects that differ per transport (opening a URL in the
 * system browser, the network stack used for an explicit capture) come in as
 * parameters.
 */
import { mkdirSync } from 'node:fs';
import { createLibrary } from '../archive/library';
import type { Logger, Paths, ServiceContext } from './context';
import { composeService, type Service } from './service';
import { createLibraryPart } from './parts/library';
import { createSearchPart } from './parts/search';
import { createNotesPart } from './parts/notes';
import { createCapturePart } from './parts/capture';

export interface ServiceOptions {
  paths: Paths;
  transport: 'electron' | 'http';
  appVersion: string;
  systemLocale: string;
  effects?: {
    openExternal?: (url: string) => Promise<boolean>;
    fetchImpl?: typeof fetch;
  };
  /** The shipped archive, offered when `paths.bundledArchive` is another folder the user chose and it is damaged. */
  fallbackArchive?: string;
  log?: Logger;
  now?: () => Date;
}

const stderrLogger: Logger = (level, message, code) => {
  if (level !== 'info') process.stderr.write(`daftar ${level}${code ? ` [${code}]` : ''}: ${message}\n`);
};

export async function createService(options: ServiceOptions): Promise<Service> {
  const log = options.log ?? stderrLogger;
  const now = options.now ?? (() => new Date());
  mkdirSync(options.paths.dataDir, { recursive: true });
  const library = createLibrary({
    bundledArchive: options.paths.bundledArchive,
    userArchive: options.paths.userArchive,
    fallbackArchive: options.fallbackArchive,
    log,
    now,
  });
  const ctx: ServiceContext = {
    paths: options.paths,
    library,
    now,
    log,
    appVersion: options.appVersion,
    transport: options.transport,
    systemLocale: options.systemLocale,
  };
  const notes = createNotesPart(ctx);
  const search = createSearchPart(ctx, { notes: { list: () => notes.notesForSearch(), subscribe: (listener) => notes.subscribe(listener) } });
  const capture = createCapturePart(ctx, {
    fetchImpl: options.effects?.fetchImpl,
    reanchor: async (docId, text, contentHash) => notes.reanchorDocument(docId, text, contentHash),
  });
  // Capture is offered in both transports: it is always an explicit action of the user.
  const libraryPart = createLibraryPart(ctx, { openExternal: options.effects?.openExternal, canCapture: true, notices: () => [...notes.notices()] });
  return composeService({ library: libraryPart, search, notes, capture }, async () => {
    await search.close();
    notes.close();
  });
}
