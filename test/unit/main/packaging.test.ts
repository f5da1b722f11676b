/**
 * Packaging, as far as it can be checked without the Electron binary
 * (issue 2 part 10): runs `electron-builder --dir` for Linux with a stand-in
 * `electronDist` (a folder holding a fake `electron` executable; that is all
 * electron-builder needs for an unpacked build) and checks what a user would
 * get: the app.asar holds the built main, preload and renderer and the
 * production dependencies, not sources or dev tools; the archive ships as
 * resources/archive. It checks contents, not a runnable app (docs/DESKTOP.md).
 *
 * Needs the output of `npm run build` (npm test builds first); fails saying so
 * when it is missing. Takes about 15-60 s depending on the machine's load.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const REQUIRED = ['out/main/index.js', 'out/preload/preload.js', 'out/renderer/index.html', 'assets/archive/manifest.json', 'build/icon.png'];
const STAND_IN = '#!/bin/sh\necho "stand-in for the Electron binary (test/unit/main/packaging.test.ts)"\n';

let work: string;
let unpacked: string;
let asarFiles: Set<string>;
let readAsar: (file: string) => Buffer;

beforeAll(async () => {
  const missing = REQUIRED.filter((f) => !existsSync(join(repo, f)));
  if (missing.length > 0) {
    throw new Error(`packaging: ${missing.join(', ')} missing; run \`npm run build\` first (\`npm test\` does), and \`npm run archive:build\` for the archive`);
  }
  work = mkdtempSync(join(tmpdir(), 'daftar-package-'));
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), STAND_IN, { mode: 0o755 });
  const output = join(work, 'dist');
  const cli = join(repo, 'node_modules', 'electron-builder', 'cli.js');
  try {
    await promisify(execFile)(
      process.execPath,
      [cli, '--dir', '--linux', '--x64', '--publish', 'never', '--projectDir', repo, `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
      { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const tail = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`packaging: electron-builder failed (was out/ being rebuilt meanwhile?): ${e.message.split('\n')[0]}\n${tail}`);
  }
  unpacked = join(output, 'linux-unpacked');
  const asar = await import('@electron/asar');
  const archive = join(unpacked, 'resources', 'app.asar');
  asarFiles = new Set(asar.listPackage(archive, { isPack: false }).map((p) => p.replaceAll('\\', '/')));
  readAsar = (file) => asar.extractFile(archive, file);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir with a stand-in Electron', () => {
  it('used the stand-in (nothing downloaded: the executable is our script) and named it after the app', () => {
    const exe = join(unpacked, 'daftar');
    expect(readFileSync(exe, 'utf8')).toBe(STAND_IN);
    expect(statSync(exe).mode & 0o111).not.toBe(0);
  });

  it('app.asar holds the main bundle, the preload and the renderer, identical to the build', () => {
    for (const file of ['out/main/index.js', 'out/preload/preload.js', 'out/renderer/index.html']) {
      expect(asarFiles.has(`/${file}`), file).toBe(true);
      expect(readAsar(file).equals(readFileSync(join(repo, file))), `${file} differs from the build`).toBe(true);
    }
  });

  it('app.asar starts the right file: package.json main is out/main/index.js', () => {
    const pkg = JSON.parse(readAsar('package.json').toString('utf8')) as { main: string; devDependencies?: unknown; scripts?: unknown };
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('the packaged preload requires nothing but electron', () => {
    const code = readAsar('out/preload/preload.js').toString('utf8');
    expect([...code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)].map((m) => m[1]!.trim())).toEqual(['"electron"']);
  });

  it('carries the production dependencies the main bundle leaves external, and no dev tools', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies)) expect(asarFiles.has(`/node_modules/${dep}/package.json`), dep).toBe(true);
    for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'playwright-core', 'node']) {
      expect(asarFiles.has(`/node_modules/${dev}/package.json`), dev).toBe(false);
    }
  });

  it('every module the packaged main bundles require is built in, electron, bundled, or a packaged dependency', () => {
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const file of [...asarFiles].filter((p) => /^\/out\/main\/.*\.js$/.test(p))) {
      const code = readAsar(file.slice(1)).toString('utf8');
      for (const [, id] of code.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) {
        if (id!.startsWith('.') || id === 'electron' || id!.startsWith('node:') || builtins.has(id!)) continue;
        const name = id!.startsWith('@') ? id!.split('/').slice(0, 2).join('/') : id!.split('/')[0]!;
        if (!asarFiles.has(`/node_modules/${name}/package.json`)) problems.push(`${file} requires ${id}, which is not packaged`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ships no sources, tests, seed or source maps', () => {
    const stray = [...asarFiles].filter((p) => /^\/(src|main|renderer|test|seed|scripts|bench|assets|docs)(\/|$)/.test(p) || /^\/out\/.*\.map$/.test(p));
    expect(stray).toEqual([]);
  });

  it('ships the bundled archive read-only beside the app as resources/archive, byte for byte', () => {
    const manifest = join(unpacked, 'resources', 'archive', 'manifest.json');
    expect(readFileSync(manifest).equals(readFileSync(join(repo, 'assets', 'archive', 'manifest.json')))).toBe(true);
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { documents?: { id: string }[] };
    for (const doc of listed.documents ?? []) {
      const file = join(unpacked, 'resources', 'archive', 'documents', `${doc.id}.json`);
      if (existsSync(join(repo, 'assets', 'archive', 'documents', `${doc.id}.json`))) expect(existsSync(file), file).toBe(true);
    }
    expect(asarFiles.has('/assets/archive/manifest.json')).toBe(false);
  });
});
