import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../../src/api/context';
import { createLibraryPart, DEFAULT_SETTINGS, readSettingsFile, SETTINGS_FILE } from '../../../src/api/parts/library';
import { pathsFor } from '../../../src/api/paths';
import { createLibrary } from '../../../src/archive/library';
import { tempDir, writeArchive } from '../../fixtures/archive/make-archive';

function context(): ServiceContext & { log: ReturnType<typeof vi.fn> } {
  const { dir } = writeArchive();
  const paths = pathsFor(dir, tempDir('daftar-data-'));
  const log = vi.fn();
  const now = () => new Date('2026-01-02T03:04:05.678Z');
  return { paths, library: createLibrary({ bundledArchive: paths.bundledArchive, userArchive: paths.userArchive, log, now }), now, log, appVersion: '0.1.0', transport: 'http', systemLocale: 'ar-EG' };
}

describe('library part: app info, library, documents', () => {
  it('reports app info from the context', async () => {
    const ctx = context();
    expect(await createLibraryPart(ctx).getAppInfo()).toEqual({ name: 'Daftar', version: '0.1.0', transport: 'http', systemLocale: 'ar-EG', dataDir: ctx.paths.dataDir, archiveDir: ctx.paths.bundledArchive, canCapture: false, notices: [] });
    const notice = { code: 'notes-db-corrupt', message: 'moved aside', keptAt: '/d/daftar.sqlite.corrupt' };
    expect((await createLibraryPart(ctx, { canCapture: true, notices: () => [notice] }).getAppInfo())).toMatchObject({ canCapture: true, notices: [notice] });
    expect((await createLibraryPart(ctx, { canCapture: true }).getAppInfo()).canCapture).toBe(true);
  });

  it('returns the library and a document view with its citations', async () => {
    const part = createLibraryPart(context());
    const library = await part.getLibrary();
    expect(library.state).toBe('ok');
    const view = await part.getDocument({ id: 'article-1' });
    expect(view.version).toBe('v1');
    expect(view.entry.id).toBe('article-1');
    expect(view.citations).toHaveLength(1);
    expect(Object.keys(view).sort()).toEqual(['citations', 'document', 'entry', 'version']);
    expect(() => JSON.stringify(view)).not.toThrow();
  });

  it.each([
    ['ghost', /no document "ghost"/],
    ['guardian', /"Title guardian" is not captured yet/],
  ])('getDocument(%s) rejects with not-found', async (id, message) => {
    await expect(createLibraryPart(context()).getDocument({ id })).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(message) });
  });

  it('openBundledArchive goes back to the bundled archive after a damaged user archive', async () => {
    const ctx = context();
    const part = createLibraryPart(ctx);
    writeArchive(ctx.paths.userArchive);
    writeFileSync(join(ctx.paths.userArchive, 'manifest.json'), '[]');
    ctx.library.reload();
    expect(await part.getLibrary()).toMatchObject({ state: 'error', canOpenBundled: true });
    expect((await part.openBundledArchive()).state).toBe('ok');
  });
});

describe('library part: settings', () => {
  it('gives the defaults when there is no file', async () => {
    expect(await createLibraryPart(context()).getSettings()).toEqual({ fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: null });
  });

  it('round-trips through settings.json, merging partial updates', async () => {
    const ctx = context();
    const part = createLibraryPart(ctx);
    expect(await part.setSettings({ fontSize: 24, theme: 'sepia' })).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'sepia' });
    expect(await part.setSettings({ uiLanguage: 'en' })).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'sepia', uiLanguage: 'en' });
    // A fresh part (a restart) reads the same values.
    expect(await createLibraryPart(ctx).getSettings()).toEqual({ fontSize: 24, lineHeight: 1.9, theme: 'sepia', uiLanguage: 'en' });
    expect(JSON.parse(readFileSync(join(ctx.paths.dataDir, SETTINGS_FILE), 'utf8'))).toMatchObject({ version: 1, fontSize: 24 });
    expect(await part.setSettings({ uiLanguage: null })).toMatchObject({ uiLanguage: null });
    expect(readdirSync(ctx.paths.dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps concurrent updates (they are applied in order)', async () => {
    const part = createLibraryPart(context());
    await Promise.all([part.setSettings({ fontSize: 30 }), part.setSettings({ theme: 'dark' }), part.setSettings({ lineHeight: 2 })]);
    expect(await part.getSettings()).toEqual({ fontSize: 30, lineHeight: 2, theme: 'dark', uiLanguage: null });
  });

  it.each([
    ['fontSize too big', { fontSize: 99 }, /setSettings: fontSize: 99 is not allowed/],
    ['unknown theme', { theme: 'neon' as never }, /setSettings: theme: "neon" is not allowed/],
    ['NaN line height', { lineHeight: Number.NaN }, /setSettings: lineHeight: null is not allowed/],
  ])('refuses %s', async (_n, req, message) => {
    const ctx = context();
    await expect(createLibraryPart(ctx).setSettings(req)).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(message) });
    expect(existsSync(join(ctx.paths.dataDir, SETTINGS_FILE))).toBe(false);
  });

  it.each([
    ['not JSON', '{"fontSize": 2', DEFAULT_SETTINGS],
    ['not an object', '[1,2]', DEFAULT_SETTINGS],
    ['an unknown version', '{"version": 9, "fontSize": 22}', DEFAULT_SETTINGS],
    ['one bad field among good ones', '{"version": 1, "fontSize": 22, "theme": "neon"}', { ...DEFAULT_SETTINGS, fontSize: 22 }],
    ['a field of the wrong type', '{"version": 1, "fontSize": "22"}', DEFAULT_SETTINGS],
  ])('a corrupt settings file (%s) falls back to defaults and is moved aside, not overwritten', async (_n, content, expected) => {
    const ctx = context();
    const path = join(ctx.paths.dataDir, SETTINGS_FILE);
    writeFileSync(path, content);
    expect(await createLibraryPart(ctx).getSettings()).toEqual(expected);
    expect(existsSync(path)).toBe(false);
    const aside = join(ctx.paths.dataDir, 'settings.json.corrupt-2026-01-02T03-04-05-678Z');
    expect(readFileSync(aside, 'utf8')).toBe(content);
    expect(ctx.log).toHaveBeenCalledWith('warn', expect.stringContaining('moved to'), 'settings-corrupt');
  });

  it('ignores unknown keys without treating the file as corrupt (a newer app may add some)', () => {
    expect(readSettingsFile('{"version":1,"theme":"dark","future":true}')).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, problems: [] });
  });
});

describe('library part: openExternal', () => {
  it('hands a safe https URL to the effect', async () => {
    const open = vi.fn(async () => true);
    const part = createLibraryPart(context(), { openExternal: open });
    expect(await part.openExternal({ url: 'https://www.theguardian.com/x' })).toEqual({ opened: true });
    expect(open).toHaveBeenCalledWith('https://www.theguardian.com/x');
  });

  it('reports opened: false without an effect (the HTTP transport)', async () => {
    expect(await createLibraryPart(context()).openExternal({ url: 'https://example.org/' })).toEqual({ opened: false });
  });

  it.each(['javascript:alert(1)', 'http://example.org/', 'https://user@example.org/', 'file:///etc/passwd', 'https://localhost:3000/'])('refuses %s without calling the effect', async (url) => {
    const open = vi.fn(async () => true);
    await expect(createLibraryPart(context(), { openExternal: open }).openExternal({ url })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^openExternal: only https: links/) });
    expect(open).not.toHaveBeenCalled();
  });
});
