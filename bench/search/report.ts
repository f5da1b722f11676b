/**
 * The markdown report: machine and date, one table per corpus size with every
 * engine side by side and its ratio to Daftar, recall per query kind, Daftar
 * against the issue's targets, and how each engine was configured.
 */
import { cpus, totalmem } from 'node:os';
import type { BuildReport, QueryReport } from './child';
import type { CorpusSize } from './corpus';
import type { EngineName } from './engines/types';
import { QUERY_MIX, type BenchQuery } from './queries';
import { fmt, percentile, withRatio } from './stats';
import type { Quality } from './truth';

export interface MeasuredRow {
  ok: true;
  name: EngineName;
  build: BuildReport;
  query: QueryReport;
  bytes: { raw: number; gzip: number };
  quality: Quality;
  /** Recall against the bench's independent reference normaliser. */
  referenceRecall: number;
  byKind: Record<string, number>;
}

export type EngineRow = MeasuredRow | { ok: false; name: EngineName; failure: string };

export interface SizeResult {
  size: CorpusSize;
  rows: EngineRow[];
}

/** The issue's targets for Daftar at 25k passages. */
export const TARGETS = { recall: 0.99, p95Ms: 16, loadMs: 300, buildMs: 10_000 };

const MB = 1024 * 1024;

interface Metrics {
  recall: number;
  referenceRecall: number;
  precision: number;
  empty: number;
  buildS: number;
  buildCpuS: number;
  rawMb: number;
  gzipMb: number;
  loadMs: number;
  loadCpuMs: number;
  p50: number;
  p95: number;
  p50Cpu: number;
  p95Cpu: number;
  buildPeak: number;
  queryPeak: number;
}

function metrics(row: MeasuredRow): Metrics {
  return {
    recall: row.quality.recall,
    referenceRecall: row.referenceRecall,
    precision: row.quality.precision,
    empty: row.quality.emptyQueries,
    buildS: row.build.buildMs / 1000,
    buildCpuS: row.build.buildCpuMs / 1000,
    rawMb: row.bytes.raw / MB,
    gzipMb: row.bytes.gzip / MB,
    loadMs: row.query.loadMs,
    loadCpuMs: row.query.loadCpuMs,
    p50: percentile(row.query.latencies, 50),
    p95: percentile(row.query.latencies, 95),
    p50Cpu: percentile(row.query.cpuLatencies, 50),
    p95Cpu: percentile(row.query.cpuLatencies, 95),
    buildPeak: row.build.peakRssMb - row.build.baseRssMb,
    queryPeak: row.query.peakRssMb - row.query.baseRssMb,
  };
}

interface Column {
  key: keyof Metrics;
  title: string;
  ratio: boolean;
}

const QUALITY_COLUMNS: Column[] = [
  { key: 'recall', title: 'recall', ratio: false },
  { key: 'referenceRecall', title: 'recall (ref. truth)', ratio: false },
  { key: 'precision', title: 'precision', ratio: false },
  { key: 'empty', title: 'empty answers', ratio: false },
  { key: 'rawMb', title: 'size MB', ratio: true },
  { key: 'gzipMb', title: 'gzip MB', ratio: true },
  { key: 'buildPeak', title: 'build peak MB', ratio: true },
  { key: 'queryPeak', title: 'load+query peak MB', ratio: true },
];

const SPEED_COLUMNS: Column[] = [
  { key: 'buildS', title: 'build s', ratio: true },
  { key: 'buildCpuS', title: 'build CPU s', ratio: true },
  { key: 'loadMs', title: 'load ms', ratio: true },
  { key: 'loadCpuMs', title: 'load CPU ms', ratio: true },
  { key: 'p50', title: 'p50 ms', ratio: true },
  { key: 'p95', title: 'p95 ms', ratio: true },
  { key: 'p50Cpu', title: 'p50 CPU ms', ratio: true },
  { key: 'p95Cpu', title: 'p95 CPU ms', ratio: true },
];

function sizeTable(result: SizeResult): string[] {
  return [...table(result, QUALITY_COLUMNS, true), '', ...table(result, SPEED_COLUMNS, false)];
}

function table(result: SizeResult, COLUMNS: Column[], heading: boolean): string[] {
  const daftarRow = result.rows.find((r) => r.name === 'daftar');
  const reference = daftarRow?.ok ? metrics(daftarRow) : undefined;
  const passages = result.rows.find((r) => r.ok);
  const lines = [
    ...(heading ? [`### ${result.size} corpus${passages?.ok ? ` (${passages.build.passages.toLocaleString('en')} passages)` : ''}`, ''] : []),
    `| engine | ${COLUMNS.map((c) => c.title).join(' | ')} |`,
    `|---|${COLUMNS.map(() => '---:').join('|')}|`,
  ];
  for (const row of result.rows) {
    if (!row.ok) {
      lines.push(`| ${row.name} | failed: ${row.failure.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |${COLUMNS.slice(1).map(() => ' |').join('')}`);
      continue;
    }
    const m = metrics(row);
    const cells = COLUMNS.map((c) => (c.ratio ? withRatio(m[c.key], reference?.[c.key], row.name === 'daftar') : c.key === 'empty' ? String(m[c.key]) : fmt(m[c.key])));
    lines.push(`| ${row.build.label} | ${cells.join(' | ')} |`);
  }
  return lines;
}

