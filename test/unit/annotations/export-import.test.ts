import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe as suite, expect, it } from 'vitest';
import type { AnchoredAnnotation, Annotation } from '../../../src/api/contract';
import { FSI, isolateLine, isolateRuns, LRI, PDI, RLI } from '../../../src/annotations/bidi';
import { describe } from '../../../src/annotations/describe';
import { ANNO_CONTEXT, exportJsonLd } from '../../../src/annotations/export-jsonld';
import { exportMarkdown } from '../../../src/annotations/export-markdown';
import { importJsonLd } from '../../../src/annotations/import-jsonld';
import { createAnnotation } from '../../../src/annotations/model';
import { openAnnotationStore, type AnnotationStore } from '../../../src/annotations/store';

const TEXT = 'قالت Microsoft إن الوحدة 8200 خالفت شروط الاستخدام. The company ended the contract.';
const T0 = new Date('2026-01-01T10:00:00Z');
const make = (start: number, end: number, extra: { note?: string; tags?: string[]; docId?: string; color?: Annotation['color'] } = {}) =>
  createAnnotation({ docId: extra.docId ?? 'article', contentHash: 'hash-1', selectors: describe(TEXT, start, end), color: extra.color ?? 'green', note: extra.note, tags: extra.tags, now: T0 });

let dir: string;
let store: AnnotationStore;
const known = { knownDocument: (id: string) => id === 'article' || id === 'guardian' };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-export-'));
  store = openAnnotationStore(join(dir, 'daftar.sqlite'), { now: () => T0, log: () => {} });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

