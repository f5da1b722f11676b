/**
 * Turning an archive-relative path from a manifest into a real path, safely.
 *
 * A manifest is untrusted input (a user may open any folder, or a file may be
 * corrupted), so a path it names must never reach outside the archive:
 * `../../etc/passwd`, `/etc/passwd`, `documents\..\..\x`, or a symlink inside
 * the archive pointing elsewhere. The lexical check runs first; the realpath
 * check catches symlinks once the file is known to exist.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ARCHIVE_PATH_RE } from './manifest';

export class ArchivePathError extends Error {
  override name = 'ArchivePathError';
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/** The absolute path of `rel` inside `root`; throws ArchivePathError for anything that could escape. */
export function resolveArchivePath(root: string, rel: string): string {
  if (typeof rel !== 'string' || rel.includes('\0') || rel.includes('\\') || isAbsolute(rel) || !ARCHIVE_PATH_RE.test(rel) || rel.split('/').some((s) => s === '..' || s === '.')) {
    throw new ArchivePathError(`unsafe path ${JSON.stringify(rel)}: archive paths stay inside the archive folder`);
  }
  const absRoot = resolve(root);
  const full = resolve(absRoot, rel);
  if (!inside(absRoot, full)) throw new ArchivePathError(`unsafe path ${JSON.stringify(rel)}: it leads outside the archive folder`);
  return full;
}

/** For an existing file: refuses one that a symlink leads outside the archive. */
export function assertRealPathInside(root: string, full: string, rel: string): void {
  const realRoot = realpathSync(root);
  const real = realpathSync(full);
  if (!inside(realRoot, real)) throw new ArchivePathError(`unsafe path ${JSON.stringify(rel)}: a link leads outside the archive folder`);
}
