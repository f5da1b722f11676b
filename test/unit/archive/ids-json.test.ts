import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/archive/canonical-json';
import { newSourceId, nextVersionId, slugify } from '../../../src/archive/ids';
import { identifierSchema } from '../../../src/document/validate';
import { versionIdSchema } from '../../../src/archive/manifest';

describe('ids', () => {
  it.each([
    ['Microsoft blocks Israel’s use of its technology', 'microsoft-blocks-israel-s-use-of-its-technology'],
    ['Café — Über Straße', 'cafe-uber-stra-e'],
    ['هل أوقفت مايكروسوفت', 'source'],
    ['', 'source'],
    ['---', 'source'],
    ['A'.repeat(100), 'a'.repeat(48)],
  ])('slugify(%j) = %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('property: a new source id is a valid identifier and never a taken one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string(), fc.array(fc.string(), { maxLength: 5 }), (title, salt, takenTitles) => {
        const taken = new Set(takenTitles.map((t) => newSourceId(t, salt, () => false)));
        const id = newSourceId(title, salt, (candidate) => taken.has(candidate));
        expect(identifierSchema.safeParse(id).success).toBe(true);
        expect(taken.has(id)).toBe(false);
      }),
    );
  });

  it('lengthens the hash when the short one is taken', () => {
    const first = newSourceId('Title', 'salt', () => false);
    const second = newSourceId('Title', 'salt', (id) => id === first);
    expect(second.startsWith(first)).toBe(true);
    expect(second.length).toBe(first.length + 4);
  });

  it('property: the next version id is valid and above every existing one (oracle: max + 1)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9999 }), { maxLength: 20 }), (numbers) => {
        const next = nextVersionId(numbers.map((n) => `v${n}`));
        expect(versionIdSchema.safeParse(next).success).toBe(true);
        expect(next).toBe(`v${Math.max(0, ...numbers) + 1}`);
      }),
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined, ends with a newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: null } })).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "x": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('property: round-trips JSON values and ignores key order (oracle: JSON.parse)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });
});

describe('canonicalJson and odd keys', () => {
  it('keeps a "__proto__" key as data', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": 2}') as unknown;
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
    expect(canonicalJson(value)).toContain('"__proto__"');
  });
});
