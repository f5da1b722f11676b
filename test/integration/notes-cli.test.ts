/**
 * `daftar notes …` run in-process with a fake io, over the real notes part
 * and database (the service is the notes part plus close; the command uses
 * nothing else).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe as suite, expect, it } from 'vitest';
import { command } from '../../src/api/cli/commands/notes';
import { UsageError, type CliContext } from '../../src/api/cli/types';
import type { ServiceContext } from '../../src/api/context';
import { createNotesPart } from '../../src/api/parts/notes';
import type { Service } from '../../src/api/service';
import { fakeLibrary } from '../unit/annotations/helpers/fake-library';

const library = fakeLibrary({
  article: { title: 'مقال الجزيرة', paragraphs: ['أعلنت "مايكروسوفت" إنهاء التعاون مع الوحدة 8200 من الجيش الإسرائيلي.', 'وبررت مايكروسوفت هذا القرار.'] },
  guardian: { title: 'The Guardian', paragraphs: ['Microsoft blocks Israel’s use of its technology.'] },
});

let dir: string;
let out: string[];
let err: string[];
let opened: number;
let closed: number;

function cli(dataDir: string): CliContext {
  const ctx: ServiceContext = {
    paths: { bundledArchive: '/nowhere', userArchive: join(dataDir, 'archive'), dataDir },
    library,
    now: () => new Date('2026-04-01T12:00:00Z'),
    log: () => {},
    appVersion: 'test',
    transport: 'http',
    systemLocale: 'en',
  };
  return {
    paths: ctx.paths,
    io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir },
    staticDir: '/nowhere',
    appVersion: 'test',
    openService: async () => {
      opened++;
      const part = createNotesPart(ctx);
      return {
        ...part,
        close: async () => {
          closed++;
          part.close();
        },
      } as unknown as Service;
    },
  };
}

async function seed(ctx: CliContext) {
  const service = await ctx.openService();
  const text = library.textOf('article');
  const start = text.indexOf('الوحدة 8200');
  await service.createAnnotation({ docId: 'article', start, end: start + 11, color: 'yellow', note: 'Unit 8200 — وحدة', tags: ['unit'] });
  await service.createAnnotation({ docId: 'guardian', start: 0, end: 9, color: 'blue' });
  await service.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-notes-cli-'));
  out = [];
  err = [];
  opened = 0;
  closed = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

suite('daftar notes', () => {
  it('list prints one line per note, and --json the anchored annotations', async () => {
    const ctx = cli(join(dir, 'data'));
    await seed(ctx);
    expect(await command.run(['list'], ctx)).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^article\t\d+-\d+\tyellow\t"الوحدة 8200"\tUnit 8200 — وحدة\t#unit$/);
    out = [];
    expect(await command.run(['list', '--json', '--doc', 'guardian'], ctx)).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json).toHaveLength(1);
    expect(json[0].anchor).toEqual({ start: 0, end: 9, method: 'position', score: 1 });
    expect(closed).toBe(opened);
  });

  it('list says so when there are no notes', async () => {
    expect(await command.run(['list'], cli(join(dir, 'data')))).toBe(0);
    expect(out.join('')).toBe('No notes.\n');
  });

  it('export --format jsonld --out writes a file that import reads into another data folder', async () => {
    const ctx = cli(join(dir, 'data'));
    await seed(ctx);
    expect(await command.run(['export', '--format', 'jsonld', '--out', 'notes.jsonld'], ctx)).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'notes.jsonld'), 'utf8'));
    expect(written.type).toBe('AnnotationCollection');
    expect(written.total).toBe(2);
    expect(err.join('')).toMatch(/wrote .*notes\.jsonld/);

    const other = cli(join(dir, 'other'));
    out = [];
    expect(await command.run(['import', 'notes.jsonld'], other)).toBe(0);
    expect(out.join('')).toBe('notes import: 2 added, 0 updated, 0 unchanged, 0 refused\n');
    out = [];
    await command.run(['list', '--json'], other);
    expect(JSON.parse(out.join('')).map((a: { id: string }) => a.id).sort()).toEqual(written.first.items.map((a: { id: string }) => a.id).sort());
  });

  it('export --format md prints Markdown to stdout', async () => {
    const ctx = cli(join(dir, 'data'));
    await seed(ctx);
    expect(await command.run(['export', '--format', 'md'], ctx)).toBe(0);
    const md = out.join('');
    expect(md).toMatch(/^# Daftar notes/);
    expect(md.indexOf('مقال الجزيرة')).toBeLessThan(md.indexOf('The Guardian'));
  });

  it('import reports refused items on stderr and exits 1, keeping the good ones', async () => {
    const ctx = cli(join(dir, 'data'));
    await seed(ctx);
    await command.run(['export', '--format', 'jsonld', '--out', 'n.jsonld'], ctx);
    const doc = JSON.parse(readFileSync(join(dir, 'n.jsonld'), 'utf8'));
    doc.first.items[0].target.source = 'gone-document';
    doc.first.items[1].id = `urn:uuid:${crypto.randomUUID()}`;
    writeFileSync(join(dir, 'bad.jsonld'), JSON.stringify(doc));
    out = [];
    err = [];
    expect(await command.run(['import', 'bad.jsonld'], cli(join(dir, 'fresh')))).toBe(1);
    expect(out.join('')).toBe('notes import: 1 added, 0 updated, 0 unchanged, 1 refused\n');
    expect(err.join('')).toMatch(/item 0: .*unknown document gone-document/);
  });

  const failures: [string, string[], (() => void) | null, RegExp][] = [
    ['a missing file', ['import', 'nope.jsonld'], null, /nope\.jsonld: no such file/],
    ['a file that is not JSON', ['import', 'x.jsonld'], () => writeFileSync(join(dir, 'x.jsonld'), '<html>'), /notes import: annotations: import: not JSON/],
    ['an export to a path under a file', ['export', '--format', 'md', '--out', 'blocker/notes.md'], () => writeFileSync(join(dir, 'blocker'), 'a file, not a folder'), /notes export: cannot write .*blocker/],
    ['a JSON file of another kind', ['import', 'y.json'], () => writeFileSync(join(dir, 'y.json'), '{"type":"Person"}'), /expected type AnnotationCollection/],
  ];
  for (const [name, argv, prepare, message] of failures) {
    it(`${name} fails with a clear message and exit 1`, async () => {
      prepare?.();
      expect(await command.run(argv, cli(join(dir, 'data')))).toBe(1);
      expect(err.join('')).toMatch(message);
    });
  }

  const usage: [string[], RegExp][] = [
    [[], /which action/],
    [['remove'], /unknown action "remove"/],
    [['export'], /--format must be jsonld or md/],
    [['export', '--format', 'pdf'], /--format must be jsonld or md, not "pdf"/],
    [['export', '--format', 'md', '--colour'], /Unknown option '--colour'/],
    [['import'], /which file/],
    [['import', 'a', 'b'], /unexpected argument "b"/],
    [['list', 'extra'], /Unexpected argument 'extra'|unexpected argument/],
  ];
  for (const [argv, message] of usage) {
    it(`bad arguments (${argv.join(' ') || 'none'}) are a UsageError`, async () => {
      const run = command.run(argv, cli(join(dir, 'data')));
      await expect(run).rejects.toThrow(UsageError);
      await expect(command.run(argv, cli(join(dir, 'data')))).rejects.toThrow(message);
    });
  }
});
