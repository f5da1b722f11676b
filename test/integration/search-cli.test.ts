/**
 * `daftar search` end to end in-process: the real CLI entry (runCli), the
 * real service over the bundled archive and a temporary data folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/api/cli/main';
import { markMatches, parseSearchArgs } from '../../src/api/cli/commands/search';
import { UsageError } from '../../src/api/cli/types';

const ARCHIVE = resolve(__dirname, '../../assets/archive');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'daftar-search-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: dataDir };
  const code = await runCli(['--data', dataDir, ...argv], io, { archiveDir: ARCHIVE, staticDir: dataDir, appVersion: 'test', env: {} });
  return { code, out, err };
}

interface JsonHit {
  docId: string;
  docTitle: string;
  passageId: string;
  score: number;
  text: string;
  matches: [number, number][];
}

describe('daftar search', () => {
  it('--json prints hits best first with passage text and offsets that slice to the words', async () => {
    const { code, out, err } = await cli('search', 'الاسرائيلي', '--json', '--limit', '3');
    expect(err).toBe('');
    expect(code).toBe(0);
    const hits = JSON.parse(out) as JsonHit[];
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(['docId', 'docTitle', 'matches', 'passageId', 'score', 'text']);
      for (const [s, e] of hit.matches) expect(['الإسرائيلي', 'الإسرائيلية']).toContain(hit.text.slice(s, e));
    }
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  }, 60_000);

  it('prints [] and exits 0 when nothing matches', async () => {
    const { code, out } = await cli('search', 'كمبيوتر', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  }, 60_000);

  it('lists hits readably with the matches marked, and explains problems on stderr', async () => {
    const { code, out, err } = await cli('search', 'أزور lang:xx', '--limit', '2');
    expect(code).toBe(0);
    expect(out).toContain('⟦أزور⟧');
    expect(err).toMatch(/lang: takes ar or en/);
  }, 60_000);

  it('says on stderr when it fell back to any word', async () => {
    const { code, out, err } = await cli('search', 'مايكروسوفت زززز', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).length).toBeGreaterThan(0);
    expect(err).toMatch(/showing passages with any of them/);
  }, 60_000);

  it.each([
    [['search'], /what to search for/],
    [['search', '--limit', '0', 'x'], /--limit must be a whole number from 1 to 500/],
    [['search', '--limit', 'ten', 'x'], /--limit must be a whole number/],
    [['search', '--limit', '501', 'x'], /--limit must be a whole number/],
    [['search', '--nope', 'x'], /Unknown option '--nope'/],
    [['search', 'x'.repeat(501)], /the limit is 500/],
  ])('exits 2 with a message on bad arguments: %j', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('exits 1 on an unreadable archive', async () => {
    const broken = join(dataDir, 'broken-archive');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    const { code, err } = await cli('--archive', broken, 'search', 'أزور');
    expect(code).toBe(1);
    expect(err).toMatch(/archive cannot be read/);
  }, 60_000);
});

describe('search command helpers', () => {
  it('joins several positionals into one query', () => {
    expect(parseSearchArgs(['الجيش', 'الإسرائيلي', '--json'])).toEqual({ query: 'الجيش الإسرائيلي', limit: 20, json: true });
    expect(() => parseSearchArgs(['--json'])).toThrow(UsageError);
  });

  it('marks matches and cuts long passages around them', () => {
    expect(markMatches('في تقرير الغارديان أمس', [[9, 18]])).toBe('في تقرير ⟦الغارديان⟧ أمس');
    const long = `${'أ'.repeat(500)} هدف ${'ب'.repeat(500)}`;
    const marked = markMatches(long, [[501, 504]], 10);
    expect(marked).toBe(`…${'أ'.repeat(9)} ⟦هدف⟧ ${'ب'.repeat(9)}…`);
  });
});
