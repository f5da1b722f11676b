/**
 * The build step that ships a ready index with the bundled archive
 * (scripts/build-archive.ts calls it after the archive is written). It indexes
 * the archive exactly as the app's Library will see it with no captures of
 * the user's, so the stored content hash matches at start and the app loads
 * the index instead of building one. Deterministic: the same archive gives
 * byte-identical output, which `npm run check:archive` relies on.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLibrary } from '../archive/library';
import { buildSearchIndex } from './build';
import { INDEX_FILE_NAME, serializeIndex, writeIndexFile } from './index-store';
import { indexInputOf } from './passages';

/** Folder of an archive that holds its search index. */
export const ARCHIVE_INDEX_DIR = 'index';

export function writeBundledIndex(archiveDir: string): { file: string; documents: number; passages: number } {
  const library = createLibrary({
    bundledArchive: archiveDir,
    // A folder that does not exist: the library of a fresh install, with no captures.
    userArchive: join(tmpdir(), `daftar-no-user-archive-${process.pid}-${Date.now()}`),
    log: () => undefined,
    now: () => new Date(0),
  });
  const result = library.result();
  if (result.state === 'error') throw new Error(`search: cannot index ${archiveDir}: ${result.error.file}: ${result.error.problem}`);
  const index = buildSearchIndex(indexInputOf(library.documents()), library.contentHash());
  const file = join(archiveDir, ARCHIVE_INDEX_DIR, INDEX_FILE_NAME);
  writeIndexFile(file, serializeIndex(index));
  return { file, documents: index.input.documents.length, passages: index.input.passages.length };
}
