import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractGlobalOptions } from '../../../src/api/cli/args';
import { runCli, systemLocale, usage } from '../../../src/api/cli/main';
import { UsageError, type CliCommand, type CliContext } from '../../../src/api/cli/types';
import { defaultDataDir } from '../../../src/api/paths';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), cwd: '/work' }, out, err };
}

const archiveDir = mkdtempSync(join(tmpdir(), 'daftar-cli-archive-'));
const defaults = { archiveDir, staticDir: '/nowhere', appVersion: '9.9.9', env: { HOME: '/home/reader' } };

function recorder(): { command: CliCommand; seen: { argv: string[]; ctx: CliContext }[] } {
  const seen: { argv: string[]; ctx: CliContext }[] = [];
  return {
    seen,
    command: {
      name: 'probe',
      summary: 'records its arguments',
      usage: 'Usage: daftar probe [--flag]',
      async run(argv, ctx) {
        seen.push({ argv, ctx });
        if (argv[0] === 'bad') throw new UsageError('bad is not a word');
        if (argv[0] === 'boom') throw new Error('archive unreadable');
        return 0;
      },
    },
  };
}

describe('global options', () => {
  it('are taken anywhere before --', () => {
    expect(extractGlobalOptions(['search', 'x', '--archive', 'A', '--data=D'])).toEqual({ options: { archive: 'A', data: 'D', help: false, version: false }, rest: ['search', 'x'] });
    expect(extractGlobalOptions(['--data', 'D', 'search', '--', '--archive', 'B']).rest).toEqual(['search', '--', '--archive', 'B']);
  });

  for (const argv of [['--archive'], ['--data', '--json'], ['--archive=']]) {
    it(`reject a missing folder: ${argv.join(' ')}`, () => {
      expect(() => extractGlobalOptions(argv)).toThrow(/needs a folder/);
    });
  }
});

describe('runCli', () => {
  it('runs the command with paths from the options, relative to cwd', async () => {
    const { command, seen } = recorder();
    const { io } = capture();
    const code = await runCli(['probe', '--flag', '--data', 'notes', '--archive', archiveDir], io, defaults, [command]);
    expect(code).toBe(0);
    expect(seen[0]!.argv).toEqual(['--flag']);
    expect(seen[0]!.ctx.paths).toEqual({ bundledArchive: archiveDir, dataDir: '/work/notes', userArchive: '/work/notes/archive' });
  });

  it('defaults the data folder to the desktop app\'s', async () => {
    const { command, seen } = recorder();
    await runCli(['probe'], capture().io, { ...defaults, env: { XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' } }, [command]);
    const expected = { linux: '/xdg/Daftar', win32: '/appdata/Daftar' }[process.platform as string];
    expect(seen[0]!.ctx.paths.dataDir).toBe(expected ?? defaultDataDir({}));
  });

  it('prints usage and exits 2 for no command or an unknown one', async () => {
    const none = capture();
    expect(await runCli([], none.io, defaults, [recorder().command])).toBe(2);
    expect(none.err.join('')).toContain('Usage: daftar <command>');
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io, defaults, [recorder().command])).toBe(2);
    expect(unknown.err.join('')).toContain('unknown command "frobnicate"');
  });

  it('prints a command\'s usage for --help without running it', async () => {
    const { command, seen } = recorder();
    const c = capture();
    expect(await runCli(['probe', '--help'], c.io, defaults, [command])).toBe(0);
    expect(c.out.join('')).toContain('Usage: daftar probe');
    expect(seen).toHaveLength(0);
  });

  it('maps usage errors to 2 and failures to 1, with the message', async () => {
    const { command } = recorder();
    const bad = capture();
    expect(await runCli(['probe', 'bad'], bad.io, defaults, [command])).toBe(2);
    expect(bad.err.join('')).toContain('daftar probe: bad is not a word');
    const boom = capture();
    expect(await runCli(['probe', 'boom'], boom.io, defaults, [command])).toBe(1);
    expect(boom.err.join('')).toContain('daftar probe: archive unreadable');
  });

  it('fails clearly when the archive folder does not exist', async () => {
    const c = capture();
    expect(await runCli(['probe', '--archive', '/no/such/archive'], c.io, defaults, [recorder().command])).toBe(1);
    expect(c.err.join('')).toContain('no archive at /no/such/archive');
  });

  it('prints the version', async () => {
    const c = capture();
    expect(await runCli(['--version'], c.io, defaults, [])).toBe(0);
    expect(c.out.join('')).toBe('daftar 9.9.9\n');
  });

  it('lists every command in the usage', () => {
    expect(usage([recorder().command])).toMatch(/probe\s+records its arguments/);
  });
});

describe('paths and locale', () => {
  it('follow Electron\'s userData per platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Daftar');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Daftar');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Daftar');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain('Daftar');
    expect(defaultDataDir({ DAFTAR_DATA_DIR: '/tmp/d' }, 'linux', '/home/u')).toBe('/tmp/d');
  });

  it('reads the system locale from the environment', () => {
    expect(systemLocale({ LANG: 'ar_EG.UTF-8' })).toBe('ar-EG');
    expect(systemLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'ar_EG.UTF-8' })).toBe('en-GB');
    expect(systemLocale({ LANG: 'C' })).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});
