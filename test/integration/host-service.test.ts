/**
 * The whole contract over the local host, with the real service on the
 * bundled archive and a fresh data folder: what a browser tab does, without
 * the browser. Hostile calls must be refused with a clear message and change
 * nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, DocumentView, Envelope, LibraryResult, SearchResponse } from '../../src/api/contract';
import { createService } from '../../src/api/create-service';
import { pathsFor } from '../../src/api/paths';
import type { Service } from '../../src/api/service';
import { startHost, type RunningHost } from '../../src/api/host/server';
import { documentText } from '../../src/document/text';

const ARTICLE = 'aljazeera-2025-09-28-microsoft-unit-8200';
let dataDir: string;
let service: Service;
let host: RunningHost;

async function call<T>(method: string, body?: unknown): Promise<{ status: number; envelope: Envelope<T> }> {
  const response = await fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Daftar-Token': host.token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, envelope: (await response.json()) as Envelope<T> };
}

async function value<T>(method: string, body?: unknown): Promise<T> {
  const { envelope } = await call<T>(method, body);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'daftar-host-service-'));
  service = await createService({
    paths: pathsFor(resolve(__dirname, '../../assets/archive'), dataDir),
    transport: 'http',
    appVersion: '0.0.0-test',
    systemLocale: 'ar-EG',
    log: () => {},
  });
  host = await startHost({ service, staticDir: mkdtempSync(join(tmpdir(), 'daftar-static-')) });
});

afterAll(async () => {
  await host.close();
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the contract over the local host', () => {
  it('lists the bundled article and every source it cites', async () => {
    const result = await value<LibraryResult>('getLibrary');
    expect(result.state).toBe('ok');
    if (result.state !== 'ok') return;
    const { library } = result;
    expect(library.articleId).toBe(ARTICLE);
    const sources = library.entries.filter((e) => e.kind === 'source');
    expect(sources.map((s) => s.id).sort()).toEqual(
      [
        'aljazeera-2025-08-10-microsoft-review',
        'guardian-2025-08-06-million-calls',
        'guardian-2025-09-25-microsoft-blocks',
        'microsoft-2025-09-25-brad-smith',
        'no-azure-for-apartheid-campaign',
        'un-pressure-unresolved',
        'x-2025-09-27-noaz4apartheid',
      ].sort(),
    );
    expect(sources.find((s) => s.id === 'un-pressure-unresolved')!.status).toBe('unresolved');
    expect(sources.find((s) => s.id === 'guardian-2025-09-25-microsoft-blocks')!.status).toBe('not-captured');
  });

  it('returns the article whose citations slice to their quotes', async () => {
    const view = await value<DocumentView>('getDocument', { id: ARTICLE });
    expect(view.entry.dir).toBe('rtl');
    const text = documentText(view.document);
    expect(view.citations.length).toBeGreaterThanOrEqual(8);
    for (const c of view.citations) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('searches without diacritics or hamza and returns offsets on the words', async () => {
    const response = await value<SearchResponse>('search', { query: 'الاسرائيلي' });
    expect(response.total).toBeGreaterThan(0);
    const hit = response.groups[0]!.hits[0]!;
    for (const [start, end] of hit.matches) expect(hit.text.slice(start, end)).toMatch(/الإسرائيلي/);
  });

  it('saves a note and lists it anchored, across a new service on the same data folder', async () => {
    const view = await value<DocumentView>('getDocument', { id: ARTICLE });
    const text = documentText(view.document);
    const start = text.indexOf('الوحدة 8200');
    const created = await value<AnchoredAnnotation>('createAnnotation', { docId: ARTICLE, start, end: start + 'الوحدة 8200'.length, color: 'green', note: 'Unit 8200 — الوحدة', tags: ['azure'] });
    expect(created.anchor).toMatchObject({ start, method: 'position', score: 1 });

    const again = await createService({ paths: pathsFor(resolve(__dirname, '../../assets/archive'), dataDir), transport: 'http', appVersion: 't', systemLocale: 'en', log: () => {} });
    try {
      const listed = await again.listAnnotations({ docId: ARTICLE });
      expect(listed.find((a) => a.id === created.id)?.body).toEqual({ note: 'Unit 8200 — الوحدة', tags: ['azure'] });
    } finally {
      await again.close();
    }
  });

  it('tells the user when a damaged notes database was moved aside, and keeps it', async () => {
    const damagedDir = mkdtempSync(join(tmpdir(), 'daftar-damaged-'));
    const garbage = 'this is not a database '.repeat(400);
    writeFileSync(join(damagedDir, 'daftar.sqlite'), garbage);
    const fresh = await createService({ paths: pathsFor(resolve(__dirname, '../../assets/archive'), damagedDir), transport: 'http', appVersion: 't', systemLocale: 'en', log: () => {} });
    try {
      const info = await fresh.getAppInfo();
      expect(info.notices).toHaveLength(1);
      expect(info.notices[0]!.code).toBe('notes-db-corrupt');
      expect(readFileSync(info.notices[0]!.keptAt!, 'utf8')).toBe(garbage);
      expect(await fresh.listAnnotations({})).toEqual([]);
      expect(existsSync(join(damagedDir, 'daftar.sqlite'))).toBe(true);
    } finally {
      await fresh.close();
      rmSync(damagedDir, { recursive: true, force: true });
    }
  });

  const hostile: [string, string, unknown, number, RegExp][] = [
    ['a path as document id', 'getDocument', { id: '../../etc/passwd' }, 400, /getDocument: id/],
    ['an unknown document', 'getDocument', { id: 'no-such-doc' }, 404, /no-such-doc/],
    ['a note on an unknown document', 'createAnnotation', { docId: 'ghost', start: 0, end: 3, color: 'yellow' }, 404, /ghost/],
    ['a reversed range', 'createAnnotation', { docId: ARTICLE, start: 10, end: 5, color: 'yellow' }, 400, /end must be after start/],
    ['a range past the text', 'createAnnotation', { docId: ARTICLE, start: 1_000_000, end: 1_000_010, color: 'yellow' }, 400, /./],
    ['an unknown colour', 'createAnnotation', { docId: ARTICLE, start: 0, end: 3, color: 'red' }, 400, /color/],
    ['an oversized note', 'createAnnotation', { docId: ARTICLE, start: 0, end: 3, color: 'yellow', note: 'x'.repeat(20_001) }, 400, /at most 20000/],
    ['a settings value out of range', 'setSettings', { fontSize: 400 }, 400, /fontSize/],
    ['a javascript: link', 'openExternal', { url: 'javascript:alert(1)' }, 400, /./],
    ['an import named like a path', 'importFile', { fileName: '../../evil.html', contentBase64: Buffer.from('<p>x</p>').toString('base64') }, 400, /./],
    ['a capture of a file: URL', 'captureSource', { url: 'file:///etc/passwd' }, 400, /./],
    ['a malformed notes import', 'importAnnotations', { content: '{"type": "AnnotationCollection", "items": 5' }, 400, /./],
  ];
  for (const [name, method, body, status, message] of hostile) {
    it(`refuses ${name}`, async () => {
      const before = await value<AnchoredAnnotation[]>('listAnnotations', {});
      const { status: got, envelope } = await call(method, body);
      expect(got, JSON.stringify(envelope)).toBe(status);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(envelope.error.message).toMatch(message);
      expect(await value<AnchoredAnnotation[]>('listAnnotations', {})).toEqual(before);
    });
  }
});
