/**
 * A document's byline: publisher, author and date, each in its own bidi
 * isolate so an English publisher inside an Arabic line keeps its order
 * (and its closing parenthesis). Used by the reader and the side-by-side panel.
 */
import { Fragment } from 'react';
import type { LibraryEntry, UiLanguage } from '../../src/api/contract';
import { formatDate } from '../i18n';

export function bylineParts(entry: Pick<LibraryEntry, 'publisher' | 'author' | 'published'>, lang: UiLanguage): string[] {
  return [entry.publisher, entry.author, entry.published !== undefined ? formatDate(entry.published, lang) : undefined].filter((p): p is string => typeof p === 'string' && p !== '');
}

export function Byline({ parts }: { parts: string[] }) {
  if (parts.length === 0) return null;
  return (
    <p className="document-byline">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </p>
  );
}
