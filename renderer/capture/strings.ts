/**
 * The capture and import UI's own strings, Arabic and English (same keys).
 * Looked up with captureT(lang), as i18n/index.ts does: `{name}` placeholders.
 */
import type { UiLanguage } from '../../src/api/contract';
import { localized } from '../i18n';

const en = {
  capture: 'Capture this page',
  captureAgain: 'Capture again (new version)',
  captureNetwork: 'This one action goes to the network: Daftar fetches {host} once and keeps a copy. Reading stays offline.',
  captureOffline: 'Capturing is not available here (it needs the desktop app with a network connection). You can import a saved copy of the page instead.',
  importFile: 'Import a saved file…',
  importNewVersion: 'Import a newer file (new version)…',
  importNewSource: 'Import a file as a new source…',
  importKinds: 'A web page saved from a browser (.html, .htm), a text file (.txt) or Markdown (.md); at most 20 MB. You can also drop the file here.',
  dropHere: 'Drop the file to import it',
  dropConfirmSource: 'Import {file} into “{title}”?',
  dropConfirmNew: 'Import {file} as a new source?',
  confirmImport: 'Import',
  cancel: 'Cancel',
  reading: 'Reading {file}…',
  capturing: 'Fetching {host}…',
  importing: 'Storing {file}…',
  done: '“{title}” is stored and can be read offline.',
  reanchored: 'Notes moved to the new version: {anchored}. Needing attention: {orphaned}.',
  warnings: 'Warnings:',
  read: 'Read it',
  failed: 'Nothing was stored. {message}',
  errNetwork: 'The page could not be fetched: {message}',
  errTooLarge: 'Too large: {message}',
  errUnsupported: 'Not possible here: {message}',
  errBadRequest: 'Not accepted: {message}',
  errOther: '{message}',
  'file-no-name': 'The file has no name.',
  'file-bad-name': 'The file name “{name}” cannot be used.',
  'file-bad-kind': '{name}: only .html, .htm, .txt and .md files can be imported.',
  'file-empty': '{name} is empty.',
  'file-too-large': '{name} is larger than 20 MB.',
  provenanceFull: 'Full provenance and versions',
  originalUrl: 'Original address',
  finalUrl: 'Final address (after redirects)',
  fileName: 'File',
  capturedAt: 'Captured',
  httpStatus: 'HTTP status',
  contentType: 'Content type',
  rawSha256: 'SHA-256 of what was fetched',
  sha256: 'SHA-256 of what is stored',
  rawFile: 'Raw copy in the archive',
  versions: 'Versions',
  current: 'current',
  readVersion: 'Read this version',
  closeVersion: 'Close',
  olderVersion: 'An older version, kept as it was captured. Notes are made on the current version.',
  loadingVersion: 'Loading…',
  captureNewSource: 'Capture a page…',
  captureUrlLabel: 'Address of the page to keep as a new source',
  theAddress: 'that address',
} as const;

/**
 * A text parameter is set in its own bidi isolate (FSI … PDI): an English
 * title or file name inside an Arabic sentence (or the reverse) then keeps its
 * order and does not drag the sentence's punctuation around. Numbers are left
 * as they are.
 */
export function isolate(value: string | number): string {
  return typeof value === 'number' ? String(value) : `\u2068${value}\u2069`;
}

export type CaptureStringKey = keyof typeof en;

const ar: Record<CaptureStringKey, string> = {
  capture: 'التقاط هذه الصفحة',
  captureAgain: 'التقاط من جديد (نسخة جديدة)',
  captureNetwork: 'هذا الإجراء وحده يتصل بالشبكة: يجلب دفتر الصفحة من {host} مرة واحدة ويحتفظ بنسخة. تبقى القراءة دون اتصال.',
  captureOffline: 'الالتقاط غير متاح هنا (يحتاج إلى تطبيق سطح المكتب مع اتصال بالشبكة). يمكنك بدلًا من ذلك استيراد نسخة محفوظة من الصفحة.',
  importFile: 'استيراد ملف محفوظ…',
  importNewVersion: 'استيراد ملف أحدث (نسخة جديدة)…',
  importNewSource: 'استيراد ملف مصدرًا جديدًا…',
  importKinds: 'صفحة ويب محفوظة من المتصفح (.html أو .htm) أو ملف نصي (.txt) أو Markdown (.md)؛ بحد أقصى 20 ميغابايت. يمكنك أيضًا إفلات الملف هنا.',
  dropHere: 'أفلت الملف لاستيراده',
  dropConfirmSource: 'استيراد {file} إلى «{title}»؟',
  dropConfirmNew: 'استيراد {file} مصدرًا جديدًا؟',
  confirmImport: 'استيراد',
  cancel: 'إلغاء',
  reading: 'جارٍ قراءة {file}…',
  capturing: 'جارٍ الجلب من {host}…',
  importing: 'جارٍ حفظ {file}…',
  done: 'حُفظ «{title}» ويمكن قراءته دون اتصال.',
  reanchored: 'ملاحظات نُقلت إلى النسخة الجديدة: {anchored}. تحتاج إلى انتباه: {orphaned}.',
  warnings: 'تنبيهات:',
  read: 'اقرأه',
  failed: 'لم يُحفظ شيء. {message}',
  errNetwork: 'تعذّر جلب الصفحة: {message}',
  errTooLarge: 'أكبر من المسموح: {message}',
  errUnsupported: 'غير ممكن هنا: {message}',
  errBadRequest: 'غير مقبول: {message}',
  errOther: '{message}',
  'file-no-name': 'الملف بلا اسم.',
  'file-bad-name': 'لا يمكن استخدام اسم الملف «{name}».',
  'file-bad-kind': '{name}: لا يمكن استيراد إلا ملفات .html و.htm و.txt و.md.',
  'file-empty': 'الملف {name} فارغ.',
  'file-too-large': 'حجم {name} أكبر من 20 ميغابايت.',
  provenanceFull: 'المصدر الكامل والنسخ',
  originalUrl: 'العنوان الأصلي',
  finalUrl: 'العنوان النهائي (بعد إعادة التوجيه)',
  fileName: 'الملف',
  capturedAt: 'وقت الالتقاط',
  httpStatus: 'رمز HTTP',
  contentType: 'نوع المحتوى',
  rawSha256: 'بصمة SHA-256 لما جُلب',
  sha256: 'بصمة SHA-256 لما حُفظ',
  rawFile: 'النسخة الخام في الأرشيف',
  versions: 'النسخ',
  current: 'الحالية',
  readVersion: 'اقرأ هذه النسخة',
  closeVersion: 'إغلاق',
  olderVersion: 'نسخة أقدم محفوظة كما التُقطت. تُكتب الملاحظات على النسخة الحالية.',
  loadingVersion: 'جارٍ التحميل…',
  captureNewSource: 'التقاط صفحة ويب…',
  captureUrlLabel: 'عنوان الصفحة التي تُحفظ مصدرًا جديدًا',
  theAddress: 'ذلك العنوان',
};

export type CaptureT = (key: CaptureStringKey, params?: Record<string, string | number>) => string;

export function captureT(lang: UiLanguage): CaptureT {
  const table = localized<Record<CaptureStringKey, string>>(lang, { ar, en });
  return (key, params) => {
    const template = table[key];
    if (params === undefined) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? isolate(params[name]!) : whole));
  };
}

export const CAPTURE_STRINGS = { ar, en } as const;
