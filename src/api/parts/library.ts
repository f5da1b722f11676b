/**
 * The library part of the service: app info, the library and its documents,
 * reading settings, and handing a link to the system browser.
 *
 * Settings live in `<dataDir>/settings.json` ({version: 1, …}). Reading is
 * forgiving and never destructive: a file that is not JSON, has an unknown
 * version, or holds invalid values gives the defaults for what is wrong, and
 * the file is moved aside (`settings.json.corrupt-<time>`) so nothing the user
 * had is overwritten; the next save writes a clean file, atomically.
 *
 * The user's own titles (titles.ts) are laid over every entry this part returns.
 *
 * openExternal asks nothing itself (the UI asked the user) and refuses any
 * URL isSafeExternalUrl rejects; without an `openExternal` effect (the HTTP
 * transport) it reports `{opened: false}`.
 */
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../archive/atomic';
import type { AppNotice, DocumentView, ReadingSettings } from '../contract';
import type { ServiceContext } from '../context';
import { ApiError } from '../errors';
import { isSafeExternalUrl } from '../external-url';
import { createTitleStore } from './titles';
import type { LibraryPart } from '../service';

export const SETTINGS_FILE = 'settings.json';
export const SETTINGS_VERSION = 1;
export const DEFAULT_SETTINGS: Readonly<ReadingSettings> = Object.freeze({ fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: null });

const fieldSchemas = {
  fontSize: z.number().min(14).max(32),
  lineHeight: z.number().min(1.2).max(2.6),
  theme: z.enum(['light', 'dark', 'sepia']),
  uiLanguage: z.enum(['ar', 'en']).nullable(),
} satisfies { [K in keyof ReadingSettings]: z.ZodType<ReadingSettings[K]> };

export interface LibraryEffects {
  /** Opens an https: URL in the system browser; resolves whether it did. */
  openExternal?: (url: string) => Promise<boolean>;
  /** Whether this transport may fetch for an explicit capture (set by whoever wires capture). */
  canCapture?: boolean;
  /** Notices of other parts (the notes database) to show the user. */
  notices?: () => AppNotice[];
}

interface SettingsRead {
  settings: ReadingSettings;
  problems: string[];
}

/** Parses the stored settings; never throws. */
export function readSettingsFile(text: string | null): SettingsRead {
  if (text === null) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, problems: ['not JSON'] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { settings: { ...DEFAULT_SETTINGS }, problems: ['not a JSON object'] };
  const record = value as Record<string, unknown>;
  if (record.version !== SETTINGS_VERSION) return { settings: { ...DEFAULT_SETTINGS }, problems: [`unknown version ${JSON.stringify(record.version)}`] };
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  for (const key of Object.keys(fieldSchemas) as (keyof ReadingSettings)[]) {
    if (!(key in record)) continue;
    const parsed = fieldSchemas[key].safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(`${key}: ${JSON.stringify(record[key])} is not allowed`);
  }
  return { settings: settings as unknown as ReadingSettings, problems };
}

export function createLibraryPart(ctx: ServiceContext, effects: LibraryEffects = {}): LibraryPart {
  const settingsPath = join(ctx.paths.dataDir, SETTINGS_FILE);
  const titles = createTitleStore(ctx);
  let writes: Promise<unknown> = Promise.resolve();

  function loadSettings(): ReadingSettings {
    let text: string | null = null;
    try {
      text = readFileSync(settingsPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') ctx.log('warn', `settings: ${settingsPath} cannot be read (${(error as NodeJS.ErrnoException).code}); using defaults`, 'settings-unreadable');
      return { ...DEFAULT_SETTINGS };
    }
    const { settings, problems } = readSettingsFile(text);
    if (problems.length > 0) {
      const aside = `${settingsPath}.corrupt-${ctx.now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(settingsPath, aside);
        ctx.log('warn', `settings: ${SETTINGS_FILE}: ${problems.join('; ')}; defaults used for those, the file was moved to ${aside}`, 'settings-corrupt');
      } catch (error) {
        ctx.log('warn', `settings: ${SETTINGS_FILE}: ${problems.join('; ')}; it could not be moved aside (${(error as Error).message})`, 'settings-corrupt');
      }
    }
    return settings;
  }

  return {
    async getAppInfo() {
      return {
        name: 'Daftar',
        version: ctx.appVersion,
        transport: ctx.transport,
        systemLocale: ctx.systemLocale,
        dataDir: ctx.paths.dataDir,
        archiveDir: ctx.paths.bundledArchive,
        canCapture: effects.canCapture ?? false,
        notices: effects.notices?.() ?? [],
      };
    },

    async getLibrary() {
      return titles.applyToResult(ctx.library.result());
    },

    async openBundledArchive() {
      return titles.applyToResult(ctx.library.openBundled());
    },

    async getDocument(req): Promise<DocumentView> {
      const loaded = ctx.library.load(req.id, req.version);
      return { entry: titles.apply(loaded.entry), document: loaded.document, version: loaded.version, citations: loaded.citations };
    },

    async renameEntry(req) {
      const entry = ctx.library.view().entries.find((e) => e.id === req.id);
      if (!entry) throw new ApiError('not-found', `renameEntry: no entry ${JSON.stringify(req.id)} in the library`);
      await titles.set(req.id, req.title === null || req.title === entry.title ? null : req.title);
      return titles.apply(entry);
    },

    async getSettings() {
      await writes;
      return loadSettings();
    },

    setSettings(req) {
      const run = writes.then(async () => {
        const next: ReadingSettings = { ...loadSettings() };
        for (const key of Object.keys(fieldSchemas) as (keyof ReadingSettings)[]) {
          if (req[key] === undefined) continue;
          const parsed = fieldSchemas[key].safeParse(req[key]);
          if (!parsed.success) throw new ApiError('bad-request', `setSettings: ${key}: ${JSON.stringify(req[key])} is not allowed`);
          (next as unknown as Record<string, unknown>)[key] = parsed.data;
        }
        await writeFileAtomic(settingsPath, `${JSON.stringify({ version: SETTINGS_VERSION, ...next }, null, 2)}\n`);
        return next;
      });
      writes = run.catch(() => undefined);
      return run;
    },

    async openExternal(req) {
      if (!isSafeExternalUrl(req.url)) throw new ApiError('bad-request', `openExternal: only https: links to a named host, without user name, password or port, can be opened (got ${JSON.stringify(req.url.slice(0, 200))})`);
      if (!effects.openExternal) return { opened: false };
      return { opened: await effects.openExternal(req.url) };
    },
  };
}
