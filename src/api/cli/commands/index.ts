/** Every `daftar` subcommand, in the order `daftar --help` lists them. */
import type { CliCommand } from '../types';
import { command as serve } from './serve';
import { command as search } from './search';
import { command as notes } from './notes';
import { command as capture } from './capture';
import { command as importFile } from './import';
import { command as verify } from './verify';

export const COMMANDS: readonly CliCommand[] = [serve, search, notes, capture, importFile, verify];
