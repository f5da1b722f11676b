/**
 * The fixture every spec uses: `import { test, expect } from '../fixtures'`.
 *
 * Each test gets a fresh data folder and a running app on it:
 *   - chromium target: a `daftar serve` host for the test and a new browser
 *     context of Debian's Chromium (one browser per worker);
 *   - electron target: `_electron.launch` of the built app with
 *     DAFTAR_DATA_DIR pointing at the folder.
 * `page` is that app's window; `daftar` adds what specs need around it:
 * the origin, every request the page made, a restart on the same data, and
 * screenshots into test/e2e/screenshots/.
 * Options (test.use): `archiveDir` (serve another archive), `uiLocale`,
 * `dataFiles` (files put in the fresh data folder before the app starts;
 * an object, not a callback, because Playwright takes a function there for a fixture).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test as base, expect, _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { startServe, type RunningServe } from './host';

/**
 * scheme://host of a URL. Not URL.origin: for app:// (not a "special" scheme)
 * that is the string "null", which would make every custom scheme look alike.
 */
export function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const target = process.env.DAFTAR_E2E_TARGET;
const root = process.env.DAFTAR_E2E_ROOT ?? join(__dirname, '..', '..');
if (target !== 'electron' && target !== 'chromium') {
  throw new Error('e2e: run the specs with `npm run e2e` (test/e2e/run.mjs), which picks Electron or Chromium');
}

export interface DaftarApp {
  target: 'electron' | 'chromium';
  /** The current window (changes after restart()). */
  page: Page;
  /** Origin the UI is served from: http://127.0.0.1:PORT or app://… */
  origin: string;
  /** Every URL the page requested since the app started (all windows, restarts included). */
  requests: string[];
  dataDir: string;
  /** Stops the app and starts it again on the same data folder; returns the new window, ready. */
  restart(): Promise<Page>;
  /** Waits until the reader shows a document. */
  ready(page?: Page): Promise<void>;
  /** Saves a screenshot as test/e2e/screenshots/<name>.png. */
  shot(name: string, page?: Page): Promise<void>;
}

interface Options {
  archiveDir: string | undefined;
  uiLocale: string;
  dataFiles: Record<string, Uint8Array | string> | undefined;
}

interface WorkerFixtures {
  browser: Browser;
}

const SCREENSHOTS = join(root, 'test', 'e2e', 'screenshots');

export const test = base.extend<{ daftar: DaftarApp } & Options, WorkerFixtures>({
  archiveDir: [undefined, { option: true }],
  uiLocale: ['ar', { option: true }],
  dataFiles: [undefined, { option: true }],

  browser: [
    async ({}, use) => {
      if (target !== 'chromium') {
        await use(undefined as unknown as Browser);
        return;
      }
      const browser = await chromium.launch({ executablePath: process.env.DAFTAR_E2E_CHROMIUM!, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  daftar: async ({ browser, archiveDir, uiLocale, dataFiles }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'daftar-e2e-'));
    for (const [name, content] of Object.entries(dataFiles ?? {})) {
      if (basename(name) !== name) throw new Error(`e2e: dataFiles: ${name} must be a plain file name`);
      await writeFile(join(dataDir, name), content);
    }
    const requests: string[] = [];
    const watch = (page: Page) => page.on('request', (request) => void requests.push(request.url()));
    let stop: () => Promise<void>;
    let page: Page;
    let origin: string;

    const launch = async (): Promise<void> => {
      if (target === 'electron') {
        const app: ElectronApplication = await _electron.launch({
          executablePath: process.env.DAFTAR_E2E_ELECTRON!,
          args: [root, `--lang=${uiLocale}`],
          cwd: root,
          env: { ...process.env, DAFTAR_DATA_DIR: dataDir, ...(archiveDir !== undefined ? { DAFTAR_ARCHIVE_DIR: archiveDir } : {}) },
        });
        app.on('window', watch);
        page = await app.firstWindow();
        watch(page);
        origin = originOf(page.url());
        stop = () => app.close();
        return;
      }
      const serve: RunningServe = await startServe({ root, node: process.env.DAFTAR_E2E_NODE ?? process.execPath, dataDir, archiveDir });
      const context = await browser.newContext({ locale: uiLocale, viewport: { width: 1280, height: 860 } });
      page = await context.newPage();
      watch(page);
      await page.goto(serve.openUrl);
      origin = serve.origin;
      stop = async () => {
        await context.close();
        await serve.stop();
      };
    };

    const ready = async (p: Page = page) => {
      await p.locator('article.document[data-doc-id]').waitFor({ state: 'visible' });
      // Fonts load lazily by unicode-range: wait until what the page uses is in.
      await p.evaluate(() => document.fonts.ready.then(() => undefined));
    };

    await launch();
    const app: DaftarApp = {
      target,
      get page() {
        return page;
      },
      get origin() {
        return origin;
      },
      requests,
      dataDir,
      restart: async () => {
        await stop();
        await launch();
        await ready(page);
        return page;
      },
      ready,
      shot: async (name, p = page) => {
        await p.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      },
    };
    try {
      await use(app);
    } finally {
      await stop!();
      await rm(dataDir, { recursive: true, force: true });
    }
  },

  page: async ({ daftar }, use) => {
    await use(daftar.page);
  },
});

export { expect };
