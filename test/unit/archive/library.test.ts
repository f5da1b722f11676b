import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { NewVersion } from '../../../src/api/context';
import { ApiError } from '../../../src/api/errors';
import { nodeFs, sha256Hex, type AtomicFs } from '../../../src/archive/atomic';
import { createLibrary, type LibraryOptions } from '../../../src/archive/library';
import { loadArchive } from '../../../src/archive/loader';
import { documentText } from '../../../src/document/text';
import { tempDir, writeArchive, writeFile } from '../../fixtures/archive/make-archive';

function newVersion(overrides: Partial<NewVersion> = {}, text = 'Microsoft said it blocked the unit.'): NewVersion {
  return {
    document: { type: 'document', version: 1, lang: 'en', dir: 'ltr', blocks: [{ id: 'b0', type: 'paragraph', runs: [{ text }] }] },
    meta: { title: 'Microsoft blocks Israel’s use of its technology', publisher: 'The Guardian', url: 'https://www.theguardian.com/x', lang: 'en', dir: 'ltr' },
    provenance: { origin: 'captured', capturedAt: '2026-01-02T03:04:05.000Z', originalUrl: 'https://www.theguardian.com/x', finalUrl: 'https://www.theguardian.com/x', httpStatus: 200, contentType: 'text/html' },
    raw: { bytes: new TextEncoder().encode('<html>raw</html>'), extension: 'html' },
    ...overrides,
  };
}

function setup(extra: Partial<LibraryOptions> = {}) {
  const { dir: bundled } = writeArchive();
  const data = tempDir('daftar-data-');
  const userArchive = join(data, 'archive');
  const log = vi.fn();
  const library = createLibrary({ bundledArchive: bundled, userArchive, log, now: () => new Date('2026-01-02T00:00:00Z'), ...extra });
  return { library, bundled, userArchive, log };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(`${full.slice(dir.length)}:${sha256Hex(readFileSync(full))}`);
    }
  };
  walk(dir);
  return out.sort();
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

describe('createLibrary: reading', () => {
  it('shows the bundled archive when there is no user archive yet, article first', () => {
    const { library, bundled } = setup();
    const result = library.result();
    expect(result.state).toBe('ok');
    const view = library.view();
    expect(view.archive).toEqual({ id: 'test', title: 'Test archive', path: bundled });
    expect(view.articleId).toBe('article-1');
    expect(view.entries.map((e) => [e.id, e.status, e.location])).toEqual([['article-1', 'captured', 'bundled'], ['guardian', 'not-captured', 'bundled'], ['un', 'unresolved', 'bundled']]);
    expect(view.citations).toHaveLength(1);
  });

  it('loads a document with its layout, citations and a content hash of its text', () => {
    const { library } = setup();
    const doc = library.load('article-1');
    expect(doc.version).toBe('v1');
    expect(doc.layout.text).toBe(documentText(doc.document));
    expect(doc.citations.map((c) => c.sourceId)).toEqual(['guardian']);
    expect(doc.entry.contentHash).toBe(sha256Hex(doc.layout.text));
    expect(doc.entry.versions).toEqual([{ version: 'v1', capturedAt: '2025-09-28T00:00:00.000Z', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), current: true }]);
    expect(library.documents().map((d) => d.entry.id)).toEqual(['article-1']);
  });

  it.each([
    ['unknown id', 'ghost', undefined, 'library: no document "ghost" in the archive'],
    ['not captured yet', 'guardian', undefined, 'library: "Title guardian" is not captured yet: capture it or import a file to read it'],
    ['unknown version', 'article-1', 'v7', 'library: "Title article-1" has no version v7 (it has v1)'],
  ])('load: %s is not-found with a clear message', (_n, id, version, message) => {
    const { library } = setup();
    const error = apiError(() => library.load(id, version));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(message);
  });
});

