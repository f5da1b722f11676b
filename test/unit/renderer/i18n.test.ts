import { describe, expect, it } from 'vitest';
import { formatDate, languageFromLocale, makeT, STRINGS, uiDir } from '../../../renderer/i18n';
import { citationCountText } from '../../../renderer/i18n/plural';

describe('languageFromLocale', () => {
  const table: [string | undefined | null, 'ar' | 'en'][] = [
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['ar_SA.UTF-8', 'ar'],
    ['AR-ma', 'ar'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['arn-CL', 'en'], // Mapudungun, not Arabic
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ];
  it.each(table)('%j → %s', (locale, expected) => expect(languageFromLocale(locale)).toBe(expected));
});

describe('strings', () => {
  it('Arabic and English have the same keys, none empty', () => {
    expect(Object.keys(STRINGS.ar).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const lang of ['ar', 'en'] as const) for (const [key, value] of Object.entries(STRINGS[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
  });
  it('Arabic strings that take a placeholder keep it', () => {
    for (const [key, value] of Object.entries(STRINGS.en)) {
      const names = value.match(/\{\w+\}/g) ?? [];
      for (const name of names) expect(STRINGS.ar[key as keyof typeof STRINGS.ar], key).toContain(name);
    }
  });
  it('t fills placeholders and leaves unknown ones visible', () => {
    expect(makeT('en')('citesSource', { name: 'The Guardian' })).toBe('cites: The Guardian');
    expect(makeT('ar')('citesSource', { name: 'الغارديان' })).toBe('يستشهد بـ: الغارديان');
    expect(makeT('en')('citesSource')).toBe('cites: {name}');
  });
  it('the UI direction follows the language', () => {
    expect(uiDir('ar')).toBe('rtl');
    expect(uiDir('en')).toBe('ltr');
  });
});

describe('formatDate', () => {
  it('writes Arabic month names with the archive digits, and English dates', () => {
    expect(formatDate('2025-09-28', 'ar')).toBe('28 سبتمبر 2025');
    expect(formatDate('2025-09-28', 'en')).toBe('28 September 2025');
  });
  it('keeps values it cannot read as they are', () => {
    expect(formatDate('sometime', 'en')).toBe('sometime');
    expect(formatDate('2025-13-45', 'en')).toBe('2025-13-45');
    expect(formatDate('2025-02-30', 'ar')).toBe('2025-02-30');
  });
});

describe('citationCountText', () => {
  const table: [number, 'ar' | 'en', string][] = [
    [0, 'ar', 'لا استشهادات'],
    [1, 'ar', 'استشهاد واحد'],
    [2, 'ar', 'استشهادان'],
    [3, 'ar', '3 استشهادات'],
    [10, 'ar', '10 استشهادات'],
    [11, 'ar', '11 استشهادًا'],
    [100, 'ar', '100 استشهادًا'],
    [1, 'en', '1 citation'],
    [4, 'en', '4 citations'],
    [0, 'en', '0 citations'],
  ];
  it.each(table)('%i in %s → %s', (n, lang, expected) => expect(citationCountText(n, lang)).toBe(expected));
});
