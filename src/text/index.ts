/**
 * The text toolkit shared by search, find-in-document and note anchoring.
 * Import from 'src/text' rather than the files, so the internals can move.
 */
export { tokenize, isWordChar, type TextToken, type Script } from './tokenizer';
export { normalize, normalizeWithMap, normalizeCodePoint, daggerAlefVariant, type NormalizedText, type NormalizeOptions } from './normalize';
export { stemArabic, stripArabicPrefix, arabicIndexKeys } from './stem-arabic';
export { stemEnglish } from './stem-english';
export { analyze, indexKeys, queryKey, prefixKey, prefixSurfaces, type AnalyzedToken } from './analyze';
