// @vitest-environment jsdom
/**
 * The search field as a user meets it, rendered with React in jsdom over a fake
 * API: results grouped with counts, the any-word notice, query problems and
 * failures shown (never thrown), index progress, keys, and opening a hit.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DaftarApi, IndexStatus, SearchResponse } from '../../../src/api/contract';
import { AppProvider } from '../../../renderer/app/context';
import { DEBOUNCE_MS } from '../../../renderer/search/controller';
import { findStore } from '../../../renderer/search/find-store';
import { SearchBox } from '../../../renderer/search/SearchBox';

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom does no layout, so it has no scrollIntoView; the list calls it to keep the active option visible.
Element.prototype.scrollIntoView = function scrollIntoView() {};

const READY: IndexStatus = { state: 'ready', progress: 1, documents: 2, passages: 40 };

function response(patch: Partial<SearchResponse> = {}): SearchResponse {
  return {
    query: 'الاسرائيلي',
    mode: 'all',
    total: 3,
    index: READY,
    groups: [
      {
        kind: 'document',
        docId: 'article',
        docTitle: 'هل أوقفت مايكروسوفت',
        count: 2,
        hits: [
          { kind: 'passage', docId: 'article', docTitle: 'هل أوقفت مايكروسوفت', passageId: 'b3', score: 2, text: 'استخدم الجيش الإسرائيلي خدمات', matches: [[12, 22]], passageStart: 300 },
          { kind: 'passage', docId: 'article', docTitle: 'هل أوقفت مايكروسوفت', passageId: 'b9', score: 1, text: 'الاحتلال الإسرائيلي', matches: [[9, 19]], passageStart: 900 },
        ],
      },
      { kind: 'document', docId: 'guardian', docTitle: 'The Guardian', count: 1, hits: [{ kind: 'passage', docId: 'guardian', docTitle: 'The Guardian', passageId: 'p1', score: 1, text: 'Israeli military', matches: [[0, 7]], passageStart: 0 }] },
    ],
    ...patch,
  };
}

function fakeApi(search: DaftarApi['search']) {
  const api = {
    getAppInfo: vi.fn(async () => ({ name: 'Daftar', version: '0', transport: 'http', systemLocale: 'ar', dataDir: '/d', archiveDir: '/a', canCapture: false })),
    getSettings: vi.fn(async () => ({ fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: 'ar' })),
    getLibrary: vi.fn(async () => ({ state: 'error', error: { file: 'manifest.json', problem: 'test' }, archivePath: '/a', canOpenBundled: false })),
    getDocument: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    search: vi.fn(search),
    getIndexStatus: vi.fn(async () => READY),
    findInDocument: vi.fn(async () => ({ matches: [] })),
  };
  return api;
}

let root: Root;
let host: HTMLDivElement;

async function mount(api: ReturnType<typeof fakeApi>): Promise<HTMLInputElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root.render(createElement(AppProvider, { api: api as unknown as DaftarApi, children: createElement(SearchBox) }));
  });
  return host.querySelector<HTMLInputElement>('input[role="combobox"]')!;
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.focus();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1);
  });
}

async function key(target: EventTarget, init: KeyboardEventInit): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

describe('SearchBox', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
    vi.useRealTimers();
  });

  it('shows results grouped by document with counts, as an accessible listbox with an active option', async () => {
    const api = fakeApi(async () => response());
    const input = await mount(api);
    expect(host.querySelector('[role="search"]')?.getAttribute('aria-label')).toBe('ابحث في الأرشيف');
    await type(input, 'الاسرائيلي');
    expect(api.search).toHaveBeenCalledWith({ query: 'الاسرائيلي', limit: 50 });
    const listbox = host.querySelector('[role="listbox"]')!;
    const groups = [...listbox.querySelectorAll('[role="group"]')];
    expect(groups.map((g) => g.querySelector('.search-group-name')?.textContent)).toEqual(['هل أوقفت مايكروسوفت', 'The Guardian']);
    expect(groups.map((g) => g.querySelector('.search-group-count')?.textContent)).toEqual(['النتائج: 2', 'النتائج: 1']);
    const options = [...listbox.querySelectorAll('[role="option"]')];
    expect(options).toHaveLength(3);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    // Each snippet is one text node carrying its match offsets.
    const snippet = options[0]!.querySelector<HTMLElement>('.search-snippet')!;
    expect(snippet.childNodes).toHaveLength(1);
    expect(JSON.parse(snippet.dataset.matches!)).toEqual([[12, 22]]);
    expect(host.querySelector('.search-summary')?.textContent).toBe('النتائج: 3 · المستندات: 2');
  });

  it('walks the options with the arrows and opens the active one with Enter: navigation + find bar anchored on the match', async () => {
    const api = fakeApi(async () => response());
    const input = await mount(api);
    await type(input, 'الاسرائيلي');
    const open = vi.spyOn(findStore, 'open');
    await key(input, { key: 'ArrowDown' });
    await key(input, { key: 'ArrowDown' });
    const options = [...host.querySelectorAll('[role="option"]')];
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    await key(input, { key: 'ArrowUp' });
    await key(input, { key: 'Enter' });
    expect(open).toHaveBeenCalledWith({ docId: 'article', query: 'الاسرائيلي', anchor: 909, focus: true });
    expect(api.getDocument).toHaveBeenCalledWith({ id: 'article' });
    expect(host.querySelector('[role="listbox"]')).toBeNull(); // the popup closed
  });

  it('says so when it fell back to any word', async () => {
    const input = await mount(fakeApi(async () => response({ mode: 'any' })));
    await type(input, 'الاسرائيلي zzz');
    expect(host.querySelector('.search-any-notice')?.textContent).toBe('لا يوجد مقطع يحوي كل الكلمات؛ تُعرض المقاطع التي تحوي أيًّا منها.');
  });

  it.each([
    ['an unclosed quote', '"Azure cloud', { code: 'unclosed-quote' as const, params: { quote: '"' }, message: 'search: the quote " is not closed', start: 0, end: 12 }, 'عند الحرف 1', 'علامة الاقتباس \u2068"\u2069 غير مغلقة'],
    ['a lone minus', 'Azure -', { code: 'lonely-minus' as const, message: 'search: a - must be followed by a word', start: 6, end: 7 }, 'عند الحرف 7', 'يجب أن تتبع علامةَ - كلمةٌ'],
  ])('explains a query problem (%s) with its position, in Arabic, instead of throwing', async (_name, query, problem, position, words) => {
    const input = await mount(fakeApi(async () => response({ query, problem, groups: [], total: 0 })));
    await type(input, query);
    const alert = host.querySelector('.search-problem[role="alert"]')!;
    expect(alert.textContent).toContain(position);
    expect(alert.textContent).toContain(words);
    expect(alert.querySelector('code')?.textContent).toBe(query);
  });

  it.each([
    ['an ApiError-shaped rejection', Object.assign(new Error('search: the index file is damaged'), { code: 'internal' }), 'search: the index file is damaged'],
    ['a bare string rejection', 'boom', 'boom'],
  ])('shows a failed search (%s) as an alert', async (_name, error, message) => {
    const input = await mount(
      fakeApi(async () => {
        throw error;
      }),
    );
    await type(input, 'x');
    expect(host.querySelector('.search-error[role="alert"]')?.textContent).toBe(`تعذّر البحث: ${message}`);
  });

  it('shows index building progress', async () => {
    const input = await mount(fakeApi(async () => response({ index: { state: 'building', progress: 0.42, documents: 0, passages: 0 }, groups: [], total: 0 })));
    await type(input, 'غزة');
    expect(host.querySelector('.search-index-status')?.textContent).toContain('42٪');
  });

  it('shows a rebuild in progress as soon as the field gets focus, before any query', async () => {
    const api = fakeApi(async () => response());
    api.getIndexStatus.mockResolvedValue({ state: 'building', progress: 0.3, documents: 0, passages: 0 });
    const input = await mount(api);
    await act(async () => {
      input.focus();
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(host.querySelector('.search-index-status')?.textContent).toContain('30٪');
    expect(api.search).not.toHaveBeenCalled();
  });

  it('is one keystroke away: Ctrl+K from anywhere, "/" unless typing in a field', async () => {
    const input = await mount(fakeApi(async () => response()));
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    textarea.focus();
    await key(textarea, { key: '/' });
    expect(document.activeElement).toBe(textarea);
    await key(textarea, { key: 'k', ctrlKey: true });
    expect(document.activeElement).toBe(input);
    input.blur();
    await key(document.body, { key: '/' });
    expect(document.activeElement).toBe(input);
    textarea.remove();
  });

  it('Escape closes the popup, then clears the field', async () => {
    const input = await mount(fakeApi(async () => response()));
    await type(input, 'الاسرائيلي');
    await key(input, { key: 'Escape' });
    expect(host.querySelector('[role="listbox"]')).toBeNull();
    expect(input.value).toBe('الاسرائيلي');
    await key(input, { key: 'Escape' });
    expect(input.value).toBe('');
  });
});