function kindTable(result: SizeResult): string[] {
  const kinds = QUERY_MIX.map((m) => `${m.kind} ${m.lang}`);
  const lines = [
    `Recall by query kind (${result.size}):`,
    '',
    `| engine | ${QUERY_MIX.map((m) => `${m.kind} ${m.lang} (${m.count})`).join(' | ')} |`,
    `|---|${kinds.map(() => '---:').join('|')}|`,
  ];
  for (const row of result.rows) {
    if (!row.ok) continue;
    lines.push(`| ${row.build.label} | ${kinds.map((k) => fmt(row.byKind[k] ?? Number.NaN)).join(' | ')} |`);
  }
  return lines;
}

function targetLines(results: SizeResult[]): string[] {
  const big = results.find((r) => r.size === '25k');
  const row = big?.rows.find((r) => r.name === 'daftar');
  if (!big || !row) return ['Targets: not checked (the 25k corpus or Daftar was not run).'];
  if (!row.ok) return [`Targets: Daftar failed at 25k: ${row.failure}`];
  const m = metrics(row);
  const others = big.rows.flatMap((r) => (r.name !== 'daftar' && r.ok ? [r.quality.recall] : []));
  const highest = others.every((r) => m.recall >= r);
  const tied = others.some((r) => r === m.recall);
  const check = (ok: boolean) => (ok ? 'met' : '**missed**');
  // Wall clock is what a user feels on an idle machine; CPU time is what we can trust on a shared, loaded one.
  const timed = (name: string, limit: number, unit: string, wall: number, cpu: number) =>
    `- ${name} ≤ ${limit} ${unit}: wall ${fmt(wall)} ${unit} — ${check(wall <= limit)}; CPU ${fmt(cpu)} ${unit} — ${check(cpu <= limit)}`;
  return [
    "Daftar against the issue's targets at 25k passages (time targets checked on wall clock and on CPU time):",
    '',
    `- recall ≥ ${TARGETS.recall} and highest of all: ${fmt(m.recall)}${highest ? (tied ? ' (highest, tied)' : ' (highest)') : ' (not the highest)'} — ${check(m.recall >= TARGETS.recall && highest)}`,
    timed('query p95', TARGETS.p95Ms, 'ms', m.p95, m.p95Cpu),
    timed('index load', TARGETS.loadMs, 'ms', m.loadMs, m.loadCpuMs),
    timed('build', TARGETS.buildMs / 1000, 's', m.buildS, m.buildCpuS),
  ];
}

export function renderReport(input: { results: SizeResult[]; queries: BenchQuery[]; truthName: string; seconds: number; load: { start: number; end: number } }): string {
  const cpu = cpus();
  const configs = new Map<string, string>();
  for (const r of input.results) for (const row of r.rows) if (row.ok) configs.set(row.build.label, row.build.config);
  const lines = [
    '# Search benchmark',
    '',
    `Generated by \`npm run bench:search\` (bench/search/run.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / MB / 1024)} GB RAM, Node ${process.version}, ${process.platform}/${process.arch}. Whole run: ${Math.round(input.seconds)} s.`,
    `Machine load (1-minute load average) at start / end of the run: ${input.load.start.toFixed(1)} / ${input.load.end.toFixed(1)} on ${cpu.length} cores. Above ~${cpu.length}, other processes share the CPU and wall-clock times are inflated; CPU-time columns are not (much).`,
    '',
    `Corpus: quran-json (diacritised Arabic verses + English translation; see bench/search/corpus.ts for how 6k and 25k are made).`,
    `Queries: ${input.queries.length}, typed without diacritics (a third of the Arabic ones also without hamza): ${QUERY_MIX.map((m) => `${m.count} ${m.kind} ${m.lang}`).join(', ')}.`,
    `Ground truth: a passage is relevant when it contains every query word as a token whose normalised form equals the word's (prefix queries: starts with it), using the ${input.truthName}. "recall (ref. truth)" uses the bench's own reference normaliser instead (bench/search/reference-text.ts), a second opinion that catches blind spots Daftar's index and Daftar's truth share.`,
    'Recall and precision are means over queries; "empty answers" counts queries with relevant passages that got nothing back.',
    'Each engine builds in one child process and loads + queries in a fresh one; memory is peak RSS above the process\'s RSS before building/loading.',
    'Latency: 3 timed passes over the whole query set after one untimed pass, every answer complete (no result limit). Ratios (×) are against Daftar.',
    '',
  ];
  for (const result of input.results) lines.push(...sizeTable(result), '', ...kindTable(result), '');
  lines.push(...targetLines(input.results), '', 'Engine configurations:', '');
  for (const [label, config] of configs) lines.push(`- **${label}**: ${config}`);
  lines.push('');
  return lines.join('\n');
}
