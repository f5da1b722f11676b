/**
 * `daftar search "<query>" [--limit N] [--json]`: the app's search from the
 * command line, through the same service (same index, same query language).
 *
 * --json prints an array of passage hits, best first:
 *   {docId, docTitle, passageId, score, text, matches: [[start, end], …]}
 * where `text` is the whole passage and `matches` index into it (UTF-16, as
 * String.slice). Without --json, a listing grouped by document with the
 * matches marked ⟦like this⟧. Notes are not listed (see `daftar notes list`).
 * Query problems and the any-word fallback are explained on stderr; stdout
 * stays parseable. Exit 0 (also for no match: `[]`), 2 for bad arguments,
 * 1 when the archive cannot be read.
 */
import { parseArgs } from 'node:util';
import type { Range, SearchHit, SearchResponse } from '../../contract';
import { REQUEST_LIMITS } from '../../schemas';
import type { Service } from '../../service';
import { UsageError, type CliCommand, type CliContext } from '../types';

const USAGE = [
  'Usage: daftar search "<query>" [--limit N] [--json] [--archive DIR] [--data DIR]',
  '',
  '  Searches every document of the archive. Words are all required (if no',
  '  passage has them all, passages with any of them are shown, and stderr says so).',
  '    "a phrase"   consecutive words          -word    exclude a word',
  '    word*        words starting with word   lang:ar  lang:en  source:<id>',
  '  --limit N  at most N passages (1-500, default 20)',
  '  --json     an array of hits, best first: {docId, docTitle, passageId, score,',
  '             text, matches: [[start, end], ...]} (offsets into text)',
].join('\n');

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 500;
/** How long to wait for an index that is being rebuilt before answering from what there is. */
const READY_TIMEOUT_MS = 120_000;
const POLL_MS = 100;
/** Characters of passage shown around the first match in the listing. */
const CONTEXT_CHARS = 160;

interface Args {
  query: string;
  limit: number;
  json: boolean;
}

const OPTIONS = { limit: { type: 'string' }, json: { type: 'boolean' } } as const;

function parseOrUsage(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`search: ${(error as Error).message}`);
  }
}

export function parseSearchArgs(argv: string[]): Args {
  const parsed = parseOrUsage(argv);
  const query = parsed.positionals.join(' ');
  if (query.trim() === '') throw new UsageError('search: what to search for? (daftar search "<query>")');
  if (query.length > REQUEST_LIMITS.queryChars) throw new UsageError(`search: the query has ${query.length} characters; the limit is ${REQUEST_LIMITS.queryChars}`);
  let limit = DEFAULT_LIMIT;
  if (parsed.values.limit !== undefined) {
    const text = parsed.values.limit;
    limit = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`search: --limit must be a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(text)}`);
  }
  return { query, limit, json: parsed.values.json === true };
}

/** Passage hits of a response in rank order (groups are ordered by their best hit; hits within a group are ranked). */
export function rankedPassageHits(response: SearchResponse): SearchHit[] {
  return response.groups
    .filter((g) => g.kind === 'document')
    .flatMap((g) => g.hits)
    .sort((a, b) => b.score - a.score);
}

/** The passage with every match wrapped in ⟦ ⟧, cut to a window around the first match. */
export function markMatches(text: string, matches: readonly Range[], context = CONTEXT_CHARS): string {
  const first = matches[0]?.[0] ?? 0;
  const from = Math.max(0, first - context);
  const to = Math.min(text.length, (matches[matches.length - 1]?.[1] ?? 0) + context, from + 4 * context);
  let out = from > 0 ? '…' : '';
  let cursor = from;
  for (const [s, e] of matches) {
    if (s < cursor || e > to) continue;
    out += `${text.slice(cursor, s)}⟦${text.slice(s, e)}⟧`;
    cursor = e;
  }
  out += text.slice(cursor, to) + (to < text.length ? '…' : '');
  return out.replace(/\s*\n+\s*/g, ' ');
}

async function waitUntilReady(service: Service): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while ((await service.getIndexStatus()).state === 'building' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function listing(response: SearchResponse, hits: SearchHit[]): string {
  if (hits.length === 0) return 'No passage matches.\n';
  const lines: string[] = [];
  const shown = new Set(hits);
  for (const group of response.groups) {
    const groupHits = group.hits.filter((h) => shown.has(h));
    if (groupHits.length === 0) continue;
    lines.push(`${group.docTitle} (${group.docId}) — ${group.count} passage${group.count === 1 ? '' : 's'}`);
    for (const hit of groupHits) lines.push(`  [${hit.passageId}] ${hit.score.toFixed(3)}  ${markMatches(hit.text, hit.matches)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export const command: CliCommand = {
  name: 'search',
  summary: 'search the archive (Arabic and English, ignoring diacritics and hamza forms)',
  usage: USAGE,
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseSearchArgs(argv);
    const service = await ctx.openService();
    try {
      const library = await service.getLibrary();
      if (library.state === 'error') {
        ctx.io.stderr(`search: the archive cannot be read: ${library.error.file}: ${library.error.problem} (${library.archivePath})\n`);
        return 1;
      }
      await waitUntilReady(service);
      const response = await service.search({ query: args.query, limit: args.limit });
      if (response.problem) ctx.io.stderr(`${response.problem.message} (at characters ${response.problem.start}-${response.problem.end})\n`);
      if (response.mode === 'any') ctx.io.stderr('search: no passage has every word; showing passages with any of them\n');
      const hits = rankedPassageHits(response).slice(0, args.limit);
      if (args.json) {
        const out = hits.map((h) => ({ docId: h.docId, docTitle: h.docTitle, passageId: h.passageId, score: h.score, text: h.text, matches: h.matches }));
        ctx.io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        ctx.io.stdout(listing(response, hits));
      }
      return 0;
    } finally {
      await service.close();
    }
  },
};
