/**
 * `daftar`: the command line. Parses the global options, finds the
 * subcommand and runs it with a context whose service is built lazily (a
 * `--help` never opens the database). Built to out/main/cli.js; bin/daftar.cjs
 * calls main().
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDataDir, pathsFor } from '../paths';
import { createService } from '../create-service';
import { COMMANDS } from './commands';
import { extractGlobalOptions } from './args';
import { UsageError, type CliCommand, type CliContext, type CliIo } from './types';

export interface CliDefaults {
  /** The bundled archive shipped with the app. */
  archiveDir: string;
  staticDir: string;
  appVersion: string;
  env: NodeJS.ProcessEnv;
}

export function usage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: daftar <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options of every command:',
    '  --archive DIR  the archive to read (default: the bundled archive)',
    '  --data DIR     the user data folder: notes, settings, captures (default: the desktop app\'s)',
    '  --help         this help, or a command\'s: daftar <command> --help',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo, defaults: CliDefaults, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  let parsed: ReturnType<typeof extractGlobalOptions>;
  try {
    parsed = extractGlobalOptions(argv);
  } catch (error) {
    io.stderr(`daftar: ${(error as Error).message}\n\n${usage(commands)}`);
    return 2;
  }
  const { options, rest } = parsed;
  if (options.version) {
    io.stdout(`daftar ${defaults.appVersion}\n`);
    return 0;
  }
  const [name, ...commandArgv] = rest;
  if (!name || options.help) {
    (name || options.help ? io.stdout : io.stderr)(usage(commands));
    return name || options.help ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`daftar: unknown command ${JSON.stringify(name)}\n\n${usage(commands)}`);
    return 2;
  }
  if (commandArgv.includes('--help') || commandArgv.includes('-h')) {
    io.stdout(`${command.usage.trimEnd()}\n`);
    return 0;
  }

  const archiveDir = resolve(io.cwd, options.archive ?? defaults.archiveDir);
  if (!existsSync(archiveDir)) {
    io.stderr(`daftar: no archive at ${archiveDir}\n`);
    return 1;
  }
  const paths = pathsFor(archiveDir, options.data ? resolve(io.cwd, options.data) : defaultDataDir(defaults.env));
  const ctx: CliContext = {
    paths,
    io,
    staticDir: defaults.staticDir,
    appVersion: defaults.appVersion,
    openService: () =>
      createService({
        paths,
        transport: 'http',
        appVersion: defaults.appVersion,
        systemLocale: systemLocale(defaults.env),
        fallbackArchive: options.archive ? resolve(defaults.archiveDir) : undefined,
      }),
  };
  try {
    return await command.run(commandArgv, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`daftar ${command.name}: ${error.message}\n\n${command.usage.trimEnd()}\n`);
      return 2;
    }
    io.stderr(`daftar ${command.name}: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

export function systemLocale(env: NodeJS.ProcessEnv): string {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX') return fromEnv.split('.')[0]!.replace('_', '-');
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/** Entry point of the built CLI (out/main/cli.js, so the repo root is two folders up). */
export async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const archiveDir = packaged && existsSync(resolve(packaged, 'archive')) ? resolve(packaged, 'archive') : resolve(root, 'assets', 'archive');
  const version = (require(resolve(root, 'package.json')) as { version: string }).version;
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
  const code = await runCli(process.argv.slice(2), io, { archiveDir, staticDir: resolve(root, 'out', 'renderer'), appVersion: version, env: process.env });
  process.exitCode = code;
}
