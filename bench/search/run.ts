/**
 * `npm run bench:search`: Daftar's passage index against stock lunr + lunr.ar,
 * MiniSearch, FlexSearch and SQLite FTS5, on the quran-json corpus at 6k and
 * 25k passages. Each engine builds in one child process and loads + queries in
 * another (child.ts), one after the other, so timings and peak memory are its
 * own. Prints a markdown table and writes it to bench/results/search.md.
 *
 * Flags (for quick runs while developing): --sizes 6k,25k  --engines daftar,fts5
 *   --out <file> (default bench/results/search.md)  --no-write
 * Not a test: nothing here asserts speed; CI does not run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BuildReport, QueryReport } from './child';
import { buildCorpus, parseCorpusSize, type CorpusSize } from './corpus';
import { ENGINE_NAMES, parseEngineName, type EngineName } from './engines/types';
import { buildQueries } from './queries';
import { renderReport, type EngineRow, type SizeResult } from './report';
import { referenceTruthText, truthText } from './truth-text';
import { GroundTruth, score } from './truth';

const CHILD = resolve(__dirname, 'child.ts');

function runChild(args: string[]): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  if (result.status !== 0) {
    // The first line of a stack is the message; the frames would only clutter the table.
    const tail = `${result.stderr ?? ''}`.trim().split('\n').find((l) => /error/i.test(l)) ?? '';
    throw new Error(`exit ${result.status ?? result.signal}: ${tail || result.error?.message || 'no output'}`);
  }
}

function sizeOf(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file)).length;
  }
  return { raw, gzip };
}

interface Truths {
  main: GroundTruth;
  reference: GroundTruth;
}

async function benchSize(size: CorpusSize, engines: EngineName[], queriesFile: string, truths: Truths, queries: ReturnType<typeof buildQueries>): Promise<SizeResult> {
  const rows: EngineRow[] = [];
  for (const name of engines) {
    const dir = mkdtempSync(join(tmpdir(), `daftar-bench-${name}-`));
    try {
      process.stderr.write(`bench: ${size} ${name}: build… `);
      const buildOut = join(dir, 'build-report.json');
      runChild([name, size, 'build', dir, buildOut]);
      const build = JSON.parse(readFileSync(buildOut, 'utf8')) as BuildReport;
      process.stderr.write(`${(build.buildMs / 1000).toFixed(1)} s; query… `);
      const queryOut = join(dir, 'query-report.json');
      runChild([name, size, 'query', dir, queryOut, queriesFile]);
      const query = JSON.parse(readFileSync(queryOut, 'utf8')) as QueryReport;
      process.stderr.write('done\n');
      rows.push({
        ok: true,
        name,
        build,
        query,
        bytes: sizeOf(build.files),
        quality: score(truths.main, queries, query.answers),
        referenceRecall: score(truths.reference, queries, query.answers).recall,
        byKind: scoreByKind(truths.main, queries, query.answers),
      });
    } catch (error) {
      process.stderr.write('FAILED\n');
      rows.push({ ok: false, name, failure: error instanceof Error ? error.message : String(error) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { size, rows };
}

function scoreByKind(truth: GroundTruth, queries: ReturnType<typeof buildQueries>, answers: (number[] | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  const groups = new Map<string, number[]>();
  queries.forEach((q, i) => {
    const key = `${q.kind} ${q.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const [key, indexes] of groups) {
    out[key] = score(truth, indexes.map((i) => queries[i]!), indexes.map((i) => answers[i] ?? null)).recall;
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '6k,25k' },
      engines: { type: 'string', default: ENGINE_NAMES.join(',') },
      out: { type: 'string', default: resolve(__dirname, '../results/search.md') },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => parseCorpusSize(s.trim()));
  const engines = values.engines.split(',').map((s) => parseEngineName(s.trim()));
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;

  const queries = buildQueries(buildCorpus('6k'));
  const work = mkdtempSync(join(tmpdir(), 'daftar-bench-'));
  const queriesFile = join(work, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));
  const text = await truthText();

  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      const corpus = buildCorpus(size);
      const truths = { main: new GroundTruth(corpus, text), reference: new GroundTruth(corpus, referenceTruthText) };
      results.push(await benchSize(size, engines, queriesFile, truths, queries));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const markdown = renderReport({ results, queries, truthName: text.name, seconds: (Date.now() - started) / 1000, load: { start: loadAtStart, end: loadavg()[0]! } });
  process.stdout.write(`${markdown}\n`);
  if (!values['no-write']) {
    writeFileSync(values.out, markdown);
    process.stderr.write(`bench: wrote ${values.out}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
