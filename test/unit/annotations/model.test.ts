import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../src/annotations/describe';
import { AnnotationError, createAnnotation, motivationFor, nextModified, normalizeTags, validateAnnotation } from '../../../src/annotations/model';

const valid = createAnnotation({ docId: 'article', contentHash: 'abc', selectors: describe('نص المقال هنا', 0, 2), color: 'blue', note: 'n', tags: [' a ', 'a', 'b'], now: new Date('2026-01-01T00:00:00Z') });

suite('model', () => {
  it('creates a W3C-shaped annotation with a urn:uuid id and tidy tags', () => {
    expect(valid.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(valid.created).toBe('2026-01-01T00:00:00.000Z');
    expect(valid.modified).toBe(valid.created);
    expect(valid.body).toEqual({ note: 'n', tags: ['a', 'b'] });
    expect(valid.motivation).toBe('commenting');
  });

  it('derives the motivation from what the user wrote', () => {
    expect(motivationFor('', [])).toBe('highlighting');
    expect(motivationFor('  ', ['x'])).toBe('tagging');
    expect(motivationFor('note', ['x'])).toBe('commenting');
    expect(normalizeTags(['', ' x', 'x ', 'y'])).toEqual(['x', 'y']);
  });

  it('nextModified is strictly increasing even when the clock stands still or goes back', () => {
    const t = '2026-01-01T00:00:00.000Z';
    expect(nextModified(t, new Date(t))).toBe('2026-01-01T00:00:00.001Z');
    expect(nextModified(t, new Date('2020-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.001Z');
    expect(nextModified(t, new Date('2026-02-01T00:00:00Z'))).toBe('2026-02-01T00:00:00.000Z');
  });

  const hostile: [string, (a: any) => unknown, RegExp][] = [
    ['a non-uuid id', (a) => ({ ...a, id: 'note-1' }), /id: expected urn:uuid/],
    ['an unknown field', (a) => ({ ...a, extra: 1 }), /Unrecognized key/],
    ['an unknown colour', (a) => ({ ...a, color: 'red' }), /color/],
    ['an unknown motivation', (a) => ({ ...a, motivation: 'bookmarking' }), /motivation/],
    ['an oversized note', (a) => ({ ...a, body: { note: 'x'.repeat(20_001), tags: [] } }), /at most 20000/],
    ['too many tags', (a) => ({ ...a, body: { note: '', tags: Array.from({ length: 33 }, (_, i) => `t${i}`) } }), /body.tags/],
    ['a bad document id', (a) => ({ ...a, target: { ...a.target, source: '../../etc/passwd' } }), /target.source/],
    ['no selectors', (a) => ({ ...a, target: { ...a.target, selector: [] } }), /target.selector/],
    ['a negative offset', (a) => ({ ...a, target: { ...a.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } }), /target.selector/],
    ['an end before the start', (a) => ({ ...a, target: { ...a.target, selector: [{ type: 'TextPositionSelector', start: 5, end: 5 }] } }), /not after start/],
    ['two quote selectors', (a) => ({ ...a, target: { ...a.target, selector: [a.target.selector[0], a.target.selector[0]] } }), /two selectors of one type/],
    ['a whitespace quote', (a) => ({ ...a, target: { ...a.target, selector: [{ type: 'TextQuoteSelector', exact: '  ', prefix: '', suffix: '' }] } }), /only whitespace/],
    ['a 300-char prefix', (a) => ({ ...a, target: { ...a.target, selector: [{ ...a.target.selector[0], prefix: 'p'.repeat(300) }] } }), /prefix/],
    ['modified before created', (a) => ({ ...a, modified: '2025-01-01T00:00:00.000Z' }), /before created/],
    ['a date that is not ISO', (a) => ({ ...a, created: 'Jan 1 2026' }), /created/],
    ['null', () => null, /invalid annotation/],
  ];
  for (const [name, mutate, message] of hostile) {
    it(`refuses ${name}`, () => {
      expect(() => validateAnnotation(mutate(structuredClone(valid)))).toThrow(AnnotationError);
      expect(() => validateAnnotation(mutate(structuredClone(valid)))).toThrow(message);
    });
  }
});
