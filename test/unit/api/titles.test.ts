import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../../src/api/context';
import { createLibraryPart } from '../../../src/api/parts/library';
import { TITLES_FILE } from '../../../src/api/parts/titles';
import { pathsFor } from '../../../src/api/paths';
import { parseRequest } from '../../../src/api/schemas';
import { createLibrary } from '../../../src/archive/library';
import { tempDir, writeArchive } from '../../fixtures/archive/make-archive';

function context(dataDir = tempDir('daftar-titles-')): ServiceContext {
  const { dir } = writeArchive();
  const paths = pathsFor(dir, dataDir);
  const now = () => new Date('2026-01-02T03:04:05.678Z');
  return { paths, library: createLibrary({ bundledArchive: paths.bundledArchive, userArchive: paths.userArchive, log: vi.fn(), now }), now, log: vi.fn(), appVersion: '0', transport: 'http', systemLocale: 'ar' };
}

async function firstEntry(part: ReturnType<typeof createLibraryPart>) {
  const result = await part.getLibrary();
  if (result.state !== 'ok') throw new Error('library did not load');
  return result.library.entries[0]!;
}

describe('the user\'s own titles', () => {
  it('replace the archive\'s title everywhere the part returns the entry, and survive a restart', async () => {
    const ctx = context();
    const part = createLibraryPart(ctx);
    const entry = await firstEntry(part);
    const renamed = await part.renameEntry({ id: entry.id, title: 'هل أوقفت مايكروسوفت حقا تعاونها مع الجيش الإسرائيلي؟ (عنوان مصحح)' });
    expect(renamed).toMatchObject({ title: 'هل أوقفت مايكروسوفت حقا تعاونها مع الجيش الإسرائيلي؟ (عنوان مصحح)', originalTitle: entry.title });
    expect((await firstEntry(part)).title).toBe(renamed.title);

    const again = createLibraryPart({ ...ctx, library: createLibrary({ bundledArchive: ctx.paths.bundledArchive, userArchive: ctx.paths.userArchive, log: vi.fn(), now: ctx.now }) });
    expect(await firstEntry(again)).toMatchObject({ title: renamed.title, originalTitle: entry.title });
  });

  it('go back to the archive\'s title with null, or when set to it again', async () => {
    const ctx = context();
    const part = createLibraryPart(ctx);
    const entry = await firstEntry(part);
    await part.renameEntry({ id: entry.id, title: 'Another title' });
    const restored = await part.renameEntry({ id: entry.id, title: null });
    expect(restored.title).toBe(entry.title);
    expect(restored.originalTitle).toBeUndefined();
    await part.renameEntry({ id: entry.id, title: 'Another title' });
    expect((await part.renameEntry({ id: entry.id, title: entry.title })).originalTitle).toBeUndefined();
    expect(JSON.parse(readFileSync(join(ctx.paths.dataDir, TITLES_FILE), 'utf8')).titles).toEqual({});
  });

  it('never touch the archive', async () => {
    const ctx = context();
    const manifest = readFileSync(join(ctx.paths.bundledArchive, 'manifest.json'), 'utf8');
    const part = createLibraryPart(ctx);
    await part.renameEntry({ id: (await firstEntry(part)).id, title: 'x' });
    expect(readFileSync(join(ctx.paths.bundledArchive, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  it('refuse unknown entries and empty or oversized titles', async () => {
    const part = createLibraryPart(context());
    await expect(part.renameEntry({ id: 'no-such-entry', title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    expect(() => parseRequest('renameEntry', { id: 'a', title: '   ' })).toThrow(/cannot be empty/);
    expect(() => parseRequest('renameEntry', { id: 'a', title: 'x'.repeat(301) })).toThrow(/at most 300/);
    expect(() => parseRequest('renameEntry', { id: '../a', title: 'x' })).toThrow(/renameEntry: id/);
    expect(parseRequest('renameEntry', { id: 'a', title: '  spaced  ' })).toEqual({ id: 'a', title: 'spaced' });
  });

  for (const [name, content] of [
    ['not JSON', '{"version": 1, "titles": '],
    ['an unknown version', '{"version": 9, "titles": {}}'],
    ['a title that is not text', '{"version": 1, "titles": {"a": 5}}'],
  ] as const) {
    it(`move a titles file with ${name} aside and show the archive's titles`, async () => {
      const ctx = context();
      writeFileSync(join(ctx.paths.dataDir, TITLES_FILE), content);
      const part = createLibraryPart(ctx);
      expect((await firstEntry(part)).originalTitle).toBeUndefined();
      const files = readdirSync(ctx.paths.dataDir);
      const aside = files.find((f) => f.startsWith(`${TITLES_FILE}.corrupt-`));
      expect(aside).toBeDefined();
      expect(readFileSync(join(ctx.paths.dataDir, aside!), 'utf8')).toBe(content);
    });
  }
});
