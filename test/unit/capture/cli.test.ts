/**
 * The capture, import and verify commands run in-process with a service made
 * of the real capture part over a fake library (what they print, their exit
 * codes, and that a path never reaches the service as a file name).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as capture } from '../../../src/api/cli/commands/capture';
import { command as importCommand } from '../../../src/api/cli/commands/import';
import { command as verify } from '../../../src/api/cli/commands/verify';
import { UsageError, type CliContext } from '../../../src/api/cli/types';
import type { ServiceContext } from '../../../src/api/context';
import { inlineExtractor } from '../../../src/capture/extract-runner';
import { createCapturePart } from '../../../src/api/parts/capture';
import type { Service } from '../../../src/api/service';
import { fakeLibrary, type FakeLibrary } from './helpers/fake-library';
import { fixture, send, startServer, type TestServer } from './helpers/server';

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startServer({ '/news': send(200, 'text/html; charset=utf-8', fixture('news-en.html')), '/pdf': send(200, 'application/pdf', '%PDF-1.4') });
  work = mkdtempSync(join(tmpdir(), 'daftar-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function cli(lib: FakeLibrary, paths = { bundledArchive: join(work, 'none'), userArchive: join(work, 'user'), dataDir: work }) {
  const out: string[] = [];
  const err: string[] = [];
  let closed = 0;
  const ctx: CliContext = {
    paths,
    staticDir: join(work, 'static'),
    appVersion: '0.1.0',
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: work },
    openService: async () => {
      const svcCtx = { paths, library: lib, now: () => new Date('2026-01-01T00:00:00Z'), log: () => undefined, appVersion: '0', transport: 'http', systemLocale: 'en' } satisfies ServiceContext;
      const part = createCapturePart(svcCtx, { limits: { pageTimeoutMs: 2000 }, extract: inlineExtractor });
      return { ...part, close: async () => void closed++ } as unknown as Service;
    },
  };
  return { ctx, out, err, closed: () => closed };
}

describe('daftar capture', () => {
  it('captures a URL and prints its provenance', async () => {
    const lib = fakeLibrary();
    const { ctx, out, closed } = cli(lib);
    expect(await capture.run([server.url('/news')], ctx)).toBe(0);
    expect(out.join('')).toMatch(/^captured src-1 v1: Cloud company cuts off army unit/);
    expect(out.join('')).toMatch(/HTTP status:  200/);
    expect(closed()).toBe(1);
  });

  it('a failure prints the reason, says nothing was stored, exits 1', async () => {
    const lib = fakeLibrary();
    const { ctx, err, closed } = cli(lib);
    expect(await capture.run([server.url('/pdf')], ctx)).toBe(1);
    expect(err.join('')).toMatch(/daftar capture: capture: .* is a PDF .*\[unsupported\]\nNothing was stored\./);
    expect(lib.added).toHaveLength(0);
    expect(closed()).toBe(1);
  });

  it.each([[[]], [['a', 'b']], [['--source', '', 'https://x.example']], [['--bogus', 'https://x.example']]])('bad arguments %j are a usage error', async (argv) => {
    const { ctx } = cli(fakeLibrary());
    await expect(capture.run(argv, ctx)).rejects.toThrow(UsageError);
  });
});

describe('daftar import', () => {
  it('imports a file by path, sending only its base name', async () => {
    const lib = fakeLibrary();
    const { ctx, out } = cli(lib);
    const file = join(work, 'saved page.html');
    writeFileSync(file, fixture('news-en.html'));
    expect(await importCommand.run(['saved page.html'], ctx)).toBe(0);
    expect(lib.added[0]!.provenance.fileName).toBe('saved page.html');
    expect(out.join('')).toMatch(/^imported src-1 v1: /);
  });

  it('a missing file, a folder and an unsupported kind are clear failures', async () => {
    const lib = fakeLibrary();
    const { ctx, err } = cli(lib);
    expect(await importCommand.run(['nope.html'], ctx)).toBe(1);
    expect(await importCommand.run(['.'], ctx)).toBe(1);
    writeFileSync(join(work, 'doc.pdf'), '%PDF-1.4');
    expect(await importCommand.run(['doc.pdf'], ctx)).toBe(1);
    expect(err.join('')).toMatch(/cannot read nope.html: no such file/);
    expect(err.join('')).toMatch(/\. is not a file/);
    expect(err.join('')).toMatch(/"doc.pdf" is a PDF; Daftar imports .html, .htm, .txt and .md files \[unsupported\]/);
    expect(lib.added).toHaveLength(0);
  });
});

describe('daftar verify', () => {
  it('exit 0 on the clean bundled archive with no user archive yet, 1 after a change', async () => {
    const bundled = join(work, 'bundled');
    cpSync(join(__dirname, '..', '..', '..', 'assets', 'archive'), bundled, { recursive: true });
    const paths = { bundledArchive: bundled, userArchive: join(work, 'no-user-archive'), dataDir: work };
    const ok = cli(fakeLibrary(), paths);
    expect(await verify.run([], ok.ctx)).toBe(0);
    expect(ok.out.join('')).toMatch(/bundled archive: .* file\(s\) checked, all match\nyour archive: no archive at .* \(nothing captured yet\)/);
    const manifest = JSON.parse(readFileSync(join(bundled, 'manifest.json'), 'utf8'));
    const raw = manifest.entries[0].versions[0].provenance.rawFile as string;
    writeFileSync(join(bundled, raw), 'tampered');
    const bad = cli(fakeLibrary(), paths);
    expect(await verify.run([], bad.ctx)).toBe(1);
    expect(bad.err.join('')).toMatch(new RegExp(`${raw.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: changed: SHA-256 is`));
  });
});
