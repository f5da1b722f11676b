// @vitest-environment jsdom
/**
 * The find bar as a reader meets it, rendered with React in jsdom over a fake
 * API: it opens on the match of the opened hit, Enter / Shift+Enter / F3 step
 * with the counter following, Escape closes, a request for another document is
 * ignored, problems and failures are shown. (jsdom cannot paint highlights;
 * the e2e spec checks the painting in Chromium.)
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DaftarApi, DocumentView, FindResponse } from '../../../src/api/contract';
import { layoutBlocks } from '../../../src/document/text';
import type { Block } from '../../../src/document/types';
import { AppProvider } from '../../../renderer/app/context';
import { FindBar } from '../../../renderer/search/FindBar';
import { findStore } from '../../../renderer/search/find-store';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
Element.prototype.scrollIntoView = function scrollIntoView() {};

const TEXT = 'الجيش الإسرائيلي والجيش الاسرائيلي ثم الإسرائيلية';
const blocks = [{ id: 'b0', type: 'paragraph', runs: [{ text: TEXT }] }] as unknown as Block[];
const layout = layoutBlocks(blocks);
const doc = { view: { entry: { id: 'article' } } as unknown as DocumentView, layout };
const MATCHES: [number, number][] = [
  [6, 16],
  [24, 34],
  [38, 49],
];

function fakeApi(find: DaftarApi['findInDocument']) {
  return {
    getAppInfo: vi.fn(async () => ({ name: 'Daftar', version: '0', transport: 'http', systemLocale: 'ar', dataDir: '/d', archiveDir: '/a', canCapture: false })),
    getSettings: vi.fn(async () => ({ fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: 'ar' })),
    getLibrary: vi.fn(async () => ({ state: 'error', error: { file: 'manifest.json', problem: 'test' }, archivePath: '/a', canOpenBundled: false })),
    findInDocument: vi.fn(find),
  };
}

let root: Root;
let host: HTMLDivElement;

async function mount(api: ReturnType<typeof fakeApi>): Promise<void> {
  host = document.createElement('div');
  document.body.append(host);
  const reader = document.createElement('main');
  reader.innerHTML = `<p data-block-index="0"><span data-offset="0">${TEXT}</span></p>`;
  document.body.append(reader);
  root = createRoot(host);
  await act(async () => {
    root.render(createElement(AppProvider, { api: api as unknown as DaftarApi, children: createElement(FindBar, { root: reader, doc }) }));
  });
}

const counter = () => host.querySelector('[data-testid="find-counter"]')?.textContent;
const input = () => host.querySelector<HTMLInputElement>('input[type="search"]')!;

async function settle(): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(200);
  });
}

async function press(target: EventTarget, init: KeyboardEventInit): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

describe('FindBar', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(async () => {
    await act(async () => findStore.close());
    await act(async () => root.unmount());
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('opens on the hit the reader chose and steps with Enter, Shift+Enter and F3, counting "n من m"', async () => {
    const api = fakeApi(async (): Promise<FindResponse> => ({ matches: MATCHES }));
    await mount(api);
    await act(async () => findStore.open({ docId: 'article', query: 'الاسرائيلي', anchor: 24, focus: true }));
    await settle();
    expect(api.findInDocument).toHaveBeenCalledWith({ docId: 'article', query: 'الاسرائيلي' });
    expect(host.querySelector('[role="search"]')?.getAttribute('aria-label')).toBe('ابحث في هذا المستند');
    expect(document.activeElement).toBe(input());
    expect(counter()).toBe('2 من 3');
    await press(input(), { key: 'Enter' });
    expect(counter()).toBe('3 من 3');
    await press(input(), { key: 'Enter' });
    expect(counter()).toBe('1 من 3'); // wraps
    await press(input(), { key: 'Enter', shiftKey: true });
    expect(counter()).toBe('3 من 3');
    await press(window, { key: 'F3', shiftKey: true });
    expect(counter()).toBe('2 من 3');
    await press(window, { key: 'F3' });
    expect(counter()).toBe('3 من 3');
  });

  it('drops matches that do not fit the document and says when there are none', async () => {
    await mount(fakeApi(async () => ({ matches: [[-3, 2], [40, 9999], [5, 5]] })));
    await act(async () => findStore.open({ docId: 'article', query: 'zzz', focus: false }));
    await settle();
    expect(counter()).toBe('لا تطابق');
    expect(host.querySelectorAll('button[disabled]')).toHaveLength(2); // previous and next
  });

  it('ignores a request for another document', async () => {
    const api = fakeApi(async () => ({ matches: MATCHES }));
    await mount(api);
    await act(async () => findStore.open({ docId: 'guardian', query: 'Azure', focus: true }));
    await settle();
    expect(host.querySelector('[role="search"]')).toBeNull();
    expect(api.findInDocument).not.toHaveBeenCalled();
  });

  it('Ctrl+F opens it for the open document, Escape closes it', async () => {
    await mount(fakeApi(async () => ({ matches: MATCHES })));
    await press(window, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(input());
    await press(input(), { key: 'Escape' });
    expect(host.querySelector('[role="search"]')).toBeNull();
  });

  it.each([
    ['a query problem', async (): Promise<FindResponse> => ({ matches: [], problem: { code: 'unclosed-quote', params: { quote: '"' }, message: 'search: the quote " is not closed', start: 0, end: 4 } }), 'تعذّرت قراءة البحث عند الحرف 1: علامة الاقتباس \u2068"\u2069 غير مغلقة؛ يُبحث عن بقية النص كعبارة'],
    [
      'a failed call',
      async (): Promise<FindResponse> => {
        throw new Error('search: unknown document "x"');
      },
      'تعذّر البحث في المستند: search: unknown document "x"',
    ],
  ])('shows %s as an alert, without throwing', async (_name, find, message) => {
    await mount(fakeApi(find));
    await act(async () => findStore.open({ docId: 'article', query: '"abc', focus: true }));
    await settle();
    expect(host.querySelector('.find-problem[role="alert"]')?.textContent).toBe(message);
  });
});
