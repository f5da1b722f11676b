/**
 * Citations: ranges of the article's text that cite a source.
 *
 * findCitations locates each quote in the document text and returns one
 * citation per occurrence (a quote the author lists is those words wherever
 * they appear; sources.json quotes are long enough not to repeat by chance).
 * A quote that is not found throws, naming the source and the quote: a
 * citation must never silently disappear.
 *
 * applyCitationMarks writes the same ranges into the block tree as `citation`
 * marks, splitting runs at range boundaries. Runs' texts are only split, never
 * changed, so the document text and every offset stay the same.
 */
import type { Citation } from '../api/contract';
import { layoutBlocks } from '../document/text';
import type { Block, Mark, Run } from '../document/types';

export class CitationError extends Error {
  override name = 'CitationError';
}

export interface QuotedSource {
  id: string;
  quotes: readonly string[];
}

export function findCitations(text: string, docId: string, sources: readonly QuotedSource[]): Citation[] {
  const citations: Citation[] = [];
  for (const source of sources) {
    for (const quote of source.quotes) {
      if (quote.length === 0) throw new CitationError(`citations: source ${source.id} lists an empty quote`);
      let at = text.indexOf(quote);
      if (at < 0) throw new CitationError(`citations: the quote of source ${source.id} is not in the text of ${docId}: ${JSON.stringify(quote)}`);
      while (at >= 0) {
        citations.push({ docId, sourceId: source.id, start: at, end: at + quote.length, quote });
        at = text.indexOf(quote, at + quote.length);
      }
    }
  }
  return citations.sort((a, b) => a.start - b.start || a.end - b.end || a.sourceId.localeCompare(b.sourceId));
}

function withCitations(run: Run, sourceIds: string[]): Run {
  const existing = run.marks ?? [];
  const have = new Set(existing.flatMap((m) => (m.type === 'citation' ? [m.sourceId] : [])));
  const added: Mark[] = [...new Set(sourceIds)].filter((id) => !have.has(id)).sort().map((sourceId) => ({ type: 'citation', sourceId }));
  return added.length === 0 ? run : { ...run, marks: [...existing, ...added] };
}

/** Blocks with a `citation` mark on every run piece inside a citation range. */
export function applyCitationMarks(blocks: readonly Block[], citations: readonly Citation[]): Block[] {
  const layout = layoutBlocks(blocks);
  return blocks.map((block, index) => {
    const { start: blockStart, end: blockEnd, runStarts } = layout.blocks[index]!;
    const hits = citations.filter((c) => c.start < blockEnd && c.end > blockStart);
    if (hits.length === 0) return block;
    const cuts = new Set<number>();
    for (const c of hits) {
      cuts.add(Math.max(c.start, blockStart));
      cuts.add(Math.min(c.end, blockEnd));
    }
    const runs: Run[] = [];
    block.runs.forEach((run, r) => {
      const runStart = runStarts[r]!;
      const runEnd = runStart + run.text.length;
      const points = [runStart, ...[...cuts].filter((p) => p > runStart && p < runEnd).sort((a, b) => a - b), runEnd];
      for (let i = 0; i + 1 < points.length; i++) {
        const from = points[i]!;
        const to = points[i + 1]!;
        if (to === from && run.text.length > 0) continue;
        const piece: Run = { ...run, text: run.text.slice(from - runStart, to - runStart) };
        const covering = hits.filter((c) => c.start <= from && to <= c.end && to > from).map((c) => c.sourceId);
        runs.push(withCitations(piece, covering));
      }
    });
    return { ...block, runs };
  });
}
