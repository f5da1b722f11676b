/**
 * `daftar serve`: the reader in a browser on this computer. Loopback only;
 * the printed URL carries this run's token. Runs until interrupted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from '../../host/server';
import { UsageError, type CliCommand } from '../types';

export const command: CliCommand = {
  name: 'serve',
  summary: 'read the archive in a browser on this computer (127.0.0.1 only)',
  usage: [
    'Usage: daftar serve [--port N] [--archive DIR] [--data DIR]',
    '',
    'Serves the Daftar reader on http://127.0.0.1 and prints the URL to open.',
    'The URL holds a token made for this run; nobody else on the network can connect.',
    '  --port N   port to listen on (default: a free one)',
  ].join('\n'),
  async run(argv, ctx) {
    let values: { port?: string };
    try {
      ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, allowPositionals: false }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(values.port)}`);
    if (!existsSync(join(ctx.staticDir, 'index.html'))) {
      ctx.io.stderr(`daftar serve: the reader is not built (no ${join(ctx.staticDir, 'index.html')}); run \`npm run build\` first\n`);
      return 1;
    }
    const service = await ctx.openService();
    const host = await startHost({ service, staticDir: ctx.staticDir, port, archives: { bundled: ctx.paths.bundledArchive, user: ctx.paths.userArchive } });
    ctx.io.stdout(`Daftar is serving at ${host.openUrl}\nOpen that URL in a browser on this computer. Press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await service.close();
    return 0;
  },
};
