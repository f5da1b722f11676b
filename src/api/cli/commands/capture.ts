/**
 * `daftar capture URL [--source ID]`: fetch a page into the user archive —
 * the one CLI command that goes to the network, and only to the URL given.
 */
import { parseArgs } from 'node:util';
import { isApiErrorShape } from '../../errors';
import type { CaptureResponse } from '../../contract';
import { UsageError, type CliCommand, type CliIo } from '../types';

export const command: CliCommand = {
  name: 'capture',
  summary: 'fetch a web page into your archive (goes to the network for that URL only)',
  usage: [
    'Usage: daftar capture URL [--source ID] [--archive DIR] [--data DIR]',
    '',
    'Fetches URL (http or https), keeps its readable text and images, and stores it',
    'in your archive with where it came from (original and final URL, time, HTTP status,',
    'content type, SHA-256 of the bytes fetched and of the document stored).',
    '  --source ID  attach the capture to this source of the library (a new version',
    '               when it was captured before; its notes move to the new text)',
    'Without --source, a URL that is already a source\'s URL captures that source again.',
  ].join('\n'),
  async run(argv, ctx) {
    const { target: url, source } = parse(argv, 'URL');
    const service = await ctx.openService();
    try {
      const res = await service.captureSource({ url, ...(source ? { sourceId: source } : {}) });
      printResult(ctx.io, 'captured', res);
      return 0;
    } catch (error) {
      return printError(ctx.io, 'capture', error);
    } finally {
      await service.close();
    }
  },
};

export function parse(argv: string[], what: 'URL' | 'FILE'): { target: string; source?: string } {
  let parsed: { values: { source?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: { source: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `give one ${what}` : `give one ${what}, not ${positionals.length}`);
  if (values.source !== undefined && values.source.trim() === '') throw new UsageError('--source needs a source id');
  return { target: positionals[0]!, ...(values.source ? { source: values.source } : {}) };
}

export function printResult(io: CliIo, verb: string, res: CaptureResponse): void {
  const p = res.entry.provenance;
  const lines = [`${verb} ${res.entry.id} ${res.version}: ${res.entry.title}`];
  if (p?.originalUrl) lines.push(`  url:          ${p.originalUrl}${p.finalUrl && p.finalUrl !== p.originalUrl ? ` → ${p.finalUrl}` : ''}`);
  if (p?.fileName) lines.push(`  file:         ${p.fileName}`);
  if (p?.httpStatus) lines.push(`  HTTP status:  ${p.httpStatus}`);
  if (p?.contentType) lines.push(`  content type: ${p.contentType}`);
  if (p?.rawSha256) lines.push(`  raw SHA-256:  ${p.rawSha256}`);
  if (p?.sha256) lines.push(`  doc SHA-256:  ${p.sha256}`);
  if (res.reanchored.anchored + res.reanchored.orphaned > 0) lines.push(`  notes:        ${res.reanchored.anchored} moved to the new version, ${res.reanchored.orphaned} need attention`);
  for (const w of res.warnings) lines.push(`  warning: ${w}`);
  io.stdout(`${lines.join('\n')}\n`);
}

/** Prints a service error and returns the exit code: 1 for failures the user can fix or retry. */
export function printError(io: CliIo, name: string, error: unknown): number {
  if (isApiErrorShape(error)) {
    io.stderr(`daftar ${name}: ${error.message} [${error.code}]\nNothing was stored.\n`);
    return 1;
  }
  throw error;
}
