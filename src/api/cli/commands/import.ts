/**
 * `daftar import FILE [--source ID]`: an .html/.htm, .txt or .md file into the
 * user archive. The file is read from the path given; only its base name goes
 * to the service (and into provenance), never the path.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { formatBytes, DEFAULT_LIMITS } from '../../../capture/limits';
import { type CliCommand } from '../types';
import { parse, printError, printResult } from './capture';

export const command: CliCommand = {
  name: 'import',
  summary: 'import a saved web page, text or Markdown file into your archive',
  usage: [
    'Usage: daftar import FILE [--source ID] [--archive DIR] [--data DIR]',
    '',
    'Imports FILE (.html, .htm, .txt or .md, at most 20 MB) into your archive. Web pages',
    'are reduced to their readable text; images inlined in the file are kept, remote ones',
    'are not fetched. A .txt in the scraper format of the bundled article reads like it.',
    '  --source ID  attach the import to this source of the library',
  ].join('\n'),
  async run(argv, ctx) {
    const { target: file, source } = parse(argv, 'FILE');
    const full = resolve(ctx.io.cwd, file);
    let bytes: Buffer;
    try {
      const info = await stat(full);
      if (!info.isFile()) {
        ctx.io.stderr(`daftar import: ${file} is not a file\n`);
        return 1;
      }
      if (info.size > DEFAULT_LIMITS.maxPageBytes) {
        ctx.io.stderr(`daftar import: ${file} is ${formatBytes(info.size)}, over the limit of ${formatBytes(DEFAULT_LIMITS.maxPageBytes)}\n`);
        return 1;
      }
      bytes = await readFile(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      ctx.io.stderr(`daftar import: cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EACCES' ? ': permission denied' : `: ${(error as Error).message}`}\n`);
      return 1;
    }
    const service = await ctx.openService();
    try {
      const res = await service.importFile({ fileName: basename(full), contentBase64: bytes.toString('base64'), ...(source ? { sourceId: source } : {}) });
      printResult(ctx.io, 'imported', res);
      return 0;
    } catch (error) {
      return printError(ctx.io, 'import', error);
    } finally {
      await service.close();
    }
  },
};
