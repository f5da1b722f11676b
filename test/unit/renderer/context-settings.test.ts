// @vitest-environment jsdom
/**
 * Reading settings in the app context: applied to <html> at once, saved
 * through the API, and when saves answer out of order (a dragged slider), the
 * latest change wins. A failed save is reported, not swallowed.
 */
import { act, createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, DaftarApi, LibraryResult, ReadingSettings } from '../../../src/api/contract';
import { ApiClientError } from '../../../renderer/api/errors';
import { AppProvider, useApp, type AppContextValue } from '../../../renderer/app/context';

const INFO: AppInfo = { name: 'Daftar', version: '0', transport: 'http', systemLocale: 'en-US', dataDir: '/d', archiveDir: '/a', canCapture: false, notices: [] };
const BROKEN: LibraryResult = { state: 'error', error: { file: 'manifest.json', problem: 'not JSON' }, archivePath: '/a', canOpenBundled: true };
const BASE: ReadingSettings = { fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: 'ar' };

interface Pending {
  patch: Partial<ReadingSettings>;
  resolve(value: ReadingSettings): void;
  reject(error: Error): void;
}

function setup() {
  const pending: Pending[] = [];
  const api = {
    getAppInfo: async () => INFO,
    getSettings: async () => BASE,
    getLibrary: async () => BROKEN,
    setSettings: (patch: Partial<ReadingSettings>) => new Promise<ReadingSettings>((resolve, reject) => pending.push({ patch, resolve, reject })),
  } as unknown as DaftarApi;
  const box: { ctx?: AppContextValue } = {};
  function Probe() {
    box.ctx = useApp();
    return null;
  }
  return { api, pending, box, Probe };
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

async function mount() {
  const s = setup();
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(h(AppProvider, { api: s.api, children: h(s.Probe) })));
  return { ...s, root };
}

describe('settings in the app context', () => {
  it('loads the saved settings and applies them to <html> (language, direction, theme, size)', async () => {
    const { box, root } = await mount();
    expect(box.ctx!.settings).toEqual(BASE);
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(document.documentElement.style.getPropertyValue('--reader-font-size')).toBe('20px');
    act(() => root.unmount());
  });

  it('keeps the latest change when saves answer out of order', async () => {
    const { box, pending, root } = await mount();
    await act(async () => {
      void box.ctx!.setSettings({ fontSize: 21 });
      void box.ctx!.setSettings({ fontSize: 22 });
    });
    expect(box.ctx!.settings.fontSize).toBe(22);
    expect(pending.map((p) => p.patch)).toEqual([{ fontSize: 21 }, { fontSize: 22 }]);
    await act(async () => pending[1]!.resolve({ ...BASE, fontSize: 22 }));
    await act(async () => pending[0]!.resolve({ ...BASE, fontSize: 21 }));
    expect(box.ctx!.settings.fontSize).toBe(22);
    expect(document.documentElement.style.getPropertyValue('--reader-font-size')).toBe('22px');
    act(() => root.unmount());
  });

  it('reports a failed save with the service message', async () => {
    const { box, pending, root } = await mount();
    await act(async () => void box.ctx!.setSettings({ theme: 'dark' }));
    await act(async () => pending[0]!.reject(new ApiClientError('bad-request', 'settings: theme: invalid')));
    expect(box.ctx!.settingsError).toBe('settings: theme: invalid');
    act(() => root.unmount());
  });

  it('follows the browser language when the setting is null, and the UI turns LTR for English', async () => {
    const { box, pending, root } = await mount();
    await act(async () => void box.ctx!.setSettings({ uiLanguage: null }));
    await act(async () => pending[0]!.resolve({ ...BASE, uiLanguage: null }));
    // jsdom's navigator.language is en-US; the HTTP transport follows the browser, not the server's locale.
    expect(navigator.language).toBe('en-US');
    expect(box.ctx!.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(box.ctx!.t('library')).toBe('Library');
    act(() => root.unmount());
  });
});
