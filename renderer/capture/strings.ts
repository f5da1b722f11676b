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
  'reason-http-not-found': 'There is no page at that address (HTTP\u00a0{status}).',
  'reason-http-refused': 'The site refused to give the page to Daftar (HTTP\u00a0{status}). It may need a login, or it blocks automated visits: save the page from your browser and import the file instead.',
  'reason-http-busy': 'The site asks to slow down (HTTP\u00a0{status}). Try again later.',
  'reason-http-server': 'The site had an error (HTTP\u00a0{status}). Try again later.',
  'reason-http-other': 'The site answered HTTP\u00a0{status}, so the page was not fetched.',
  'reason-timeout': 'The site did not answer within {seconds} seconds.',
  'reason-host-not-found': '{host} could not be found: check the address, and that this computer is online.',
  'reason-connection-refused': '{host} refused the connection.',
  'reason-connection-closed': '{host} closed the connection before sending the page.',
  'reason-tls-rejected': 'The secure connection to {host} could not be trusted (its certificate was rejected), so nothing was fetched.',
  'reason-redirects': 'The address sends readers on in a way Daftar does not follow (a loop, too many steps, or somewhere that is not a web page).',
  'reason-cancelled': 'The capture was cancelled.',
  'reason-bad-url': 'That is not an address Daftar can capture: it must be a full http:// or https:// address, without a user name or password.',
  'reason-not-a-page': 'What came is not a web page or text (a PDF or an image, for example). Daftar keeps web pages and plain text.',
  'reason-page-too-large': 'The page is larger than {limit}, the most Daftar keeps.',
  'reason-no-readable-text': 'No readable text was found in it: the page may need scripts to show its text, or be only a frame around other content.',
  'reason-binary-file': 'This file is not text (it may be a document in another format, or text saved as UTF-16). Save it as a web page, plain text or Markdown and import that.',
  'reason-empty-file': 'The file is empty.',
  'reason-file-too-large': 'The file is larger than {limit}, the most Daftar keeps.',
  technicalDetail: 'Technical detail',
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
  'reason-http-not-found': 'لا توجد صفحة على هذا العنوان (رمز HTTP\u00a0{status}).',
  'reason-http-refused': 'رفض الموقع إعطاء الصفحة لدفتر (رمز HTTP\u00a0{status}). ربما تحتاج إلى تسجيل الدخول، أو يحجب الموقع الزيارات الآلية: احفظ الصفحة من متصفحك واستورد الملف بدلًا من ذلك.',
  'reason-http-busy': 'يطلب الموقع التمهّل (رمز HTTP\u00a0{status}). أعد المحاولة لاحقًا.',
  'reason-http-server': 'حدث خطأ في الموقع (رمز HTTP\u00a0{status}). أعد المحاولة لاحقًا.',
  'reason-http-other': 'أجاب الموقع برمز HTTP\u00a0{status}، فلم تُجلب الصفحة.',
  'reason-timeout': 'لم يُجب الموقع خلال {seconds} ثانية.',
  'reason-host-not-found': 'تعذّر العثور على {host}: تحقّق من العنوان ومن اتصال هذا الحاسوب بالشبكة.',
  'reason-connection-refused': 'رفض {host} الاتصال.',
  'reason-connection-closed': 'أغلق {host} الاتصال قبل إرسال الصفحة.',
  'reason-tls-rejected': 'تعذّر الوثوق بالاتصال الآمن مع {host} (رُفضت شهادته)، فلم يُجلب شيء.',
  'reason-redirects': 'يحيل هذا العنوان القارئ إلى غيره بطريقة لا يتبعها دفتر (حلقة، أو خطوات كثيرة، أو وجهة ليست صفحة ويب).',
  'reason-cancelled': 'أُلغي الالتقاط.',
  'reason-bad-url': 'لا يمكن التقاط هذا العنوان: يجب أن يكون عنوانًا كاملًا يبدأ بـ http:// أو https://، بلا اسم مستخدم أو كلمة مرور.',
  'reason-not-a-page': 'ما وصل ليس صفحة ويب ولا نصًّا (بل ملف PDF أو صورة مثلًا). يحفظ دفتر صفحات الويب والنصوص.',
  'reason-page-too-large': 'الصفحة أكبر من {limit}، وهو أقصى ما يحفظه دفتر.',
  'reason-no-readable-text': 'لم يُعثر فيها على نص مقروء: ربما تحتاج الصفحة إلى سكربتات لعرض نصها، أو هي إطار حول محتوى آخر.',
  'reason-binary-file': 'ليس هذا الملف نصًّا (ربما هو مستند بصيغة أخرى، أو نص محفوظ بترميز UTF-16). احفظه صفحةَ ويب أو نصًّا عاديًّا أو Markdown واستورد ذلك.',
  'reason-empty-file': 'الملف فارغ.',
  'reason-file-too-large': 'الملف أكبر من {limit}، وهو أقصى ما يحفظه دفتر.',
  technicalDetail: 'التفاصيل التقنية',
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
