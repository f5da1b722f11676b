/**
 * Default locations, shared by the desktop app, the CLI and the host so that
 * all three read the same notes: the user data folder is the one Electron's
 * app.getPath('userData') gives for the app name "Daftar".
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Paths } from './context';

export const APP_NAME = 'Daftar';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.DAFTAR_DATA_DIR) return resolve(env.DAFTAR_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}

export function pathsFor(bundledArchive: string, dataDir: string): Paths {
  return { bundledArchive: resolve(bundledArchive), dataDir: resolve(dataDir), userArchive: join(resolve(dataDir), 'archive') };
}
