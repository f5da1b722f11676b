import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDir, guessLang, parseDirAttribute, parseLangAttribute } from '../../../src/capture/direction';

const arabic = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'), minLength: 1, maxLength: 50 });
const latin = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 50 });
const neutral = fc.string({ unit: fc.constantFrom(...' 0123456789.,;:!?-()"\'٠١٢٣'), maxLength: 20 });

describe('detectDir', () => {
  it('counts letters: the script with more letters wins (property)', () => {
    fc.assert(
      fc.property(arabic, latin, neutral, (ar, en, n) => {
        const expected = ar.length > en.length ? 'rtl' : 'ltr';
        return detectDir(`${n}${en} ${ar}${n}`) === expected && detectDir(`${ar} ${n} ${en}`) === expected;
      }),
    );
  });

  it('an Arabic paragraph that opens with a Latin name stays rtl; text without letters has no direction', () => {
    expect(detectDir('Microsoft قالت في بيانها إن المراجعة مستمرة')).toBe('rtl');
    expect(detectDir('2025-09-28 — 12:30 ١٢٣')).toBeNull();
  });
});

describe('attributes', () => {
  it.each([
    ['rtl', 'rtl'],
    [' LTR ', 'ltr'],
    ['auto', 'auto'],
    ['sideways', null],
    [null, null],
  ])('dir %j → %j', (value, expected) => expect(parseDirAttribute(value)).toBe(expected));

  it.each([
    ['ar', 'ar'],
    ['en_US', 'en-US'],
    ['ar-Latn', 'ar-Latn'],
    ['', null],
    ['x', null],
    ['en US', null],
    ['"><script>', null],
  ])('lang %j → %j', (value, expected) => expect(parseLangAttribute(value)).toBe(expected));

  it('guesses ar only for Arabic-script text, und otherwise', () => {
    expect(guessLang('نص عربي')).toBe('ar');
    expect(guessLang('English or French?')).toBe('und');
    expect(guessLang('')).toBe('und');
  });
});
