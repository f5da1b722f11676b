/**
 * One engine, one phase, one process (spawned by run.ts), so peak memory and
 * load time belong to that engine alone.
 *
 *   build: make the corpus, build the index, save it; report build time,
 *          files written and the peak RSS above the process's baseline.
 *   query: load the saved index, answer every query once (the answers are
 *          scored by the parent), then time REPEAT more passes; report load
 *          time, latencies and peak RSS above the baseline.
 *
 * Usage: child.ts <engine> <6k|25k> <build|query> <dir> <out.json> [queries.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildCorpus, parseCorpusSize } from './corpus';
import type { BenchQuery } from './queries';
import { loadEngine } from './engines/index';
import { parseEngineName } from './engines/types';

/** Timed passes over the query set after the first (untimed, scored) one. */
const REPEAT = 3;

export interface BuildReport {
  phase: 'build';
  label: string;
  config: string;
  passages: number;
  buildMs: number;
  /** CPU time (user + system, all threads) of the build: close to what an idle machine's wall clock would show. */
  buildCpuMs: number;
  files: string[];
  baseRssMb: number;
  peakRssMb: number;
}

export interface QueryReport {
  phase: 'query';
  loadMs: number;
  loadCpuMs: number;
  /** One entry per timed query run, in ms (wall clock). */
  latencies: number[];
  /** The same runs in CPU ms: other processes on a busy machine inflate wall time, not this. */
  cpuLatencies: number[];
  /** Answers of the first pass, null where the engine threw. */
  answers: (number[] | null)[];
  errors: string[];
  baseRssMb: number;
  peakRssMb: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
/** resourceUsage().maxRSS is in kilobytes. */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const [engineArg, sizeArg, phase, dir, out, queriesFile] = process.argv.slice(2);
  const engine = await loadEngine(parseEngineName(engineArg));
  const size = parseCorpusSize(sizeArg);
  if (!dir || !out) throw new Error('bench: child needs <dir> and <out.json>');

  if (phase === 'build') {
    const corpus = buildCorpus(size);
    const baseRssMb = mb(process.memoryUsage().rss);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const built = await engine.build(corpus, dir);
    const buildMs = performance.now() - t0;
    const buildCpuMs = cpuMsSince(c0);
    const files = await engine.save(built, dir);
    const report: BuildReport = { phase, label: engine.label, config: engine.config, passages: corpus.length, buildMs, buildCpuMs, files, baseRssMb, peakRssMb: peakRssMb() };
    writeFileSync(out, JSON.stringify(report));
    return;
  }

  if (phase === 'query') {
    if (!queriesFile) throw new Error('bench: query phase needs a queries file');
    const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
    const baseRssMb = mb(process.memoryUsage().rss);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const index = await engine.load(dir);
    const loadMs = performance.now() - t0;
    const loadCpuMs = cpuMsSince(c0);
    const errors: string[] = [];
    const answers = queries.map((q) => {
      try {
        return engine.search(index, q);
      } catch (error) {
        errors.push(`${q.text}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    });
    const latencies: number[] = [];
    const cpuLatencies: number[] = [];
    for (let pass = 0; pass < REPEAT; pass++) {
      for (const q of queries) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        try {
          engine.search(index, q);
        } catch {
          // Already recorded in the scored pass; the time to fail still counts.
        }
        latencies.push(performance.now() - start);
        cpuLatencies.push(cpuMsSince(cpu));
      }
    }
    const report: QueryReport = { phase, loadMs, loadCpuMs, latencies, cpuLatencies, answers, errors, baseRssMb, peakRssMb: peakRssMb() };
    writeFileSync(out, JSON.stringify(report));
    return;
  }
  throw new Error(`bench: unknown phase ${JSON.stringify(phase)} (expected build or query)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
