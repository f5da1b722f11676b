#!/usr/bin/env node
/**
 * `npm run e2e`: runs the Playwright specs of test/e2e/specs against the real
 * app. It decides the target, checks what the run needs, and fails loudly
 * (never a silent skip) when something is missing:
 *   - Electron, when its binary is installed (node_modules/electron/path.txt
 *     and dist/). Checked without require('electron'), which would try to
 *     download the binary.
 *   - otherwise Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) against
 *     the local host (`daftar serve`), started per test with a fresh data dir.
 * DAFTAR_E2E_TARGET=electron|chromium forces one. Extra arguments go to
 * Playwright (e.g. `npm run e2e -- specs/reader.spec.ts -g "source card"`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));

function fail(message) {
  process.stderr.write(`e2e: ${message}\n`);
  process.exit(1);
}

/** The Electron binary's path when it is installed, else null (reads what electron/index.js would, without running it). */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt) || !existsSync(join(dir, 'dist'))) return null;
  const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** A Node that has node:sqlite (22.5+) for the host: this one when run through npm (Node 24 first on PATH), else the pinned one. */
function hostNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 5)) return process.execPath;
  const pinned = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
  if (existsSync(pinned)) return pinned;
  fail(`the host needs Node 22.5 or later (node:sqlite); this is ${process.version} and node_modules/.bin/node is missing. Run \`npm install\`, then \`npm run e2e\`.`);
}

const forced = process.env.DAFTAR_E2E_TARGET;
if (forced !== undefined && forced !== 'electron' && forced !== 'chromium') fail(`DAFTAR_E2E_TARGET must be "electron" or "chromium", not ${JSON.stringify(forced)}`);

const electron = forced === 'chromium' ? null : electronBinary();
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
let target;
if (electron !== null) target = 'electron';
else if (forced === 'electron') fail('DAFTAR_E2E_TARGET=electron but the Electron binary is not installed (node_modules/electron/dist). Run `npm rebuild electron` or `node node_modules/electron/install.js` with network access.');
else if (existsSync(chromiumPath)) target = 'chromium';
else {
  fail(
    [
      'no browser to run the end-to-end tests in.',
      '  Either install the Electron binary (`node node_modules/electron/install.js`, needs network),',
      '  or install Chromium: `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
      '  Never `npx playwright install`: the run uses the system browser.',
    ].join('\n'),
  );
}

const needed = [join(root, 'out', 'renderer', 'index.html'), join(root, 'out', 'main', target === 'electron' ? 'index.js' : 'cli.js')];
if (target === 'electron') needed.push(join(root, 'out', 'preload', 'preload.js'));
const missing = needed.filter((file) => !existsSync(file));
if (missing.length > 0) fail(`the app is not built (missing ${missing.map((f) => f.slice(root.length + 1)).join(', ')}). Run \`npm run build\` first.`);

const env = {
  ...process.env,
  DAFTAR_E2E_TARGET: target,
  DAFTAR_E2E_ROOT: root,
  ...(target === 'electron' ? { DAFTAR_E2E_ELECTRON: electron } : { DAFTAR_E2E_CHROMIUM: chromiumPath, DAFTAR_E2E_NODE: hostNode() }),
};
process.stdout.write(`e2e: target ${target} (${target === 'electron' ? electron : `${chromiumPath} + daftar serve`})\n`);

const cli = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
const result = spawnSync(process.execPath, [cli, 'test', '--config', join(root, 'test', 'e2e', 'playwright.config.ts'), ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (result.error) fail(`could not start Playwright: ${result.error.message}`);
process.exit(result.status ?? 1);
