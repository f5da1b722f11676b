/**
 * Which normaliser defines the ground truth: Daftar's own tokenizer and
 * normaliser (src/text, without stemming), so "relevant" means what the app
 * means by "the same word". A second opinion comes from the bench's own
 * reference normaliser (reference-text.ts): a blind spot shared by Daftar's
 * index and Daftar's truth (a character both keep) only shows up there.
 */
import { normalize } from '../../src/text/normalize';
import { referenceNormalise, referenceTokens } from './reference-text';
import { tokenize } from '../../src/text/tokenizer';
import type { TruthText } from './truth';

export async function truthText(): Promise<TruthText> {
  return {
    name: 'Daftar normaliser (src/text/tokenizer.ts + normalize.ts, no stemming)',
    words: (text) => tokenize(text).map((t) => normalize(t.text)),
    normalise: normalize,
  };
}

/** The independent second opinion (see reference-text.ts). */
export const referenceTruthText: TruthText = {
  name: 'bench reference normaliser (bench/search/reference-text.ts)',
  words: (text) => referenceTokens(text).map(referenceNormalise),
  normalise: referenceNormalise,
};