suite('JSON-LD export', () => {
  it('is a W3C AnnotationCollection with TextualBody note and tags and both selectors', () => {
    const a = make(0, 14, { note: 'ملاحظة', tags: ['source', 'مصدر'] });
    const doc = JSON.parse(exportJsonLd([a]));
    expect(doc['@context']).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(1);
    const item = doc.first.items[0];
    expect(item).toMatchObject({ id: a.id, type: 'Annotation', motivation: 'commenting' });
    expect(item.body).toEqual([
      { type: 'TextualBody', value: 'ملاحظة', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'source', purpose: 'tagging' },
      { type: 'TextualBody', value: 'مصدر', purpose: 'tagging' },
    ]);
    expect(item.target.source).toBe('article');
    expect(item.target.styleClass).toBe('daftar-green');
    expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('a plain highlight has no body', () => {
    const item = JSON.parse(exportJsonLd([make(0, 4)])).first.items[0];
    expect(item.body).toBeUndefined();
    expect(item.motivation).toBe('highlighting');
  });
});

suite('JSON-LD import', () => {
  it('round trip: export then import into an empty store gives equal annotations', () => {
    const notes = [make(0, 14, { note: 'سطر أول\nسطر ثان', tags: ['a'] }), make(20, 30, { tags: ['only-tag'] }), make(52, 63, { color: 'purple' })];
    const content = exportJsonLd(notes);
    expect(importJsonLd(store, content, known)).toEqual({ added: 3, updated: 0, unchanged: 0, errors: [] });
    expect(store.list().sort((x, y) => x.id.localeCompare(y.id))).toEqual([...notes].sort((x, y) => x.id.localeCompare(y.id)));
    // And exporting again yields the same document.
    expect(JSON.parse(exportJsonLd(store.list())).first.items.length).toBe(3);
  });

  it('an existing id is updated only by a newer version', () => {
    const a = make(0, 14, { note: 'original' });
    store.insert(a);
    const older = { ...a, body: { note: 'older', tags: [] }, modified: '2025-12-31T00:00:00.000Z', created: '2025-12-30T00:00:00.000Z' };
    const same = { ...a, body: { note: 'same time', tags: [] } };
    expect(importJsonLd(store, exportJsonLd([older]), known)).toMatchObject({ updated: 0, unchanged: 1 });
    expect(importJsonLd(store, exportJsonLd([same]), known)).toMatchObject({ updated: 0, unchanged: 1 });
    expect(store.get(a.id)!.body.note).toBe('original');
    const newer = { ...a, body: { note: 'newer', tags: ['t'] }, modified: '2026-02-01T00:00:00.000Z' };
    expect(importJsonLd(store, exportJsonLd([newer]), known)).toMatchObject({ updated: 1 });
    expect(store.get(a.id)).toEqual(newer);
  });

  it('reports invalid items with their index and keeps the valid ones', () => {
    const good1 = make(0, 14);
    const good2 = make(20, 30);
    const doc = JSON.parse(exportJsonLd([good1, good2]));
    const bad = (patch: (item: Record<string, any>) => void) => {
      const item = structuredClone(doc.first.items[0]);
      item.id = `urn:uuid:${crypto.randomUUID()}`;
      patch(item);
      return item;
    };
    const items = [
      doc.first.items[0],
      'a string',
      bad((i) => (i.target.selector = [{ type: 'TextPositionSelector', start: 10, end: 2 }])),
      bad((i) => (i.target.selector = [{ type: 'XPathSelector', value: '/p[1]' }])),
      bad((i) => (i.target.source = 'no-such-document')),
      bad((i) => (i.id = 'http://example.com/1')),
      bad((i) => (i.body = [{ type: 'TextualBody', value: 'x'.repeat(20_001), purpose: 'commenting' }])),
      bad((i) => (i.target.styleClass = 'daftar-orange')),
      bad((i) => (i.created = 'yesterday')),
      doc.first.items[0],
      doc.first.items[1],
    ];
    doc.first.items = items;
    const result = importJsonLd(store, JSON.stringify(doc), known);
    expect(result.added).toBe(2);
    expect(result.errors.map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const messages = result.errors.map((e) => e.message);
    expect(messages[0]).toMatch(/item 1: not an object/);
    expect(messages[1]).toMatch(/item 2: .*not after start/);
    expect(messages[2]).toMatch(/item 3: .*selector/);
    expect(messages[3]).toMatch(/item 4: unknown document no-such-document/);
    expect(messages[4]).toMatch(/item 5: id: expected urn:uuid/);
    expect(messages[5]).toMatch(/item 6: .*at most 20000/);
    expect(messages[6]).toMatch(/item 7: .*daftar-orange.* not a Daftar colour/);
    expect(messages[7]).toMatch(/item 8: created/);
    expect(messages[8]).toMatch(/item 9: duplicate id/);
    expect(store.list().map((a) => a.id).sort()).toEqual([good1.id, good2.id].sort());
  });

  const malformed: [string, string, RegExp][] = [
    ['not JSON', '{"type": "AnnotationCollection",', /not JSON/],
    ['a number', '42', /expected a JSON object/],
    ['another JSON-LD type', '{"type": "Person"}', /expected type AnnotationCollection/],
    ['a page without items', '{"type": "AnnotationPage"}', /no items array/],
    ['a collection whose first is not a page', '{"type": "AnnotationCollection", "first": "http://x/page1"}', /not an AnnotationPage/],
  ];
  for (const [name, content, message] of malformed) {
    it(`refuses ${name} whole, changing nothing`, () => {
      const a = make(0, 4);
      store.insert(a);
      expect(() => importJsonLd(store, content, known)).toThrow(message);
      expect(store.list()).toEqual([a]);
    });
  }

  it('accepts a single Annotation and a bare array', () => {
    const a = make(0, 4);
    const item = JSON.parse(exportJsonLd([a])).first.items[0];
    expect(importJsonLd(store, JSON.stringify(item), known).added).toBe(1);
    const b = make(5, 14);
    expect(importJsonLd(store, JSON.stringify([JSON.parse(exportJsonLd([b])).first.items[0]]), known).added).toBe(1);
  });
});

suite('bidi isolation', () => {
  it('isolates Arabic and Latin runs, keeping neutrals between same-direction letters inside the run', () => {
    expect(isolateRuns('قالت Microsoft إن')).toBe(`${RLI}قالت${PDI} ${LRI}Microsoft${PDI} ${RLI}إن${PDI}`);
    expect(isolateRuns('الوحدة 8200 من الجيش')).toBe(`${RLI}الوحدة 8200 من الجيش${PDI}`);
    expect(isolateLine('abc')).toBe(`${FSI}${LRI}abc${PDI}${PDI}`);
  });

  it('removes bidi controls from the input so isolates stay balanced', () => {
    const hostile = `evil\u2069\u202Eتجربة`;
    const out = isolateLine(hostile);
    const opens = [...out].filter((c) => c === FSI || c === LRI || c === RLI).length;
    const closes = [...out].filter((c) => c === PDI).length;
    expect(opens).toBe(closes);
    expect(out).not.toContain('\u202E');
  });
});

suite('Markdown export', () => {
  const anchored = (a: Annotation, start: number | null): AnchoredAnnotation => ({ ...a, anchor: start === null ? null : { start, end: start + 1, method: 'position', score: 1 } });

  it('groups by document in the given order, notes in reading order, orphans last', () => {
    const late = make(52, 63, { note: 'second in text' });
    const early = make(0, 14, { note: 'first in text', tags: ['مصدر'] });
    const orphan = make(20, 30, { note: 'lost one' });
    const other = make(15, 19, { docId: 'guardian', note: 'from the guardian' });
    const md = exportMarkdown(
      [
        { docId: 'article', title: 'مقال الجزيرة', annotations: [anchored(late, 52), anchored(orphan, null), anchored(early, 0)] },
        { docId: 'guardian', title: 'The Guardian', annotations: [anchored(other, 15)] },
      ],
      T0,
    );
    const order = ['first in text', 'second in text', 'Needs attention', 'lost one', 'The Guardian', 'from the guardian'].map((s) => md.indexOf(s));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain(`> ${FSI}${RLI}قالت${PDI} ${LRI}Microsoft${PDI}`);
    expect(md.replace(/[\u2066-\u2069]/g, '')).toMatch(/tags: \\#مصدر/);
  });

  it('escapes Markdown syntax in archived text and keeps multi-line notes inside their entry', () => {
    const a = make(0, 4, { note: '# not a heading\n[link](http://x)' });
    const md = exportMarkdown([{ docId: 'article', title: '<script>', annotations: [anchored(a, 0)] }], T0);
    const plain = md.replace(/[\u2066-\u2069]/g, '');
    expect(plain).not.toMatch(/^# not a heading/m);
    expect(plain).toContain('\\# not a heading');
    expect(plain).toContain('\\[link\\](http://x)');
    expect(plain).toContain('## \\<script\\>');
  });
});
