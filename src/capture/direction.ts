/**
 * Direction and language guesses for text with no markup to say so.
 * A block is right-to-left when its Arabic-script letters outnumber its Latin
 * letters: counting letters (not the first strong character, as the Unicode
 * bidi algorithm does) keeps an Arabic paragraph that opens with "Microsoft"
 * right-to-left. Digits and punctuation count for neither.
 */
import type { Dir } from '../document/types';
import { langSchema } from '../document/validate';

// Letters only: Arabic-Indic digits and marks share the Arabic block but say nothing about direction.
const ARABIC = /(?=\p{L})\p{Script=Arabic}/gu;
const HEBREW = /(?=\p{L})\p{Script=Hebrew}/gu;
const LATIN = /(?=\p{L})\p{Script=Latin}/gu;

export interface ScriptCounts {
  rtl: number;
  ltr: number;
}

export function countScripts(text: string): ScriptCounts {
  const rtl = (text.match(ARABIC)?.length ?? 0) + (text.match(HEBREW)?.length ?? 0);
  const ltr = text.match(LATIN)?.length ?? 0;
  return { rtl, ltr };
}

/** 'rtl' or 'ltr' by majority; null when the text has no letters of either. */
export function detectDir(text: string): Exclude<Dir, 'auto'> | null {
  const { rtl, ltr } = countScripts(text);
  if (rtl === 0 && ltr === 0) return null;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/** A dir attribute value, if it is one the model knows. */
export function parseDirAttribute(value: string | null | undefined): Dir | null {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'rtl' || v === 'ltr' || v === 'auto' ? v : null;
}

/** A lang attribute as a valid BCP 47 tag (`en_US` → `en-US`), or null. */
export function parseLangAttribute(value: string | null | undefined): string | null {
  const v = (value ?? '').trim().replace(/_/g, '-');
  if (v === '') return null;
  return langSchema.safeParse(v).success ? v : null;
}

/** The document-level language when the page says nothing: Arabic script → 'ar', otherwise undetermined. */
export function guessLang(text: string): string {
  return detectDir(text) === 'rtl' && (text.match(ARABIC)?.length ?? 0) > 0 ? 'ar' : 'und';
}
