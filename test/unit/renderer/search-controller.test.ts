import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexStatus, SearchRequest, SearchResponse } from '../../../src/api/contract';
import { DEBOUNCE_MS, POLL_MS, SearchController } from '../../../renderer/search/controller';

const READY: IndexStatus = { state: 'ready', progress: 1, documents: 2, passages: 20 };

function answer(query: string, index: IndexStatus = READY, total = 1): SearchResponse {
  return { query, mode: 'all', total, groups: [], index };
}

/** A fake search service whose answers the test releases, in any order. */
function fakeApi() {
  const calls: { req: SearchRequest; resolve(r: SearchResponse): void; reject(e: unknown): void }[] = [];
  let status: IndexStatus = READY;
  const api = {
    search: vi.fn((req: SearchRequest) => new Promise<SearchResponse>((resolve, reject) => calls.push({ req, resolve, reject }))),
    getIndexStatus: vi.fn(async () => status),
  };
  return { api, calls, setStatus: (s: IndexStatus) => (status = s) };
}

describe('SearchController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends one request for a burst of typing, after the debounce', async () => {
    const { api, calls } = fakeApi();
    const c = new SearchController(api);
    for (const q of ['ا', 'ال', 'الا', 'الاسرائيلي']) {
      c.setQuery(q);
      vi.advanceTimersByTime(DEBOUNCE_MS - 10);
    }
    expect(api.search).not.toHaveBeenCalled();
    expect(c.getState().pending).toBe(true);
    vi.advanceTimersByTime(10);
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(calls[0]!.req.query).toBe('الاسرائيلي');
    calls[0]!.resolve(answer('الاسرائيلي'));
    await vi.runAllTimersAsync();
    expect(c.getState()).toMatchObject({ pending: false, error: null, response: { query: 'الاسرائيلي' } });
  });

  it('shows only the latest answer when answers arrive out of order', async () => {
    const { api, calls } = fakeApi();
    const c = new SearchController(api);
    c.setQuery('Azure');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    c.setQuery('Azure cloud');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    calls[1]!.resolve(answer('Azure cloud'));
    await vi.runAllTimersAsync();
    calls[0]!.resolve(answer('Azure'));
    await vi.runAllTimersAsync();
    expect(c.getState().response?.query).toBe('Azure cloud');
  });

  it('clears at once on an empty field and ignores an answer still on its way', async () => {
    const { api, calls } = fakeApi();
    const c = new SearchController(api);
    c.setQuery('أيلول');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    c.setQuery('   ');
    calls[0]!.resolve(answer('أيلول'));
    await vi.runAllTimersAsync();
    expect(c.getState()).toMatchObject({ response: null, pending: false });
  });

  it('shows a failed call as an error state with the message, never throws', async () => {
    const { api, calls } = fakeApi();
    const c = new SearchController(api);
    c.setQuery('x');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    calls[0]!.reject(Object.assign(new Error('search: index unreadable'), { code: 'internal' }));
    await vi.runAllTimersAsync();
    expect(c.getState()).toMatchObject({ pending: false, error: 'search: index unreadable' });
    // A later success clears the error.
    c.setQuery('y');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    calls[1]!.resolve(answer('y'));
    await vi.runAllTimersAsync();
    expect(c.getState().error).toBeNull();
  });

  it('polls the index while it builds, shows progress, and runs the query again when it is ready', async () => {
    const { api, calls, setStatus } = fakeApi();
    const c = new SearchController(api);
    c.setQuery('غزة');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    calls[0]!.resolve(answer('غزة', { state: 'building', progress: 0.2, documents: 0, passages: 0 }, 0));
    await vi.advanceTimersByTimeAsync(0);
    expect(c.getState().index).toMatchObject({ state: 'building', progress: 0.2 });
    setStatus({ state: 'building', progress: 0.6, documents: 0, passages: 0 });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(c.getState().index?.progress).toBe(0.6);
    expect(api.search).toHaveBeenCalledTimes(1);
    setStatus(READY);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(api.search).toHaveBeenCalledTimes(2);
    calls[1]!.resolve(answer('غزة', READY, 4));
    await vi.advanceTimersByTimeAsync(0);
    expect(c.getState()).toMatchObject({ index: READY, response: { total: 4 } });
  });

  it('shows a rebuild in progress when asked without a query, and keeps polling until it is done', async () => {
    const { api, setStatus } = fakeApi();
    setStatus({ state: 'building', progress: 0.1, documents: 0, passages: 0 });
    const c = new SearchController(api);
    await c.refreshStatus();
    expect(c.getState().index).toMatchObject({ state: 'building', progress: 0.1 });
    setStatus(READY);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(c.getState().index).toEqual(READY);
    expect(api.search).not.toHaveBeenCalled(); // no query, nothing to run again
  });

  it('ignores a failing status call (the next search reports problems)', async () => {
    const { api } = fakeApi();
    api.getIndexStatus.mockRejectedValueOnce(new Error('search: not ready'));
    const c = new SearchController(api);
    await c.refreshStatus();
    expect(c.getState()).toMatchObject({ index: null, error: null });
  });

  it('stops everything when disposed', async () => {
    const { api, calls } = fakeApi();
    const c = new SearchController(api);
    const listener = vi.fn();
    c.subscribe(listener);
    c.setQuery('x');
    c.dispose();
    vi.advanceTimersByTime(DEBOUNCE_MS * 2);
    expect(api.search).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });
});
