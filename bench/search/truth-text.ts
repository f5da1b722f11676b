/**
 * Which normaliser defines the ground truth: Daftar's own tokenizer and
 * normaliser (src/text, without stemming), so "relevant" means what the app
 * means by "the same word". The bench's independent reference normaliser
 * (reference-text.ts) only simulates how readers type queries.
 */
import { normalize } from '../../src/text/normalize';
import { tokenize } from '../../src/text/tokenizer';
import type { TruthText } from './truth';

export async function truthText(): Promise<TruthText> {
  return {
    name: 'Daftar normaliser (src/text/tokenizer.ts + normalize.ts, no stemming)',
    words: (text) => tokenize(text).map((t) => normalize(t.text)),
    normalise: normalize,
  };
}
