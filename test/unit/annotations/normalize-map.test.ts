import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { normalize, normalizeWithMap, rangeToRaw, rawToNormalized } from '../../../src/annotations/normalize-map';

suite('normalize-map (anchoring view of src/text/normalize)', () => {
  it('folds tashkeel, hamza forms, tatweel and whitespace runs', () => {
    expect(normalize('إِنَّ  الأمـــر\n\tانتهى')).toBe('ان الامر انتهي');
    expect(normalizeWithMap('إِنَّ  الأمـــر').text).toBe('ان الامر');
  });

  it('maps a folded match back to the raw range, covering trailing marks', () => {
    const raw = 'قالَ: كَتَبَ  الطالبُ';
    const norm = normalizeWithMap(raw);
    const at = norm.text.indexOf('كتب');
    expect(raw.slice(...Object.values(rangeToRaw(norm, at, at + 3)) as [number, number])).toBe('كَتَبَ');
  });

  const chars = fc.constantFrom('ا', 'أ', 'ب', 'َ', 'ّ', 'ـ', ' ', '\n', 'a', 'É', 'ﻻ', '٣', 'x');
  it('the map is monotonic and round-trips raw → folded → raw without moving forward', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((c) => c.join('')), (raw) => {
        const norm = normalizeWithMap(raw);
        let previous = -1;
        for (let i = 0; i <= norm.text.length; i++) {
          const r = norm.toRaw(i);
          expect(r).toBeGreaterThanOrEqual(previous);
          expect(r).toBeLessThanOrEqual(raw.length);
          previous = r;
          expect(rawToNormalized(norm, r)).toBeLessThanOrEqual(i);
        }
        for (let s = 0; s < norm.text.length; s++) {
          const { start, end } = rangeToRaw(norm, s, s + 1);
          expect(start).toBeLessThan(end);
          // Folding the raw slice gives back the folded character (whitespace runs fold to one space).
          expect(normalize(raw.slice(start, end))).toContain(norm.text[s]!);
        }
      }),
    );
  });
});
