/**
 * Builds assets/archive/ from seed/ (the repo's copy, never ../shared).
 *
 *   npx tsx scripts/build-archive.ts           write assets/archive/
 *   npx tsx scripts/build-archive.ts --check   rebuild into a temp folder and exit 1,
 *                                              listing every file that differs from
 *                                              the committed assets/archive/
 *
 * The work is a list of steps (src/archive/bundle/build.ts). To add an output
 * (the search index), append a step to STEPS below: --check then covers it too.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { BUNDLED_ARCHIVE_STEPS, buildBundledArchive, type BuildStep } from '../src/archive/bundle/build';
import { writeBundledIndex } from '../src/search/bundle-index';

const ROOT = resolve(__dirname, '..');
const SEED_DIR = join(ROOT, 'seed');
const OUT_DIR = join(ROOT, 'assets', 'archive');

export const STEPS: readonly BuildStep[] = [
  ...BUNDLED_ARCHIVE_STEPS,
  // Later steps (e.g. the search index into assets/archive/index/) go here.
  { name: 'write the search index into index/', run: (ctx) => void writeBundledIndex(ctx.outDir) },
];

function listFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split('\\').join('/'), readFileSync(full));
    }
  };
  try {
    walk(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return out;
}

/** Differences between two folders, one line each, sorted. */
export function compareTrees(expectedDir: string, actualDir: string): string[] {
  const expected = listFiles(expectedDir);
  const actual = listFiles(actualDir);
  const problems: string[] = [];
  for (const [rel, bytes] of expected) {
    const committed = actual.get(rel);
    if (!committed) problems.push(`missing from assets/archive: ${rel}`);
    else if (!committed.equals(bytes)) problems.push(`differs: ${rel}`);
  }
  for (const rel of actual.keys()) if (!expected.has(rel)) problems.push(`not produced by the build: ${rel}`);
  return problems.sort();
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const verbose = argv.includes('--verbose');
  const log = verbose ? (m: string) => process.stdout.write(`${m}\n`) : () => undefined;
  if (!check) {
    await buildBundledArchive({ seedDir: SEED_DIR, outDir: OUT_DIR, steps: STEPS, log });
    process.stdout.write(`build-archive: wrote ${relative(ROOT, OUT_DIR)}\n`);
    return 0;
  }
  const temp = mkdtempSync(join(tmpdir(), 'daftar-archive-check-'));
  try {
    await buildBundledArchive({ seedDir: SEED_DIR, outDir: temp, steps: STEPS, log });
    const problems = compareTrees(temp, OUT_DIR);
    if (problems.length > 0) {
      process.stderr.write(`build-archive --check: assets/archive is not what seed/ builds; run npm run archive:build and commit:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 1;
    }
    process.stdout.write('build-archive --check: assets/archive is up to date\n');
    return 0;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
