/**
 * scripts/capture-sources.ts against the local test server: a copy of the
 * bundled archive whose source URLs are rewritten to pages of the server
 * (good pages, a PDF, a redirect loop, a server that never answers). Each
 * source gets its own result, failures do not stop the others, the archive
 * stays loadable and verifies clean, the index is rebuilt, and a second run
 * changes nothing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureSources } from '../../scripts/capture-sources';
import { bundledIndexFile } from '../../src/api/parts/search';
import { loadArchive } from '../../src/archive/loader';
import { verifyArchive } from '../../src/capture/verify';
import { fixture, PNG_1X1, redirect, send, startServer, type TestServer } from '../unit/capture/helpers/server';

let server: TestServer;
let dir: string;
const ROUTES: Record<string, string> = {
  'guardian-2025-09-25-microsoft-blocks': '/news-en',
  'guardian-2025-08-06-million-calls': '/pdf',
  'microsoft-2025-09-25-brad-smith': '/hang',
  'x-2025-09-27-noaz4apartheid': '/loop-a',
  'aljazeera-2025-08-10-microsoft-review': '/news-ar',
};

beforeAll(async () => {
  server = await startServer({
    '/news-en': send(200, 'text/html; charset=utf-8', fixture('news-en.html')),
    '/news-ar': send(200, 'text/html; charset=utf-8', fixture('news-ar.html')),
    '/img/photo.png': send(200, 'image/png', PNG_1X1),
    '/pdf': send(200, 'application/pdf', '%PDF-1.4'),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/hang': () => undefined,
  });
  dir = mkdtempSync(join(tmpdir(), 'daftar-capture-sources-'));
  cpSync(join(__dirname, '..', '..', 'assets', 'archive'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const entry of manifest.entries) if (ROUTES[entry.id]) entry.url = server.url(ROUTES[entry.id]!);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (force = false) => {
  const lines: string[] = [];
  return captureSources({ archiveDir: dir, fetchImpl: fetch, now: () => new Date('2026-01-01T00:00:00Z'), force, limits: { pageTimeoutMs: 500 }, report: (l) => lines.push(l) }).then((s) => ({ ...s, lines }));
};

describe('capture:sources', () => {
  it('captures what it can, reports each source, and rebuilds the index', async () => {
    const { results, index, lines } = await run();
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(byId['guardian-2025-09-25-microsoft-blocks']).toMatchObject({ outcome: 'captured', version: 'v1' });
    expect(byId['aljazeera-2025-08-10-microsoft-review']).toMatchObject({ outcome: 'captured', version: 'v1' });
    expect(byId['guardian-2025-08-06-million-calls']).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/is a PDF/) });
    expect(byId['microsoft-2025-09-25-brad-smith']).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/did not answer within 0.5 s/) });
    expect(byId['x-2025-09-27-noaz4apartheid']).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/redirect loop/) });
    expect(byId['no-azure-for-apartheid-campaign']).toMatchObject({ outcome: 'skipped', message: expect.stringMatching(/no URL known/) });
    expect(lines).toHaveLength(results.length + 1);
    expect(index).toMatch(/^index rebuilt: \d+ documents/);
    expect(existsSync(bundledIndexFile(dir))).toBe(true);

    const archive = loadArchive(dir);
    const entry = archive.manifest.entries.find((e) => e.id === 'guardian-2025-09-25-microsoft-blocks')!;
    expect(entry.status).toBe('captured');
    expect(entry.versions[0]!.provenance).toMatchObject({ origin: 'captured', originalUrl: server.url('/news-en'), httpStatus: 200 });
    expect((await verifyArchive(dir)).problems).toEqual([]);
  });

  it('is idempotent: a second run skips what is captured and retries only the failures', async () => {
    const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const { results, index } = await run();
    expect(results.filter((r) => r.outcome === 'captured')).toEqual([]);
    expect(results.find((r) => r.id === 'guardian-2025-09-25-microsoft-blocks')).toMatchObject({ outcome: 'skipped', message: expect.stringMatching(/already captured \(v1\)/) });
    expect(results.filter((r) => r.outcome === 'failed').map((r) => r.id).sort()).toEqual(['guardian-2025-08-06-million-calls', 'microsoft-2025-09-25-brad-smith', 'x-2025-09-27-noaz4apartheid']);
    expect(index).toBe('index unchanged: nothing new was captured');
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('--force captures again as a new version', async () => {
    const { results } = await run(true);
    expect(results.find((r) => r.id === 'guardian-2025-09-25-microsoft-blocks')).toMatchObject({ outcome: 'captured', version: 'v2' });
    expect((await verifyArchive(dir)).problems).toEqual([]);
  });

  it('a damaged archive stops the run before any capture', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'daftar-capture-sources-broken-'));
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    await expect(captureSources({ archiveDir: broken, fetchImpl: fetch, now: () => new Date() })).rejects.toThrow(/manifest\.json/);
    rmSync(broken, { recursive: true, force: true });
  });
});
