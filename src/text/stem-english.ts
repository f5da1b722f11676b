/**
 * English stemming for Latin-script tokens: lunr's own Porter stemmer
 * (lunr.stemmer), so "reported"/"reports"/"reporting" meet at "report".
 * Input must already be normalised (lowercase, no accents). Words with other
 * Latin-script languages get Porter rules too; that only merges a few more
 * spellings, it never loses a match, because queries go through the same step.
 */
import lunr from 'lunr';

export function stemEnglish(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}
