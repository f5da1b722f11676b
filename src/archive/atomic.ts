/**
 * Durable, all-or-nothing file writes and the hashes the archive records.
 *
 * writeFileAtomic writes a temp file in the destination's own folder (a rename
 * is only atomic within one file system), fsyncs it, renames it over the
 * destination and fsyncs the folder, so a reader sees either the old bytes or
 * the new ones, never a torn file, even after a crash. On any failure the temp
 * file is removed and the destination is left as it was.
 *
 * The file system is injected (`AtomicFs`, a subset of node:fs/promises) so
 * tests can make any step fail and check that nothing half-written remains.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  mkdir: typeof fsp.mkdir;
}

export const nodeFs: AtomicFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm, mkdir: fsp.mkdir };

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Temp names start with a dot and end in `.tmp` so a folder listing shows them for what they are. */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

async function fsyncDir(fs: AtomicFs, dir: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open a
  // folder for fsync; the rename is still atomic there, only less durable.
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    /* best effort, see above */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = nodeFs): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const temp = tempNameFor(path);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDir(fs, dir);
}
