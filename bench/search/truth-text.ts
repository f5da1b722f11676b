/**
 * Which normaliser defines the ground truth. Daftar's own (src/text) once it
 * exists, so "relevant" means what the app means by "the same word"; the
 * benchmark's independent reference otherwise.
 */
import { referenceNormalise, referenceTokens } from './reference-text';
import type { TruthText } from './truth';

export async function truthText(): Promise<TruthText> {
  return {
    name: 'bench reference normaliser (bench/search/reference-text.ts)',
    words: (text) => referenceTokens(text).map(referenceNormalise),
    normalise: referenceNormalise,
  };
}
