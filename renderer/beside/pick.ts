/**
 * Which document the "side by side" panel shows. Pure, so the choice is
 * tested without a DOM: what the caller asked for when it can be read;
 * otherwise, beside the article the first source that can be read, and
 * beside a source the article.
 */
import type { LibraryEntry } from '../../src/api/contract';

/** Documents that have text to read beside another, in library order. */
export function readableBeside(entries: readonly LibraryEntry[], currentId: string | undefined): LibraryEntry[] {
  return entries.filter((e) => e.status === 'captured' && e.id !== currentId);
}

export function pickBeside(entries: readonly LibraryEntry[], currentId: string | undefined, asked: unknown): LibraryEntry | undefined {
  const choices = readableBeside(entries, currentId);
  if (typeof asked === 'string') {
    const wanted = choices.find((e) => e.id === asked);
    if (wanted) return wanted;
  }
  const current = entries.find((e) => e.id === currentId);
  if (current?.kind === 'source') {
    const article = choices.find((e) => e.kind === 'article');
    if (article) return article;
  }
  return choices.find((e) => e.kind === 'source') ?? choices[0];
}
