/**
 * The shape of a `daftar` subcommand. main.ts parses the global options
 * (--archive DIR, --data DIR, --help) and hands each command its own argv;
 * commands parse the rest with node:util parseArgs and write only through `io`,
 * so tests run them in-process and read what they printed.
 */
import type { Paths } from '../context';
import type { Service } from '../service';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Read a file given on the command line (injected so tests can use fixtures). */
  cwd: string;
}

export interface CliContext {
  paths: Paths;
  io: CliIo;
  /** The built renderer (out/renderer), for `serve`. */
  staticDir: string;
  appVersion: string;
  /** Builds the full service over `paths` (opens the database, loads the archive); close it when done. */
  openService(): Promise<Service>;
}

export interface CliCommand {
  name: string;
  /** One line for `daftar --help`. */
  summary: string;
  /** Full usage text for `daftar <name> --help`. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 failure, 2 bad arguments. */
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** Thrown by a command for bad arguments: main prints the message and the usage, exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