describe('createLibrary: addVersion', () => {
  it('attaches a capture to a bundled source without touching the bundled files', async () => {
    const { library, bundled, userArchive } = setup();
    const before = listFiles(bundled);
    const listener = vi.fn();
    library.subscribe(listener);
    const hashBefore = library.contentHash();
    const added = await library.addVersion(newVersion({ sourceId: 'guardian' }));
    expect(added.version).toBe('v1');
    expect(added.previousVersion).toBeUndefined();
    expect(added.entry).toMatchObject({ id: 'guardian', status: 'captured', location: 'user', title: 'Title guardian' });
    expect(added.entry.provenance).toMatchObject({ origin: 'captured', rawFile: 'raw/guardian/v1.html', rawSha256: sha256Hex('<html>raw</html>'), httpStatus: 200 });
    expect(listFiles(bundled)).toEqual(before);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(library.contentHash()).not.toBe(hashBefore);
    expect(library.load('guardian').layout.text).toBe('Microsoft said it blocked the unit.');
    expect(readFileSync(join(userArchive, 'raw/guardian/v1.html'), 'utf8')).toBe('<html>raw</html>');
    // The user archive is a valid archive by itself.
    expect(loadArchive(userArchive).manifest.entries.map((e) => e.id)).toEqual(['guardian']);
  });

  it('keeps older versions readable and reports the version it replaced', async () => {
    const { library } = setup();
    await library.addVersion(newVersion({ sourceId: 'guardian' }, 'First text.'));
    const second = await library.addVersion(newVersion({ sourceId: 'guardian' }, 'Second text.'));
    expect(second).toMatchObject({ version: 'v2', previousVersion: 'v1' });
    expect(second.entry.versions.map((v) => [v.version, v.current])).toEqual([['v1', false], ['v2', true]]);
    expect(library.load('guardian').layout.text).toBe('Second text.');
    expect(library.load('guardian', 'v1').layout.text).toBe('First text.');
  });

  it('gives a new source an id from its title plus a short hash, after the bundled entries', async () => {
    const { library } = setup();
    const a = await library.addVersion(newVersion());
    const b = await library.addVersion(newVersion({ meta: { ...newVersion().meta, title: 'مقال عربي' } }));
    expect(a.entry.id).toMatch(/^microsoft-blocks-israel-s-use-of-its-technology-[0-9a-f]{8}$/);
    expect(b.entry.id).toMatch(/^source-[0-9a-f]{8}$/);
    expect(a.entry.kind).toBe('source');
    expect(library.view().entries.map((e) => e.id).slice(-2)).toEqual([a.entry.id, b.entry.id]);
  });

  it('runs concurrent captures one after another', async () => {
    const { library } = setup();
    const results = await Promise.all([1, 2, 3].map((n) => library.addVersion(newVersion({ sourceId: 'guardian' }, `Text ${n}.`))));
    expect(results.map((r) => r.version).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(library.view().entries.find((e) => e.id === 'guardian')!.versions).toHaveLength(3);
  });

  it('does not lose a version another process (the CLI) added meanwhile', async () => {
    const { library, bundled, userArchive } = setup();
    const other = createLibrary({ bundledArchive: bundled, userArchive, log: vi.fn(), now: () => new Date() });
    await library.addVersion(newVersion({ sourceId: 'guardian' }, 'From the app.'));
    await other.addVersion(newVersion({ sourceId: 'guardian' }, 'From the CLI.'));
    const third = await library.addVersion(newVersion({ sourceId: 'guardian' }, 'From the app again.'));
    expect(third).toMatchObject({ version: 'v3', previousVersion: 'v2' });
    library.reload();
    expect(['v1', 'v2', 'v3'].map((v) => library.load('guardian', v).layout.text)).toEqual(['From the app.', 'From the CLI.', 'From the app again.']);
  });

  it('the state after a capture is what a fresh load of the folders gives', async () => {
    const { library, bundled, userArchive } = setup();
    await library.addVersion(newVersion({ sourceId: 'guardian' }, 'One.'));
    await library.addVersion(newVersion({}, 'Two.'));
    const fresh = createLibrary({ bundledArchive: bundled, userArchive, log: vi.fn(), now: () => new Date() });
    expect(library.result()).toEqual(fresh.result());
    expect(library.contentHash()).toBe(fresh.contentHash());
  });

  it.each([
    ['unknown source id', newVersion({ sourceId: 'nobody' }), 'not-found', /no source "nobody"/],
    ['an invalid document', newVersion({ document: { type: 'document', version: 1, lang: 'en', dir: 'ltr', blocks: [{ id: 'b0', type: 'paragraph', runs: [{ text: 1 as unknown as string }] }] } }), 'bad-request', /library: new version of .*: blocks\.0\.runs\.0\.text/],
    ['a figure whose image is not given', newVersion({ document: { type: 'document', version: 1, lang: 'en', dir: 'ltr', blocks: [{ id: 'b0', type: 'figure', alt: '', src: 'media/x.png', runs: [] }] } }), 'bad-request', /figure b0 shows media\/x\.png, which is neither given nor stored/],
    ['a media name that is a path', newVersion({ media: [{ name: '../x.png', bytes: new Uint8Array([1]) }] }), 'bad-request', /media name "\.\.\/x\.png" is not a plain file name/],
    ['a raw hash that does not match', newVersion({ provenance: { ...newVersion().provenance, rawSha256: '0'.repeat(64) } }), 'bad-request', /rawSha256 is not the hash/],
  ])('refuses %s and writes nothing', async (_n, input, code, message) => {
    const { library, userArchive } = setup();
    await expect(library.addVersion(input)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(listFiles(userArchive)).toEqual([]);
  });

  it('stores images under media/ and checks them on load', async () => {
    const { library, userArchive } = setup();
    const png = new Uint8Array([137, 80, 78, 71]);
    const name = `${sha256Hex(png)}.png`;
    await library.addVersion(newVersion({ media: [{ name, bytes: png }], document: { type: 'document', version: 1, lang: 'en', dir: 'ltr', blocks: [{ id: 'b0', type: 'figure', alt: 'a', src: `media/${name}`, runs: [] }] } }));
    expect(readFileSync(join(userArchive, 'media', name))).toEqual(Buffer.from(png));
    writeFileSync(join(userArchive, 'media', name), 'tampered');
    expect(library.reload()).toMatchObject({ state: 'error', error: { file: `media/${name}`, problem: expect.stringMatching(/hash mismatch/) } });
  });
});

/** A file system whose `n`-th mutating call fails. */
function failingFs(n: number): { fs: AtomicFs; calls: () => number } {
  let calls = 0;
  const fail = <T extends (...args: never[]) => Promise<unknown>>(real: T): T =>
    ((...args: Parameters<T>) => {
      if (calls++ === n) return Promise.reject(Object.assign(new Error('EIO: simulated disk failure'), { code: 'EIO' }));
      return real(...args);
    }) as T;
  const open: typeof fsp.open = async (...args) => {
    const handle = await fail(fsp.open)(...args);
    // Writes and fsyncs through the handle can fail too.
    const writeFile = handle.writeFile.bind(handle);
    const sync = handle.sync.bind(handle);
    handle.writeFile = fail(writeFile as (...a: never[]) => Promise<void>) as typeof handle.writeFile;
    handle.sync = fail(sync);
    return handle;
  };
  return { fs: { ...nodeFs, open, rename: fail(fsp.rename), mkdir: fail(fsp.mkdir) as typeof fsp.mkdir }, calls: () => calls };
}

describe('createLibrary: addVersion is all-or-nothing', () => {
  it('a failure at any step leaves the user archive exactly as it was', async () => {
    // Count the steps of one successful capture, then fail each one in turn.
    const probe = failingFs(Number.POSITIVE_INFINITY);
    const first = setup({ fs: probe.fs });
    await first.library.addVersion(newVersion({ sourceId: 'guardian' }, 'Old text.'));
    const stepsOfOneCapture = probe.calls();
    await first.library.addVersion(newVersion({ sourceId: 'guardian' }, 'New text.'));
    const stepsPerCapture = probe.calls() - stepsOfOneCapture;
    expect(stepsPerCapture).toBeGreaterThan(8);

    for (let failAt = 0; failAt < stepsPerCapture; failAt++) {
      const seeded = setup();
      await seeded.library.addVersion(newVersion({ sourceId: 'guardian' }, 'Old text.'));
      const before = listFiles(seeded.userArchive);
      const broken = createLibrary({ bundledArchive: seeded.bundled, userArchive: seeded.userArchive, log: vi.fn(), now: () => new Date(), fs: failingFs(failAt).fs });
      const error = await broken.addVersion(newVersion({ sourceId: 'guardian' }, 'New text.')).then(
        () => null,
        (e: unknown) => e,
      );
      if (error === null) {
        // Only the best-effort folder fsync after the manifest rename may fail without failing the capture.
        expect(listFiles(seeded.userArchive).length, `step ${failAt}`).toBeGreaterThan(before.length);
        continue;
      }
      expect(error, `step ${failAt}`).toMatchObject({ code: 'internal', message: expect.stringMatching(/could not be stored .*EIO.*the archive is unchanged/) });
      expect(listFiles(seeded.userArchive), `step ${failAt}`).toEqual(before);
      expect(broken.result().state).toBe('ok');
      expect(broken.load('guardian').layout.text).toBe('Old text.');
    }
  });
});

describe('createLibrary: damaged archives', () => {
  it('a corrupt user archive is reported without hiding the bundled one, and is never rewritten', async () => {
    const { library, userArchive, log } = setup();
    writeFile(userArchive, 'manifest.json', '{ not json');
    const result = library.reload();
    expect(result).toEqual({ state: 'error', error: { file: 'manifest.json', problem: expect.stringMatching(/^not JSON/) }, archivePath: userArchive, canOpenBundled: true });
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('user archive'), 'user-archive-invalid');
    expect(apiError(() => library.view()).code).toBe('invalid-archive');
    expect(apiError(() => library.load('article-1')).message).toMatch(/archive: manifest\.json: not JSON/);

    const bundledOnly = library.openBundled();
    expect(bundledOnly.state).toBe('ok');
    expect(library.load('article-1').version).toBe('v1');

    await expect(library.addVersion(newVersion({ sourceId: 'guardian' }))).rejects.toMatchObject({ code: 'invalid-archive', message: expect.stringMatching(/is damaged \(manifest\.json: not JSON.*nothing was written/) });
    expect(readFileSync(join(userArchive, 'manifest.json'), 'utf8')).toBe('{ not json');
    expect(library.reload().state).toBe('error');
  });

  it('a damaged bundled archive offers the fallback (shipped) archive when that one loads', () => {
    const { dir: fallback } = writeArchive();
    const { dir: chosen } = writeArchive();
    writeFileSync(join(chosen, 'documents/article-1.json'), 'changed');
    const library = createLibrary({ bundledArchive: chosen, fallbackArchive: fallback, userArchive: join(tempDir(), 'archive'), log: vi.fn(), now: () => new Date() });
    expect(library.result()).toMatchObject({ state: 'error', archivePath: chosen, canOpenBundled: true, error: { file: 'documents/article-1.json' } });
    const opened = library.openBundled();
    expect(opened.state === 'ok' && opened.library.archive.path).toBe(fallback);
  });

  it('a damaged bundled archive without a fallback cannot offer one', () => {
    const bundled = tempDir();
    const library = createLibrary({ bundledArchive: bundled, userArchive: join(tempDir(), 'archive'), log: vi.fn(), now: () => new Date() });
    expect(library.result()).toEqual({ state: 'error', error: { file: 'manifest.json', problem: 'missing' }, archivePath: bundled, canOpenBundled: false });
    expect(library.openBundled().state).toBe('error');
  });
});
