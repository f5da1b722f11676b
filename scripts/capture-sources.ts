/**
 * `npm run capture:sources`: capture every source of the bundled archive that
 * has a URL into the archive itself (assets/archive), then rebuild its search
 * index. Run on a machine with internet before packaging.
 *
 *   npx tsx scripts/capture-sources.ts [--archive DIR] [--force] [--timeout SECONDS]
 *
 * Idempotent: a source that already has a captured version is skipped
 * (--force captures it again, as a new version). Each source's result is
 * printed; a failed source does not stop the others, and the exit code is 1
 * when any failed. Each capture is written like a user capture
 * (src/archive/user-archive.ts writeNewVersion): files first, manifest last,
 * so an interrupted run leaves a readable archive.
 *
 * Seam: scripts/build-archive.ts rebuilds assets/archive from seed/ alone, so
 * `npm run archive:build` drops these captures and `check:archive` lists them
 * until the build carries captured versions over (see docs/CAPTURE.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledIndexFile } from '../src/api/parts/search';
import { nextVersionId } from '../src/archive/ids';
import { createLibrary } from '../src/archive/library';
import { loadArchive } from '../src/archive/loader';
import { writeNewVersion } from '../src/archive/user-archive';
import { prepareCapture } from '../src/capture/capture';
import type { FetchImpl } from '../src/capture/fetch';
import type { CaptureLimits } from '../src/capture/limits';
import { buildSearchIndex } from '../src/search/build';
import { serializeIndex, writeIndexFile } from '../src/search/index-store';
import { indexInputOf } from '../src/search/passages';

export interface SourceResult {
  id: string;
  url: string | null;
  outcome: 'captured' | 'skipped' | 'failed';
  version?: string;
  message: string;
}

export interface CaptureSourcesOptions {
  archiveDir: string;
  fetchImpl: FetchImpl;
  now: () => Date;
  force?: boolean;
  limits?: Partial<CaptureLimits>;
  /** One line per source as it finishes. */
  report?: (line: string) => void;
  /** Rebuilds the archive's search index; default: rebuildBundledIndex. */
  rebuildIndex?: (archiveDir: string) => Promise<string> | string;
}

export interface CaptureSourcesSummary {
  results: SourceResult[];
  /** What the index step said, or why it did not run. */
  index: string;
}

/** Writes `<archive>/index/search-index.jsonl` for the archive alone (no user captures), as the search part reads it. */
export function rebuildBundledIndex(archiveDir: string): string {
  const emptyUser = mkdtempSync(join(tmpdir(), 'daftar-no-user-archive-'));
  try {
    const library = createLibrary({ bundledArchive: archiveDir, userArchive: join(emptyUser, 'archive'), log: () => undefined, now: () => new Date(0) });
    const input = indexInputOf(library.documents());
    const index = buildSearchIndex(input, library.contentHash());
    const file = bundledIndexFile(archiveDir);
    writeIndexFile(file, serializeIndex(index));
    return `index rebuilt: ${input.documents.length} documents, ${input.passages.length} passages → ${file}`;
  } finally {
    rmSync(emptyUser, { recursive: true, force: true });
  }
}

export async function captureSources(options: CaptureSourcesOptions): Promise<CaptureSourcesSummary> {
  const say = options.report ?? (() => undefined);
  // A damaged archive stops everything: writing into it could lose what is left.
  let archive = loadArchive(options.archiveDir);
  const results: SourceResult[] = [];
  for (const entry of archive.manifest.entries.filter((e) => e.kind === 'source')) {
    let result: SourceResult;
    if (!entry.url) {
      result = { id: entry.id, url: null, outcome: 'skipped', message: 'no URL known: import its text instead' };
    } else if (entry.versions.length > 0 && !options.force) {
      result = { id: entry.id, url: entry.url, outcome: 'skipped', message: `already captured (${entry.versions.at(-1)!.version}); --force captures it again` };
    } else {
      try {
        const prepared = await prepareCapture({ url: entry.url, sourceId: entry.id }, { fetchImpl: options.fetchImpl, now: options.now(), ...(options.limits ? { limits: options.limits } : {}) });
        const version = nextVersionId(entry.versions.map((v) => v.version));
        archive = await writeNewVersion(options.archiveDir, archive, { entryId: entry.id, version }, prepared.version);
        const notes = prepared.warnings.length ? ` (${prepared.warnings.length} warning(s): ${prepared.warnings.join('; ')})` : '';
        result = { id: entry.id, url: entry.url, outcome: 'captured', version, message: `captured ${prepared.version.provenance.finalUrl} as ${version}${notes}` };
      } catch (error) {
        result = { id: entry.id, url: entry.url, outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    }
    results.push(result);
    say(`${result.outcome.padEnd(8)} ${result.id}: ${result.message}`);
  }
  let index: string;
  if (!results.some((r) => r.outcome === 'captured')) index = 'index unchanged: nothing new was captured';
  else {
    try {
      index = await (options.rebuildIndex ?? rebuildBundledIndex)(options.archiveDir);
    } catch (error) {
      index = `index NOT rebuilt: ${(error as Error).message}`;
    }
  }
  say(index);
  return { results, index };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { archive: { type: 'string' }, force: { type: 'boolean' }, timeout: { type: 'string' } } });
  const archiveDir = resolve(values.archive ?? join(__dirname, '..', 'assets', 'archive'));
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new Error(`capture-sources: --timeout must be a number of seconds, not ${JSON.stringify(values.timeout)}`);
  const summary = await captureSources({
    archiveDir,
    fetchImpl: (input, init) => fetch(input, init),
    now: () => new Date(),
    force: values.force ?? false,
    ...(timeout ? { limits: { pageTimeoutMs: timeout * 1000 } } : {}),
    report: (line) => process.stdout.write(`${line}\n`),
  });
  const count = (o: SourceResult['outcome']) => summary.results.filter((r) => r.outcome === o).length;
  process.stdout.write(`capture-sources: ${count('captured')} captured, ${count('skipped')} skipped, ${count('failed')} failed\n`);
  return count('failed') > 0 || summary.index.startsWith('index NOT') ? 1 : 0;
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
