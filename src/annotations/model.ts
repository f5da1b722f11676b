/**
 * The annotation model: W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
 * as the contract types it (src/api/contract.ts), plus its construction and
 * validation at every boundary (store reads, imports, restores).
 *
 * The shape check is annotationSchema (src/api/schemas.ts); on top of it,
 * meaning checks the schema cannot express: a position selector's end after
 * its start, modified not before created, at most one selector of each type.
 * Skipping: the W3C model's other selector types (XPath, CSS, Range…), which
 * an offset-based reader never produces.
 */
import { randomUUID } from 'node:crypto';
import type { Annotation, HighlightColor, Motivation, Selector } from '../api/contract';
import { annotationSchema } from '../api/schemas';
import { describeIssues } from '../document/validate';

export class AnnotationError extends Error {
  override name = 'AnnotationError';
}

export const newAnnotationId = (): string => `urn:uuid:${randomUUID()}`;

/** Highlight alone, a note, or tags only: what the W3C motivation should say. */
export function motivationFor(note: string, tags: readonly string[]): Motivation {
  if (note.trim().length > 0) return 'commenting';
  return tags.length > 0 ? 'tagging' : 'highlighting';
}

export interface NewAnnotation {
  docId: string;
  contentHash: string;
  selectors: Selector[];
  color: HighlightColor;
  note?: string;
  tags?: string[];
  now: Date;
  id?: string;
}

export function createAnnotation(input: NewAnnotation): Annotation {
  const note = input.note ?? '';
  const tags = normalizeTags(input.tags ?? []);
  const stamp = input.now.toISOString();
  return validateAnnotation({
    id: input.id ?? newAnnotationId(),
    created: stamp,
    modified: stamp,
    motivation: motivationFor(note, tags),
    body: { note, tags },
    target: { source: input.docId, contentHash: input.contentHash, selector: input.selectors },
    color: input.color,
  });
}

/** Trimmed, without duplicates, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
}

/**
 * A timestamp strictly after `previous`: two edits within one millisecond (or
 * a clock that went back) must still give distinct `modified` values, which
 * the optimistic concurrency check and import's "newer wins" rely on.
 */
export function nextModified(previous: string, now: Date): string {
  const before = Date.parse(previous);
  return new Date(Math.max(now.getTime(), Number.isNaN(before) ? 0 : before + 1)).toISOString();
}

/** Returns the annotation typed, or throws AnnotationError naming the bad field. */
export function validateAnnotation(value: unknown): Annotation {
  const parsed = annotationSchema.safeParse(value);
  if (!parsed.success) throw new AnnotationError(`annotations: invalid annotation: ${describeIssues(parsed.error)}`);
  const a = parsed.data as Annotation;
  const types = a.target.selector.map((s) => s.type);
  if (new Set(types).size !== types.length) throw new AnnotationError(`annotations: invalid annotation ${a.id}: target.selector has two selectors of one type`);
  for (const s of a.target.selector) {
    if (s.type === 'TextPositionSelector' && s.end <= s.start) throw new AnnotationError(`annotations: invalid annotation ${a.id}: TextPositionSelector end ${s.end} is not after start ${s.start}`);
    if (s.type === 'TextQuoteSelector' && s.exact.trim().length === 0) throw new AnnotationError(`annotations: invalid annotation ${a.id}: TextQuoteSelector exact is only whitespace`);
  }
  if (Date.parse(a.modified) < Date.parse(a.created)) throw new AnnotationError(`annotations: invalid annotation ${a.id}: modified ${a.modified} is before created ${a.created}`);
  return a;
}
