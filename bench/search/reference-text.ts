/**
 * The benchmark's own reference tokenizer and word normaliser, used for the
 * ground truth only when Daftar's normaliser (src/text) is not available, and
 * always to simulate how a reader types a query.
 *
 * Deliberately independent of any engine: a passage is relevant to a query
 * word when it contains a token whose normalised form equals the query word's
 * normalised form (no stemming, no clitic stripping: exact words).
 */

/** Splits on anything that is not a letter, mark or digit; marks stay attached to their letter. */
export function referenceTokens(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter((t) => t.length > 0);
}

const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ and the wavy-hamza alefs

/**
 * NFKC, drop every combining mark (tashkeel, Quranic annotation marks,
 * superscript alef) and tatweel, unify alef forms, ى→ي, ة→ه, lowercase.
 */
export function referenceNormalise(word: string): string {
  return word
    .normalize('NFKC')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0640\u06E5\u06E6]/g, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .toLowerCase();
}

/**
 * How a reader types a word they read in diacritised text: no tashkeel or
 * Quranic marks, alef wasla as a plain alef; hamza forms kept as printed unless
 * `bare` (many readers never type hamza on alef).
 */
export function typedForm(word: string, bare: boolean): string {
  let typed = word
    .normalize('NFC')
    .replace(/\p{M}/gu, '')
    // Small waw / small yeh (ۥ ۦ) are modifier LETTERS (Lm), not marks, in Unicode; nobody types them.
    .replace(/[\u06E5\u06E6]/g, '')
    .replace(/\u0640/g, '')
    .replace(/\u0671/g, '\u0627');
  if (bare) typed = typed.replace(/[\u0622\u0623\u0625]/g, '\u0627');
  return typed;
}
