/**
 * Where the desktop app finds things. The data folder is the same one the CLI
 * and the browser host use (src/api/paths.ts defaultDataDir, which honours
 * DAFTAR_DATA_DIR), so all three read the same notes. The bundled archive is
 * `resources/archive` in a package (electron-builder.yml extraResources) and
 * `assets/archive` of the repository in development.
 */
import { join, resolve } from 'node:path';
import { defaultDataDir, pathsFor } from '../src/api/paths';
import type { Paths } from '../src/api/context';

export interface ShellLocation {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the repository root in development, app.asar when packaged. */
  appPath: string;
  /** The folder of the built main bundle (out/main). */
  mainDir: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

export interface ShellPaths {
  service: Paths;
  /** The built renderer served on app://daftar. */
  rendererDir: string;
  /** The built preload bundle. */
  preloadFile: string;
  windowStateFile: string;
  /** The shipped archive, offered when DAFTAR_ARCHIVE_DIR names a damaged one. */
  fallbackArchive?: string;
}

export function shellPaths(loc: ShellLocation): ShellPaths {
  const dataDir = loc.home === undefined ? defaultDataDir(loc.env, loc.platform) : defaultDataDir(loc.env, loc.platform, loc.home);
  const shipped = loc.isPackaged ? join(loc.resourcesPath, 'archive') : join(loc.appPath, 'assets', 'archive');
  // DAFTAR_ARCHIVE_DIR opens another archive folder, as `--archive DIR` does for the CLI.
  const override = loc.env?.DAFTAR_ARCHIVE_DIR;
  const bundledArchive = override ? resolve(override) : shipped;
  return {
    service: pathsFor(bundledArchive, dataDir),
    rendererDir: join(loc.mainDir, '..', 'renderer'),
    preloadFile: join(loc.mainDir, '..', 'preload', 'preload.js'),
    windowStateFile: join(dataDir, 'window-state.json'),
    ...(bundledArchive !== shipped ? { fallbackArchive: shipped } : {}),
  };
}
