/**
 * Global options of every `daftar` command. They may stand anywhere before a
 * `--`, so `daftar search x --archive DIR` and `daftar --archive DIR search x`
 * both work, as the README promises.
 */
import { UsageError } from './types';

export interface GlobalOptions {
  archive?: string;
  data?: string;
  help: boolean;
  version: boolean;
}

const VALUE_OPTIONS = new Set(['--archive', '--data']);

export function extractGlobalOptions(argv: readonly string[]): { options: GlobalOptions; rest: string[] } {
  const options: GlobalOptions = { help: false, version: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${name} needs a folder`);
      if (name === '--archive') options.archive = value;
      else options.data = value;
    } else if (arg === '--version' && rest.length === 0) {
      options.version = true;
    } else if ((arg === '--help' || arg === '-h') && rest.length === 0) {
      options.help = true;
    } else {
      rest.push(arg);
    }
  }
  return { options, rest };
}
