// @vitest-environment jsdom
/**
 * The reader rendered by React over the real bundled archive (through the real
 * library part of the service, no transport): the DOM it produces is the
 * contract highlights.ts and the notes/search layers rely on — every segment's
 * data-offset and text agree with the document layout, every citation range is
 * a link to its source — and the article is RTL with its headings.
 * The registries of other areas are emptied so this tests the reader alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act, createElement as h, Fragment } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DaftarApi } from '../../../src/api/contract';
import { ApiError } from '../../../src/api/errors';
import { createLibrary } from '../../../src/archive/library';
import { createLibraryPart } from '../../../src/api/parts/library';
import { AppProvider, useApp } from '../../../renderer/app/context';
import { ReaderPane } from '../../../renderer/reader/ReaderPane';
import { SourcePanel } from '../../../renderer/sources/SourcePanel';
import { rangeFromOffsets } from '../../../renderer/reader/highlights';

vi.mock('../../../renderer/app/panels', () => ({ sidePanels: [], headerTools: [], readerLayers: [], sourceActions: [] }));

const archive = join(__dirname, '..', '..', '..', 'assets', 'archive');
let dataDir: string;
let container: HTMLElement;
let root: Root;
let api: DaftarApi;

function makeApi(): DaftarApi {
  const log = () => undefined;
  const now = () => new Date('2026-01-01T00:00:00Z');
  const library = createLibrary({ bundledArchive: archive, userArchive: join(dataDir, 'archive'), log, now });
  const part = createLibraryPart({ paths: { bundledArchive: archive, userArchive: join(dataDir, 'archive'), dataDir }, library, now, log, appVersion: '0', transport: 'http', systemLocale: 'ar' });
  const unsupported = async () => {
    throw new ApiError('unsupported', 'test: not part of this test');
  };
  return new Proxy(part as DaftarApi, { get: (target, key) => (key in target ? target[key as keyof DaftarApi] : unsupported) });
}

/** Opens a source card from a test, the way a citation click does. */
// createElement rather than JSX: unit tests are .ts files (vitest.config.ts).
function Harness() {
  const { panel } = useApp();
  return h(
    Fragment,
    null,
    h('main', null, h(ReaderPane)),
    panel?.id === 'source' ? h('aside', null, h(SourcePanel, { arg: panel.arg, close: () => undefined })) : null,
  );
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`test: timed out waiting for ${what}`);
}

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  Element.prototype.scrollIntoView = () => undefined;
  dataDir = mkdtempSync(join(tmpdir(), 'daftar-render-'));
  api = makeApi();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(h(AppProvider, { api, children: h(Harness) })),
  );
  await waitFor(() => container.querySelector('article.document [data-offset]') !== null, 'the article');
});

afterAll(() => {
  act(() => root.unmount());
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the reader over the bundled archive', () => {
  it('renders the article right to left, in Arabic, with its section headings', () => {
    const article = container.querySelector('article.document')!;
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(article.getAttribute('lang')).toBe('ar');
    const headings = Array.from(article.querySelectorAll('.doc-heading')).map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(['تفاصيل إضافية خفية', 'علاقة تجارية مستمرة']));
    expect(article.querySelector('.embed-card .embed-handle')!.textContent).toBe('@NoAz4Apartheid');
  });

  it('gives every segment a data-offset whose text is exactly that slice of the document text', async () => {
    const view = await api.getDocument({ id: (await api.getLibrary() as { library: { articleId: string } }).library.articleId });
    const { layoutDocument } = await import('../../../src/document/text');
    const layout = layoutDocument(view.document);
    const segments = Array.from(container.querySelectorAll<HTMLElement>('article.document [data-offset]'));
    expect(segments.length).toBeGreaterThanOrEqual(view.document.blocks.length);
    let covered = 0;
    for (const el of segments) {
      const start = Number(el.dataset.offset);
      expect(el.childNodes.length).toBeLessThanOrEqual(1); // one text node: never split
      expect(el.textContent).toBe(layout.text.slice(start, start + el.textContent!.length));
      covered += el.textContent!.length;
    }
    expect(covered).toBe(layout.blocks.reduce((n, b) => n + (b.end - b.start), 0));
  });

  it('turns every citation range into links to its source, and rangeFromOffsets reads its quote', async () => {
    const view = await api.getDocument({ id: 'aljazeera-2025-09-28-microsoft-unit-8200' });
    const { layoutDocument } = await import('../../../src/document/text');
    const layout = layoutDocument(view.document);
    const body = container.querySelector<HTMLElement>('.document-body')!;
    expect(view.citations.length).toBeGreaterThan(5);
    for (const citation of view.citations) {
      const links = Array.from(body.querySelectorAll(`a.citation[data-source-id="${citation.sourceId}"]`)).map((a) => a.textContent).join('|');
      expect(links, citation.quote).toContain(citation.quote.trim().slice(0, 20));
      expect(rangeFromOffsets(body, layout, citation.start, citation.end)!.toString()).toBe(citation.quote);
    }
  });

  it('a citation link opens the card of its source, with the sentences that cite it', async () => {
    const link = Array.from(container.querySelectorAll<HTMLAnchorElement>('a.citation')).find((a) => a.textContent === 'وفق ما جاء في تقرير "الغارديان"')!;
    expect(link.dataset.sourceId).toBe('guardian-2025-09-25-microsoft-blocks');
    await act(async () => link.click());
    await waitFor(() => container.querySelector('.source-card') !== null, 'the source card');
    const card = container.querySelector<HTMLElement>('.source-card')!;
    expect(card.dataset.sourceId).toBe('guardian-2025-09-25-microsoft-blocks');
    expect(card.querySelector('.source-title')!.textContent).toBe("Microsoft blocks Israel's use of its technology in mass surveillance of Palestinians");
    expect(card.querySelectorAll('.citing-sentence')).toHaveLength(4);
    expect(card.querySelector('[data-status]')!.getAttribute('data-status')).toBe('not-captured');
  });
});
