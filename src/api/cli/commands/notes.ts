/**
 * `daftar notes export|import|list`: the user's notes from the command line,
 * through the same service (and so the same database and validation) as the
 * app. Output goes only through ctx.io; files are read relative to io.cwd and
 * written atomically, so a failed export never leaves half a file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { writeFileAtomic } from '../../../archive/atomic';
import type { AnchoredAnnotation } from '../../contract';
import { ApiError } from '../../errors';
import { REQUEST_LIMITS } from '../../schemas';
import { UsageError, type CliCommand, type CliContext } from '../types';

const USAGE = [
  'Usage: daftar notes <export|import|list> [options] [--archive DIR] [--data DIR]',
  '',
  '  daftar notes export --format jsonld|md [--doc ID] [--out FILE]',
  '      Writes the notes as a W3C AnnotationCollection (JSON-LD) or as Markdown,',
  '      to FILE or to standard output.',
  '  daftar notes import FILE',
  '      Adds the notes of a JSON-LD export; a note already here is replaced only',
  '      by a newer one. Bad items are listed; the good ones are kept.',
  '  daftar notes list [--doc ID] [--json]',
  '      One line per note: document, where it anchors (or "needs attention"),',
  '      colour, quote, note and tags.',
].join('\n');

function parse(argv: string[], options: ParseArgsOptionsConfig, positionals: number) {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw new Error(`unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`);
    return parsed;
  } catch (error) {
    throw new UsageError(`notes: ${(error as Error).message}`);
  }
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function describeNote(a: AnchoredAnnotation): string {
  const where = a.anchor ? `${a.anchor.start}-${a.anchor.end}${a.anchor.method === 'position' ? '' : ` (${a.anchor.method})`}` : 'needs attention';
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
  const parts = [a.target.source, where, a.color, `"${oneLine(quote, 60)}"`];
  if (a.body.note) parts.push(oneLine(a.body.note, 80));
  if (a.body.tags.length) parts.push(a.body.tags.map((t) => `#${t}`).join(' '));
  return parts.join('\t');
}

async function exportNotes(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string' }, out: { type: 'string' }, doc: { type: 'string' } }, 0);
  const format = values.format;
  if (format !== 'jsonld' && format !== 'md') throw new UsageError(`notes export: --format must be jsonld or md, not ${JSON.stringify(format ?? null)}`);
  const service = await ctx.openService();
  try {
    const exported = await service.exportAnnotations({ format, ...(typeof values.doc === 'string' ? { docId: values.doc } : {}) });
    if (typeof values.out === 'string') {
      const target = resolve(ctx.io.cwd, values.out);
      try {
        await writeFileAtomic(target, exported.content);
      } catch (error) {
        ctx.io.stderr(`notes export: cannot write ${target}: ${(error as Error).message}\n`);
        return 1;
      }
      ctx.io.stderr(`notes export: wrote ${target}\n`);
    } else {
      ctx.io.stdout(exported.content);
    }
    return 0;
  } finally {
    await service.close();
  }
}

async function importNotes(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parse(argv, {}, 1);
  const file = positionals[0];
  if (!file) throw new UsageError('notes import: which file? (daftar notes import FILE)');
  const path = resolve(ctx.io.cwd, file);
  let content: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > REQUEST_LIMITS.annotationsImportChars) throw new Error(`the file is larger than 20 MB`);
    content = bytes.toString('utf8');
  } catch (error) {
    ctx.io.stderr(`notes import: ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`);
    return 1;
  }
  const service = await ctx.openService();
  try {
    const result = await service.importAnnotations({ content });
    ctx.io.stdout(`notes import: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.errors.length} refused\n`);
    for (const e of result.errors) ctx.io.stderr(`  item ${e.index}: ${e.message}\n`);
    return result.errors.length > 0 ? 1 : 0;
  } finally {
    await service.close();
  }
}

async function listNotes(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' }, doc: { type: 'string' } }, 0);
  const service = await ctx.openService();
  try {
    const notes = await service.listAnnotations(typeof values.doc === 'string' ? { docId: values.doc } : {});
    if (values.json) ctx.io.stdout(JSON.stringify(notes, null, 2) + '\n');
    else if (notes.length === 0) ctx.io.stdout('No notes.\n');
    else ctx.io.stdout(notes.map(describeNote).join('\n') + '\n');
    return 0;
  } finally {
    await service.close();
  }
}

export const command: CliCommand = {
  name: 'notes',
  summary: 'export, import or list your notes (JSON-LD or Markdown)',
  usage: USAGE,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    try {
      switch (sub) {
        case 'export':
          return await exportNotes(rest, ctx);
        case 'import':
          return await importNotes(rest, ctx);
        case 'list':
          return await listNotes(rest, ctx);
        default:
          throw new UsageError(sub === undefined ? 'notes: which action? export, import or list' : `notes: unknown action ${JSON.stringify(sub)} (export, import or list)`);
      }
    } catch (error) {
      if (error instanceof ApiError) {
        ctx.io.stderr(`notes ${sub}: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
