// Builders of annotations for the notes UI tests (not a test file itself).
import type { AnchoredAnnotation, HighlightColor } from '../../../src/api/contract';

let counter = 0;
export function uuid(n = ++counter): string {
  return `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function note(over: {
  n?: number;
  doc?: string;
  start?: number | null;
  end?: number;
  color?: HighlightColor;
  tags?: string[];
  text?: string;
  modified?: string;
  created?: string;
} = {}): AnchoredAnnotation {
  const start = over.start === undefined ? 0 : over.start;
  const end = over.end ?? (start === null ? 5 : start + 5);
  const modified = over.modified ?? '2026-01-01T00:00:00.000Z';
  return {
    id: uuid(over.n),
    created: over.created ?? modified,
    modified,
    motivation: 'commenting',
    body: { note: over.text ?? '', tags: over.tags ?? [] },
    target: {
      source: over.doc ?? 'article',
      contentHash: 'h',
      selector: [
        { type: 'TextQuoteSelector', exact: 'quote', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: start ?? 0, end },
      ],
    },
    color: over.color ?? 'yellow',
    anchor: start === null ? null : { start, end, method: 'position', score: 1 },
  };
}
