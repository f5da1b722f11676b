/**
 * Counted nouns. Arabic has six plural forms (CLDR: zero, one, two, few 3–10,
 * many 11–99, other); the count of citations is the only counted noun so far,
 * so it is spelled out here rather than through a message-format library.
 */
import type { UiLanguage } from '../../src/api/contract';

export function citationCountText(n: number, lang: UiLanguage): string {
  if (lang === 'en') return n === 1 ? '1 citation' : `${n} citations`;
  const rule = new Intl.PluralRules('ar').select(n);
  switch (rule) {
    case 'zero':
      return 'لا استشهادات';
    case 'one':
      return 'استشهاد واحد';
    case 'two':
      return 'استشهادان';
    case 'few':
      return `${n} استشهادات`;
    default:
      return `${n} استشهادًا`;
  }
}
