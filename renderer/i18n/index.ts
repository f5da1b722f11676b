/**
 * UI language: which one to use, and t() to look strings up.
 * The default follows the system locale (AppInfo.systemLocale in Electron,
 * navigator.language in a browser); an explicit setting wins.
 */
import type { UiLanguage } from '../../src/api/contract';
import { ar } from './ar';
import { en, type StringKey, type Strings } from './en';

export type { StringKey, Strings };
export const STRINGS: Record<UiLanguage, Strings> = { ar, en };

/** Arabic for any `ar*` locale, English for everything else (the two languages we have). */
export function languageFromLocale(locale: string | undefined | null): UiLanguage {
  return typeof locale === 'string' && /^ar(\b|[-_])/i.test(locale.trim()) ? 'ar' : 'en';
}

export function uiDir(lang: UiLanguage): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export function makeT(lang: UiLanguage): Translate {
  const strings = STRINGS[lang];
  return (key, params) => {
    const template = strings[key];
    if (params === undefined) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/**
 * For other areas' own strings: `const s = localized(lang, { ar: {...}, en: {...} })`.
 * Keeps each area's vocabulary in its own folder.
 */
export function localized<T>(lang: UiLanguage, table: Record<UiLanguage, T>): T {
  return table[lang];
}

/** Dates as the reader expects them: Arabic month names in Arabic, with Latin digits kept as the archive has them. */
export function formatDate(value: string, lang: UiLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-13-45 over into 2026; a date that does not round-trip is shown as written.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}
