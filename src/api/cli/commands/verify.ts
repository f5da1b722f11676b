/**
 * `daftar verify`: recomputes every hash recorded in the bundled archive and
 * in the user's archive (documents, raw files, images) and lists each file
 * that changed. Exit 1 when anything does not match. Needs no service: it
 * reads the folders directly and never writes.
 */
import { parseArgs } from 'node:util';
import { formatReport, verifyArchive } from '../../../capture/verify';
import { UsageError, type CliCommand } from '../types';

export const command: CliCommand = {
  name: 'verify',
  summary: 'recompute every hash of the archives and report files that changed',
  usage: [
    'Usage: daftar verify [--archive DIR] [--data DIR]',
    '',
    'Checks the SHA-256 of every document, raw file and image that the bundled archive',
    'and your archive record. Prints each file that is missing or changed; exit code 1',
    'when there is any. Files no manifest names are listed as notes.',
  ].join('\n'),
  async run(argv, ctx) {
    try {
      parseArgs({ args: argv, options: {}, allowPositionals: false });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const bundled = await verifyArchive(ctx.paths.bundledArchive);
    const user = await verifyArchive(ctx.paths.userArchive);
    const lines = [...formatReport('bundled archive', bundled), ...formatReport('your archive', user)];
    const failed = bundled.problems.length + user.problems.length > 0 || !bundled.exists;
    if (!bundled.exists) lines.push(`the bundled archive at ${bundled.dir} has no manifest.json`);
    (failed ? ctx.io.stderr : ctx.io.stdout)(`${lines.join('\n')}\n`);
    return failed ? 1 : 0;
  },
};
