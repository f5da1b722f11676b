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

import type { NotesApi } from '../../../renderer/notes/store';
import type { Annotation, CreateAnnotationRequest, UpdateAnnotationRequest } from '../../../src/api/contract';

class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An in-memory notes service with the contract's behaviour the UI relies on:
 * new `modified` on every write, conflicts on a stale expectedModified,
 * not-found for unknown ids, deleteAnnotation returning the before-image.
 */
export function fakeNotesApi(text: Record<string, string> = { article: 'النص العربي هنا. English text here.' }) {
  const rows = new Map<string, AnchoredAnnotation>();
  let seq = 0;
  let clock = Date.UTC(2026, 0, 1);
  const stamp = () => new Date((clock += 1000)).toISOString();
  const calls: string[] = [];
  const anchorOf = (docId: string, start: number, end: number) => {
    const t = text[docId];
    if (t === undefined) throw new FakeApiError('not-found', `notes: unknown document ${docId}`);
    if (end > t.length) throw new FakeApiError('bad-request', 'notes: range past the end');
    return t.slice(start, end);
  };
  const api: NotesApi & { rows: typeof rows; calls: string[]; failNext?: FakeApiError } = {
    rows,
    calls,
    async listAnnotations({ docId }) {
      calls.push('list');
      return [...rows.values()].filter((a) => !docId || a.target.source === docId).map((a) => structuredClone(a));
    },
    async createAnnotation(req: CreateAnnotationRequest) {
      calls.push('create');
      if (api.failNext) throw Object.assign(api.failNext, (api.failNext = undefined));
      const exact = anchorOf(req.docId, req.start, req.end);
      const now = stamp();
      const row: AnchoredAnnotation = {
        id: uuid(100000 + ++seq),
        created: now,
        modified: now,
        motivation: req.note ? 'commenting' : 'highlighting',
        body: { note: req.note ?? '', tags: req.tags ?? [] },
        target: {
          source: req.docId,
          contentHash: 'h',
          selector: [
            { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: req.start, end: req.end },
          ],
        },
        color: req.color,
        anchor: { start: req.start, end: req.end, method: 'position', score: 1 },
      };
      rows.set(row.id, row);
      return structuredClone(row);
    },
    async updateAnnotation(req: UpdateAnnotationRequest) {
      calls.push('update');
      if (api.failNext) throw Object.assign(api.failNext, (api.failNext = undefined));
      const row = rows.get(req.id);
      if (!row) throw new FakeApiError('not-found', `notes: no note ${req.id}`);
      if (req.expectedModified && req.expectedModified !== row.modified) throw new FakeApiError('conflict', `notes: ${req.id} changed meanwhile`);
      const next: AnchoredAnnotation = structuredClone(row);
      next.modified = stamp();
      if (req.note !== undefined) next.body.note = req.note;
      if (req.tags !== undefined) next.body.tags = req.tags;
      if (req.color !== undefined) next.color = req.color;
      if (req.reattach) {
        const exact = anchorOf(row.target.source, req.reattach.start, req.reattach.end);
        next.target.selector = [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', ...req.reattach },
        ];
        next.anchor = { ...req.reattach, method: 'position', score: 1 };
      }
      rows.set(req.id, next);
      return structuredClone(next);
    },
    async deleteAnnotation({ id }) {
      calls.push('delete');
      const row = rows.get(id);
      if (!row) throw new FakeApiError('not-found', `notes: no note ${id}`);
      rows.delete(id);
      const { anchor: _a, ...before } = row;
      return structuredClone(before) as Annotation;
    },
    async restoreAnnotation({ annotation, expectedModified }) {
      calls.push(expectedModified === undefined ? 'restore' : 'replace');
      if (expectedModified !== undefined && rows.get(annotation.id)?.modified !== expectedModified) {
        throw Object.assign(new Error(`notes: ${annotation.id} changed elsewhere`), { code: 'conflict' });
      }
      const pos = annotation.target.selector.find((s) => s.type === 'TextPositionSelector');
      const row: AnchoredAnnotation = { ...structuredClone(annotation), anchor: pos && pos.type === 'TextPositionSelector' ? { start: pos.start, end: pos.end, method: 'position', score: 1 } : null };
      rows.set(row.id, row);
      return structuredClone(row);
    },
    async exportAnnotations({ format }) {
      calls.push('export');
      return { fileName: `daftar-notes.${format === 'md' ? 'md' : 'jsonld'}`, mimeType: format === 'md' ? 'text/markdown' : 'application/ld+json', content: JSON.stringify([...rows.values()]) };
    },
    async importAnnotations({ content }) {
      calls.push('import');
      const items = JSON.parse(content) as AnchoredAnnotation[];
      let added = 0;
      for (const item of items) {
        if (!rows.has(item.id)) added++;
        rows.set(item.id, item);
      }
      return { added, updated: 0, unchanged: 0, errors: [] };
    },
  };
  return { api, FakeApiError };
}
