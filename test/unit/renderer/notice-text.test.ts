import { describe, expect, it } from 'vitest';
import { noticeText } from '../../../renderer/app/notice-text';
import { makeT } from '../../../renderer/i18n';

const corrupt = { code: 'notes-db-corrupt', message: 'annotations: the notes database could not be read (file is not a database); it was moved aside and a new one started' };

describe('noticeText', () => {
  it('leads with the UI sentence in the reader language and keeps the core message as detail', () => {
    const ar = noticeText(corrupt, makeT('ar'));
    expect(ar.text).toMatch(/^تعذّرت قراءة قاعدة بيانات ملاحظاتك/);
    expect(ar.detail).toBe(corrupt.message);
    const en = noticeText(corrupt, makeT('en'));
    expect(en.text).toMatch(/^Your notes database could not be read/);
    expect(en.detail).toBe(corrupt.message);
  });

  it('has a sentence for every code the notes store emits, in both languages', () => {
    for (const code of ['notes-db-corrupt', 'notes-db-newer', 'notes-db-migrated']) {
      for (const lang of ['ar', 'en'] as const) {
        const out = noticeText({ code, message: 'core words' }, makeT(lang));
        expect(out.detail, `${code} ${lang}`).toBe('core words');
        expect(out.text).not.toBe('core words');
        expect(out.text.length).toBeGreaterThan(20);
      }
    }
  });

  it('shows an unknown code, or one named like an object property, as the core wrote it', () => {
    expect(noticeText({ code: 'something-new', message: 'core words' }, makeT('ar'))).toEqual({ text: 'core words' });
    expect(noticeText({ code: 'toString', message: 'core words' }, makeT('ar'))).toEqual({ text: 'core words' });
    expect(noticeText({ code: '__proto__', message: 'core words' }, makeT('en'))).toEqual({ text: 'core words' });
  });
});
