/**
 * Capture and import through the real Library (src/archive/library.ts) into
 * a user archive on disk, over a copy of the bundled archive: what lands on
 * disk verifies clean, has no active content, attaches to a bundled source
 * without touching the bundled files, and a failure leaves the user archive
 * exactly as it was. The last test runs the whole service (notes included)
 * to check that a re-capture moves a note to the new version.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/api/context';
import { ApiError } from '../../src/api/errors';
import { createCapturePart } from '../../src/api/parts/capture';
import { inlineExtractor } from '../../src/capture/extract-runner';
import { createService } from '../../src/api/create-service';
import { createLibrary } from '../../src/archive/library';
import { verifyArchive } from '../../src/capture/verify';
import { documentText } from '../../src/document/text';
import { expectNoActiveContent } from '../unit/capture/helpers/active';
import { fixture, PNG_1X1, send, startServer, type TestServer } from '../unit/capture/helpers/server';

const BUNDLED = join(__dirname, '..', '..', 'assets', 'archive');
const SOURCE = 'guardian-2025-09-25-microsoft-blocks';
let server: TestServer;
let page = fixture('news-en.html').toString('utf8');
let work: string;
let bundled: string;
let userArchive: string;

beforeAll(async () => {
  server = await startServer({
    '/news': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    },
    '/img/photo.png': send(200, 'image/png', PNG_1X1),
    '/pdf': send(200, 'application/pdf', '%PDF-1.4'),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'daftar-capture-int-'));
  bundled = join(work, 'bundled');
  userArchive = join(work, 'data', 'archive');
  cpSync(BUNDLED, bundled, { recursive: true });
  page = fixture('news-en.html').toString('utf8');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function setup() {
  const now = () => new Date('2026-01-02T03:04:05.000Z');
  const library = createLibrary({ bundledArchive: bundled, userArchive, log: () => undefined, now });
  const ctx = { paths: { bundledArchive: bundled, userArchive, dataDir: join(work, 'data') }, library, now, log: () => undefined, appVersion: '0', transport: 'http', systemLocale: 'en' } satisfies ServiceContext;
  // Extraction on this thread: the worker (60 s limit, tsx start-up) is covered by extract-runner.test.ts and the whole-service test below.
  return { library, part: createCapturePart(ctx, { limits: { pageTimeoutMs: 3000 }, extract: inlineExtractor }) };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, name.name);
      if (name.isDirectory()) walk(full);
      else out[full.slice(dir.length)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

describe('capture into the real library', () => {
  it('attaches a capture to a bundled source; the user archive verifies clean; the bundled one is untouched', async () => {
    const before = snapshot(bundled);
    const { library, part } = setup();
    const res = await part.captureSource({ url: server.url('/news'), sourceId: SOURCE });
    expect(res.entry).toMatchObject({ id: SOURCE, status: 'captured', location: 'user' });
    expect(res.version).toBe('v1');
    expect(res.entry.provenance).toMatchObject({ origin: 'captured', originalUrl: server.url('/news'), httpStatus: 200, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rawSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const loaded = library.load(SOURCE);
    expect(loaded.layout.text).toContain('stopped an army intelligence unit');
    expectNoActiveContent({ document: loaded.document, meta: { title: res.entry.title, url: null, lang: 'en', dir: 'ltr' } });
    const stored = readFileSync(join(userArchive, 'documents', SOURCE, 'v1.json'), 'utf8');
    expect(stored).not.toMatch(/<script|javascript:|data:|onerror|onclick/i);
    const report = await verifyArchive(userArchive);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBe(3); // document, raw page, photo
    expect(snapshot(bundled)).toEqual(before);
  });

  it('a failed capture leaves the user archive exactly as it was', async () => {
    const { part } = setup();
    await part.importFile({ fileName: 'note.md', contentBase64: Buffer.from('# A note\n\nSome text to keep.').toString('base64') });
    const before = snapshot(userArchive);
    const attempts = [
      () => part.captureSource({ url: server.url('/pdf') }),
      () => part.captureSource({ url: server.url('/news'), sourceId: 'no-such-source' }),
      () => part.importFile({ fileName: '../../evil.html', contentBase64: Buffer.from('<p>x</p>').toString('base64') }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(ApiError);
    expect(snapshot(userArchive)).toEqual(before);
  });

  it('a re-capture is a new version and the old one stays readable', async () => {
    const { library, part } = setup();
    await part.captureSource({ url: server.url('/news'), sourceId: SOURCE });
    page = page.replace('The company said it would keep reviewing its contracts', 'The company said on Friday it would keep reviewing all of its contracts');
    const second = await part.captureSource({ url: server.url('/news'), sourceId: SOURCE });
    expect(second.version).toBe('v2');
    expect(second.entry.versions.map((v) => [v.version, v.current])).toEqual([['v1', false], ['v2', true]]);
    expect(library.load(SOURCE, 'v1').layout.text).toContain('The company said it would keep reviewing');
    expect(library.load(SOURCE).layout.text).toContain('said on Friday');
    expect((await verifyArchive(userArchive)).problems).toEqual([]);
  });
});

describe('the whole service', () => {
  // Two captures through the real worker threads: slow to start under tsx on a busy machine.
  it('re-capture moves a note on the old version to the new text', { timeout: 120_000 }, async () => {
    const service = await createService({
      paths: { bundledArchive: bundled, userArchive, dataDir: join(work, 'data') },
      transport: 'http',
      appVersion: '0',
      systemLocale: 'en',
      effects: { fetchImpl: fetch },
      log: () => undefined,
    });
    try {
      await service.captureSource({ url: server.url('/news'), sourceId: SOURCE });
      const doc = await service.getDocument({ id: SOURCE });
      const text = documentText(doc.document);
      const quote = 'several were dismissed after a sit-in';
      const start = text.indexOf(quote);
      expect(start).toBeGreaterThan(0);
      await service.createAnnotation({ docId: SOURCE, start, end: start + quote.length, color: 'yellow', note: 'check this' });
      page = page.replace('<h2>What happens next</h2>', '<p>A new paragraph was added above the rest of the story after publication, pushing everything down.</p><h2>What happens next</h2>').replace('Workers at the company', 'Staff at the company');
      const res = await service.captureSource({ url: server.url('/news'), sourceId: SOURCE });
      expect(res.version).toBe('v2');
      expect(res.reanchored).toEqual({ anchored: 1, orphaned: 0 });
      const notes = await service.listAnnotations({ docId: SOURCE });
      expect(notes).toHaveLength(1);
      const newText = documentText((await service.getDocument({ id: SOURCE })).document);
      expect(newText.slice(notes[0]!.anchor!.start, notes[0]!.anchor!.end)).toBe(quote);
    } finally {
      await service.close();
    }
  });
});
