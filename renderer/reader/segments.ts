/**
 * How a block's runs are cut into rendered segments.
 *
 * A run is rendered as one element holding one text node, carrying
 * `data-offset` = the offset of its first character in the document text.
 * Citations come from two places: marks on runs, and the DocumentView's
 * citation ranges (offsets). A citation range may start or end inside a run,
 * so runs are cut at citation edges here — once, at render time, as part of
 * the document's structure. Highlighting never cuts anything (highlights.ts).
 */
import type { Citation } from '../../src/api/contract';
import type { BlockLayout } from '../../src/document/text';
import type { Block, Mark } from '../../src/document/types';

export interface Segment {
  /** Offset of the first character in the document text. */
  start: number;
  text: string;
  marks: Mark[];
}

export function segmentBlock(block: Block, layout: BlockLayout, citations: readonly Citation[]): Segment[] {
  const inBlock = citations.filter((c) => c.end > layout.start && c.start < layout.end && c.end > c.start);
  const segments: Segment[] = [];
  block.runs.forEach((run, index) => {
    const runStart = layout.runStarts[index] ?? layout.start;
    const runEnd = runStart + run.text.length;
    const marks = run.marks ?? [];
    // Cut points: citation edges strictly inside the run.
    const cuts = new Set<number>();
    for (const c of inBlock) {
      if (c.start > runStart && c.start < runEnd) cuts.add(c.start);
      if (c.end > runStart && c.end < runEnd) cuts.add(c.end);
    }
    if (run.text.length === 0) {
      segments.push({ start: runStart, text: '', marks });
      return;
    }
    const points = [runStart, ...[...cuts].sort((a, b) => a - b), runEnd];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      const extra = citationMarksFor(inBlock, start, end, marks);
      segments.push({ start, text: run.text.slice(start - runStart, end - runStart), marks: extra.length > 0 ? [...marks, ...extra] : marks });
    }
  });
  return segments;
}

function citationMarksFor(citations: readonly Citation[], start: number, end: number, existing: readonly Mark[]): Mark[] {
  if (end <= start) return [];
  const out: Mark[] = [];
  for (const c of citations) {
    if (c.start <= start && c.end >= end) {
      const already = existing.some((m) => m.type === 'citation' && m.sourceId === c.sourceId) || out.some((m) => m.type === 'citation' && m.sourceId === c.sourceId);
      if (!already) out.push({ type: 'citation', sourceId: c.sourceId });
    }
  }
  return out;
}

/** The source a segment cites (the first one when several overlap), or null. */
export function citedSource(marks: readonly Mark[]): string | null {
  for (const mark of marks) if (mark.type === 'citation') return mark.sourceId;
  return null;
}
