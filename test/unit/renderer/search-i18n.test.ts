import { describe, expect, it } from 'vitest';
import { searchStrings, type SearchStringKey } from '../../../renderer/search/i18n';

const KEYS: SearchStringKey[] = ['searchLabel', 'anyModeNotice', 'noResults', 'summary', 'queryProblem', 'indexBuilding', 'findCounter', 'findAnnounce', 'searchFailed'];

describe('search strings', () => {
  it('says the any-word fallback in both languages', () => {
    expect(searchStrings('en')('anyModeNotice')).toBe('No passage has all the words; showing passages with any of them.');
    expect(searchStrings('ar')('anyModeNotice')).toMatch(/كل الكلمات/);
  });

  it('fills the same placeholders in Arabic and English', () => {
    for (const key of KEYS) {
      const ph = (lang: 'ar' | 'en') => [...searchStrings(lang)(key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph('ar'), key).toEqual(ph('en'));
    }
    expect(searchStrings('en')('findCounter', { index: 3, count: 12 })).toBe('3 / 12');
    expect(searchStrings('ar')('findCounter', { index: 3, count: 12 })).toBe('3 من 12');
    expect(searchStrings('ar')('indexBuilding', { percent: 40 })).toContain('40');
  });

  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(searchStrings('en')('summary', { total: 4 })).toBe('4 results in {documents} documents');
  });
});
