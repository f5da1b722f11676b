/** Every `daftar` subcommand, in the order `daftar --help` lists them. */
import type { CliCommand } from '../types';
import { command as serve } from './serve';
import { command as search } from './search';
import { command as notes } from './notes';

export const COMMANDS: readonly CliCommand[] = [serve, search, notes];
