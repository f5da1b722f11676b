import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchivePathError, assertRealPathInside, resolveArchivePath } from '../../../src/archive/archive-path';
import { isTempName, nodeFs, sha256Hex, writeFileAtomic, type AtomicFs } from '../../../src/archive/atomic';
import { tempDir } from '../../fixtures/archive/make-archive';

describe('writeFileAtomic', () => {
  it('writes, replaces, and creates missing folders', async () => {
    const dir = tempDir();
    const path = join(dir, 'a/b/file.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, new TextEncoder().encode('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['file.json']);
  });

  const failAt: [string, (fs: AtomicFs) => AtomicFs][] = [
    ['rename', (fs) => ({ ...fs, rename: async () => Promise.reject(new Error('EXDEV: simulated')) })],
    ['open', (fs) => ({ ...fs, open: async () => Promise.reject(new Error('EMFILE: simulated')) })],
    [
      'write',
      (fs) => ({
        ...fs,
        open: (async (...args: Parameters<typeof fsp.open>) => {
          const handle = await fsp.open(...args);
          handle.writeFile = async () => Promise.reject(new Error('ENOSPC: simulated'));
          return handle;
        }) as typeof fsp.open,
      }),
    ],
  ];
  it.each(failAt)('a failing %s leaves the old file and no temp file', async (_step, breakFs) => {
    const dir = tempDir();
    const path = join(dir, 'file.json');
    writeFileSync(path, 'old');
    await expect(writeFileAtomic(path, 'new', breakFs(nodeFs))).rejects.toThrow(/simulated/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('names temp files so they are recognisable', () => {
    expect(isTempName('.manifest.json.0a1b2c3d4e5f.tmp')).toBe(true);
    expect(isTempName('manifest.json')).toBe(false);
  });

  it('hashes strings as UTF-8 and bytes as given', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('دفتر')).toBe(sha256Hex(Buffer.from('دفتر', 'utf8')));
  });
});

describe('resolveArchivePath', () => {
  const root = '/archive/root';
  it.each(['documents/a.json', 'documents/a/v1.json', 'raw/a/v1.html', 'media/0f.png'])('accepts %s', (rel) => {
    expect(resolveArchivePath(root, rel)).toBe(join(root, rel));
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'documents/../../etc/passwd',
    'documents/./a.json',
    'documents/.',
    'documents\\..\\x',
    'documents//a.json',
    'documents/',
    'documents',
    'manifest.json',
    'other/a.json',
    'documents/a\0.json',
    'C:\\Windows\\win.ini',
    'documents/.hidden',
    'documents/a b.json',
    '',
  ])('refuses %j', (rel) => {
    expect(() => resolveArchivePath(root, rel)).toThrow(ArchivePathError);
    expect(() => resolveArchivePath(root, rel)).toThrow(/unsafe path/);
  });

  it('refuses a symlink that leads outside, accepts one that stays inside', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'x'), 'x');
    mkdirSync(join(dir, 'documents'));
    writeFileSync(join(dir, 'documents/real.json'), '{}');
    symlinkSync(join(outside, 'x'), join(dir, 'documents/out.json'));
    symlinkSync(join(dir, 'documents/real.json'), join(dir, 'documents/in.json'));
    expect(() => assertRealPathInside(dir, join(dir, 'documents/out.json'), 'documents/out.json')).toThrow(/a link leads outside the archive folder/);
    expect(() => assertRealPathInside(dir, join(dir, 'documents/in.json'), 'documents/in.json')).not.toThrow();
  });
});
