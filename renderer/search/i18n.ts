/**
 * The search area's own strings, Arabic and English (renderer/i18n's
 * `localized` keeps each area's vocabulary in its folder). Arabic counts avoid
 * noun–number agreement by putting the number after a label ("النتائج: 12"),
 * which reads correctly for every number.
 */
import type { UiLanguage } from '../../src/api/contract';
import { localized } from '../i18n';

const en = {
  searchLabel: 'Search the archive',
  searchPlaceholder: 'Search (Ctrl+K or /)',
  resultsLabel: 'Search results',
  anyModeNotice: 'No passage has all the words; showing passages with any of them.',
  noResults: 'Nothing found for “{query}”.',
  summary: '{total} results in {documents} documents',
  summaryOne: '1 result',
  searching: 'Searching…',
  notesGroup: 'Notes',
  groupCount: '{count} results',
  groupCountOne: '1 result',
  queryProblem: 'Cannot read the query at character {position}: {message}',
  indexBuilding: 'Building the search index… {percent}%',
  indexMissing: 'The search index is not ready yet; results may be missing.',
  searchFailed: 'Search failed: {message}',
  clear: 'Clear search',
  findLabel: 'Find in this document',
  findPlaceholder: 'Find in document',
  findNext: 'Next match (Enter, F3)',
  findPrevious: 'Previous match (Shift+Enter, Shift+F3)',
  findClose: 'Close find (Escape)',
  findCounter: '{index} / {count}',
  findNone: 'No matches',
  findAnnounce: 'Match {index} of {count}',
  findFailed: 'Find failed: {message}',
} as const;

export type SearchStringKey = keyof typeof en;
type SearchStrings = Record<SearchStringKey, string>;

const ar: SearchStrings = {
  searchLabel: 'ابحث في الأرشيف',
  searchPlaceholder: 'ابحث (Ctrl+K أو /)',
  resultsLabel: 'نتائج البحث',
  anyModeNotice: 'لا يوجد مقطع يحوي كل الكلمات؛ تُعرض المقاطع التي تحوي أيًّا منها.',
  noResults: 'لا نتائج لـ «{query}».',
  summary: 'النتائج: {total} · المستندات: {documents}',
  summaryOne: 'النتائج: 1',
  searching: 'جارٍ البحث…',
  notesGroup: 'الملاحظات',
  groupCount: 'النتائج: {count}',
  groupCountOne: 'النتائج: 1',
  queryProblem: 'تعذّرت قراءة البحث عند الحرف {position}: {message}',
  indexBuilding: 'جارٍ بناء فهرس البحث… {percent}٪',
  indexMissing: 'فهرس البحث غير جاهز بعد؛ قد تنقص النتائج.',
  searchFailed: 'تعذّر البحث: {message}',
  clear: 'امسح البحث',
  findLabel: 'ابحث في هذا المستند',
  findPlaceholder: 'ابحث في المستند',
  findNext: 'التطابق التالي (Enter، F3)',
  findPrevious: 'التطابق السابق (Shift+Enter، Shift+F3)',
  findClose: 'أغلق البحث (Escape)',
  findCounter: '{index} من {count}',
  findNone: 'لا تطابق',
  findAnnounce: 'التطابق {index} من {count}',
  findFailed: 'تعذّر البحث في المستند: {message}',
};

export type SearchTranslate = (key: SearchStringKey, params?: Record<string, string | number>) => string;

export function searchStrings(lang: UiLanguage): SearchTranslate {
  const table = localized<SearchStrings>(lang, { ar, en });
  return (key, params) => {
    const template = table[key];
    if (params === undefined) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
