/**
 * From a query string to the contract's SearchResponse: parse, run over the
 * index and the notes, decide the mode, group by document (best passages
 * first, groups in the order of their best hit), then the notes group.
 * Never throws for bad input: problems travel in the response.
 */
import type { IndexStatus, SearchGroup, SearchHit, SearchResponse } from '../api/contract';
import type { SearchIndex } from './build';
import { searchNotes, type NoteForSearch } from './notes-source';
import { matchesOf, runQuery, type QueryOutcome, type RankedHit } from './query';
import { parseQuery } from './query-parse';

export const DEFAULT_LIMIT = 50;

/** Scores are shown and compared, not computed on: 4 decimals keep JSON short and stable. */
const round = (n: number) => Math.round(n * 1e4) / 1e4;

export interface RespondInput {
  query: string;
  limit?: number;
  index: SearchIndex | null;
  notes: readonly NoteForSearch[];
  status: IndexStatus;
  /** Document ids that exist, to explain a source: filter that names none of them. */
  knownDocIds?: ReadonlySet<string>;
}

export function respond(input: RespondInput): SearchResponse {
  return respondWithHits(input).response;
}

/** respond(), also returning every passage hit in rank order (the benchmark measures recall on all of them). */
export function respondWithHits(input: RespondInput): { response: SearchResponse; hits: RankedHit[] } {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const parsed = parseQuery(input.query);
  if (input.knownDocIds) {
    const unknown = parsed.sources.find((id) => !input.knownDocIds!.has(id));
    if (unknown !== undefined) {
      const at = input.query.indexOf(`source:${unknown}`);
      parsed.problems.push({ code: 'unknown-source', params: { id: unknown }, message: `search: no document has the id ${JSON.stringify(unknown)}`, start: Math.max(0, at), end: at < 0 ? input.query.length : at + 7 + unknown.length });
    }
  }
  // Match offsets only for the hits the page shows.
  const outcome: QueryOutcome = input.index ? runQuery(input.index, parsed, { matchesFor: limit }) : { mode: 'all', hits: [] };
  const notes = searchNotes(input.notes, parsed);
  // 'all' when any passage or note has every unit; otherwise fall back to any unit.
  const allFound = (outcome.mode === 'all' && outcome.hits.length > 0) || notes.all.length > 0;
  const mode: SearchResponse['mode'] = allFound || parsed.include.length <= 1 ? 'all' : 'any';
  const passageHits = mode === outcome.mode ? outcome.hits : [];
  const noteHits = mode === 'all' ? notes.all : notes.any;

  const groups = new Map<string, SearchGroup>();
  let shown = 0;
  const index = input.index;
  for (const hit of passageHits) {
    const passage = index!.input.passages[hit.ref]!;
    const doc = index!.input.documents[passage.doc]!;
    let group = groups.get(doc.id);
    if (!group) {
      group = { kind: 'document', docId: doc.id, docTitle: doc.title, count: 0, hits: [] };
      groups.set(doc.id, group);
    }
    group.count++;
    if (shown < limit) {
      const searchHit: SearchHit = { kind: 'passage', docId: doc.id, docTitle: doc.title, passageId: passage.blockId, score: round(hit.score), text: passage.text, matches: hit.matches ?? matchesOf(index!, parsed, hit.ref), passageStart: passage.start };
      group.hits.push(searchHit);
      shown++;
    }
  }
  const result = [...groups.values()].filter((g) => g.hits.length > 0);
  if (noteHits.length > 0) {
    result.push({ kind: 'notes', docId: '', docTitle: '', count: noteHits.length, hits: noteHits.slice(0, limit).map((h) => ({ ...h, score: round(h.score) })) });
  }
  const response: SearchResponse = { query: input.query, mode, total: passageHits.length + noteHits.length, groups: result, index: input.status };
  const problem = parsed.problems[0];
  if (problem) response.problem = problem;
  return { response, hits: passageHits };
}

