/**
 * The notes UI's own strings, Arabic and English (same keys; the type of `ar`
 * says so). Looked up with notesT(lang), following i18n/index.ts: `{name}`
 * placeholders are filled from params.
 */
import type { HighlightColor, UiLanguage } from '../../src/api/contract';
import { localized } from '../i18n';

const en = {
  notes: 'Notes',
  toolbar: 'Highlight the selected text',
  toolbarShortcut: 'From the keyboard: Ctrl+Shift+H (⌘+Shift+H on a Mac) moves here; Escape leaves.',
  highlightIn: 'Highlight in {color}',
  addNote: 'Note',
  addNoteLong: 'Highlight and write a note',
  addTags: 'Tags',
  addTagsLong: 'Highlight and add tags',
  attachHere: 'Attach the note here',
  cancel: 'Cancel',
  reattachBanner: 'Select the new text for this note, then choose “Attach the note here”:',
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  pink: 'pink',
  purple: 'purple',
  color: 'Colour',
  noteText: 'Note',
  notePlaceholder: 'Write a note… (saved as you type)',
  tags: 'Tags',
  tagsPlaceholder: 'Tags, separated by commas',
  deleteNote: 'Delete',
  close: 'Close',
  saving: 'Saving…',
  saved: 'Saved',
  undo: 'Undo',
  dismiss: 'Dismiss',
  deleted: 'Note deleted.',
  undone: 'Undone.',
  nothingToUndo: 'Nothing to undo.',
  reattached: 'The note is attached to the new text.',
  imported: 'Import: {added} added, {updated} updated, {unchanged} unchanged, {errors} not imported.',
  error: 'The note was not saved: {message}',
  conflict: 'This note was changed elsewhere; showing the saved version. ({message})',
  loadFailed: 'The notes could not be loaded: {message}',
  scope: 'Show',
  scopeDocument: 'This document',
  scopeAll: 'All documents',
  sort: 'Sort by',
  sortPosition: 'Position in the text',
  sortDate: 'Date changed',
  filterTags: 'Tags',
  filterColors: 'Colours',
  clearFilters: 'Clear filters',
  noNotes: 'No notes yet. Select text in the reader to highlight it.',
  noMatches: 'No note matches these filters.',
  count: '{count} notes',
  goToHighlight: 'Go to the highlight',
  showInList: 'Show in the notes list',
  editNote: 'Edit',
  emptyNote: '(highlight only)',
  needsAttention: 'Needs attention',
  needsAttentionHelp: 'The text of these notes could not be found in the current version of their document. They are kept; re-attach each to new text, or delete it.',
  reattach: 'Re-attach',
  orphanQuote: 'Was attached to:',
  exportImport: 'Export and import',
  exportJsonLd: 'Export (JSON-LD)',
  exportMarkdown: 'Export (Markdown)',
  exportScopeDoc: 'only this document',
  exported: 'Saved {file}.',
  importNotes: 'Import notes (JSON-LD)…',
  importReport: 'Imported from {file}: {added} added, {updated} updated, {unchanged} unchanged.',
  importErrors: '{count} items were not imported:',
  importItem: 'Item {index}: {message}',
  fileTooLarge: '{file} is larger than {limit} MB; nothing was imported.',
  fileUnreadable: '{file} could not be read: {message}',
  inDocument: 'in',
  privacy: 'Notes stay on this computer.',
  noteTooLong: 'A note holds at most {limit} characters (this one has {length}); it is not saved until it is shorter.',
  tooManyTags: 'At most {limit} tags per note ({count} given); not saved.',
  tagTooLong: 'A tag holds at most {limit} characters ({tag}); not saved.',
  backToNote: 'Back to the note',
  importFailed: 'Nothing was imported: {message}',
  exportFailed: 'The notes could not be exported: {message}',
  orphanBadge: 'needs attention',
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

export type NotesStringKey = keyof typeof en;

const ar: Record<NotesStringKey, string> = {
  notes: 'الملاحظات',
  toolbar: 'تظليل النص المحدد',
  toolbarShortcut: 'من لوحة المفاتيح: Ctrl+Shift+H (أو ⌘+Shift+H على ماك) للانتقال إلى هنا، وEscape للخروج.',
  highlightIn: 'تظليل باللون {color}',
  addNote: 'ملاحظة',
  addNoteLong: 'تظليل وكتابة ملاحظة',
  addTags: 'وسوم',
  addTagsLong: 'تظليل وإضافة وسوم',
  attachHere: 'اربط الملاحظة هنا',
  cancel: 'إلغاء',
  reattachBanner: 'حدّد النص الجديد لهذه الملاحظة، ثم اختر «اربط الملاحظة هنا»:',
  yellow: 'الأصفر',
  green: 'الأخضر',
  blue: 'الأزرق',
  pink: 'الوردي',
  purple: 'البنفسجي',
  color: 'اللون',
  noteText: 'الملاحظة',
  notePlaceholder: 'اكتب ملاحظة… (تُحفظ أثناء الكتابة)',
  tags: 'الوسوم',
  tagsPlaceholder: 'وسوم تفصل بينها فواصل',
  deleteNote: 'حذف',
  close: 'إغلاق',
  saving: 'جارٍ الحفظ…',
  saved: 'حُفظت',
  undo: 'تراجع',
  dismiss: 'إخفاء',
  deleted: 'حُذفت الملاحظة.',
  undone: 'تم التراجع.',
  nothingToUndo: 'لا شيء للتراجع عنه.',
  reattached: 'رُبطت الملاحظة بالنص الجديد.',
  imported: 'الاستيراد: أضيفت {added}، حُدّثت {updated}، بلا تغيير {unchanged}، لم تُستورد {errors}.',
  error: 'لم تُحفظ الملاحظة: {message}',
  conflict: 'تغيّرت هذه الملاحظة في مكان آخر؛ تظهر الآن النسخة المحفوظة. ({message})',
  loadFailed: 'تعذّر تحميل الملاحظات: {message}',
  scope: 'عرض',
  scopeDocument: 'هذه الوثيقة',
  scopeAll: 'كل الوثائق',
  sort: 'الترتيب حسب',
  sortPosition: 'الموضع في النص',
  sortDate: 'تاريخ التعديل',
  filterTags: 'الوسوم',
  filterColors: 'الألوان',
  clearFilters: 'مسح عوامل التصفية',
  noNotes: 'لا ملاحظات بعد. حدّد نصًا في القارئ لتظليله.',
  noMatches: 'لا ملاحظة تطابق عوامل التصفية هذه.',
  count: '{count} ملاحظة',
  goToHighlight: 'انتقل إلى التظليل',
  showInList: 'اعرضها في قائمة الملاحظات',
  editNote: 'تحرير',
  emptyNote: '(تظليل فقط)',
  needsAttention: 'تحتاج إلى انتباه',
  needsAttentionHelp: 'لم يُعثر على نص هذه الملاحظات في النسخة الحالية من وثيقتها. إنها محفوظة؛ اربط كلًّا منها بنص جديد أو احذفها.',
  reattach: 'إعادة الربط',
  orphanQuote: 'كانت مرتبطة بـ:',
  exportImport: 'التصدير والاستيراد',
  exportJsonLd: 'تصدير (JSON-LD)',
  exportMarkdown: 'تصدير (Markdown)',
  exportScopeDoc: 'هذه الوثيقة فقط',
  exported: 'حُفظ الملف {file}.',
  importNotes: 'استيراد ملاحظات (JSON-LD)…',
  importReport: 'استُورد من {file}: أضيفت {added}، حُدّثت {updated}، بلا تغيير {unchanged}.',
  importErrors: 'لم يُستورد {count} من العناصر:',
  importItem: 'العنصر {index}: {message}',
  fileTooLarge: 'حجم {file} أكبر من {limit} ميغابايت؛ لم يُستورد شيء.',
  fileUnreadable: 'تعذّرت قراءة {file}: {message}',
  inDocument: 'في',
  privacy: 'تبقى الملاحظات على هذا الحاسوب.',
  noteTooLong: 'تتسع الملاحظة لـ {limit} حرف على الأكثر (في هذه {length})؛ لن تُحفظ حتى تقصر.',
  tooManyTags: 'يُسمح بـ {limit} وسمًا على الأكثر لكل ملاحظة (أُدخل {count})؛ لم تُحفظ.',
  tagTooLong: 'يتسع الوسم لـ {limit} حرفًا على الأكثر ({tag})؛ لم تُحفظ.',
  backToNote: 'العودة إلى الملاحظة',
  importFailed: 'لم يُستورد شيء: {message}',
  exportFailed: 'تعذّر تصدير الملاحظات: {message}',
  orphanBadge: 'تحتاج إلى انتباه',
};

export type NotesT = (key: NotesStringKey, params?: Record<string, string | number>) => string;

export function notesT(lang: UiLanguage): NotesT {
  const table = localized<Record<NotesStringKey, string>>(lang, { ar, en });
  return (key, params) => {
    const template = table[key];
    if (params === undefined) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? isolate(params[name]!) : whole));
  };
}

export function colorName(t: NotesT, color: HighlightColor): string {
  return t(color);
}

/** For tests: both tables, to check they have the same keys and placeholders. */
export const NOTES_STRINGS = { ar, en } as const;
