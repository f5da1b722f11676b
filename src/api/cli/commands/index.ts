/** Every `daftar` subcommand, in the order `daftar --help` lists them. */
import type { CliCommand } from '../types';
import { command as serve } from './serve';

export const COMMANDS: readonly CliCommand[] = [serve];
