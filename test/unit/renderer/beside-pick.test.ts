import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../../src/api/contract';
import { pickBeside, readableBeside } from '../../../renderer/beside/pick';

function entry(id: string, kind: LibraryEntry['kind'], status: LibraryEntry['status']): LibraryEntry {
  return { id, kind, title: id, url: null, lang: 'en', dir: 'ltr', status, location: status === 'captured' ? 'user' : 'bundled', versions: [], contentHash: '' };
}

const article = entry('article', 'article', 'captured');
const guardian = entry('guardian', 'source', 'captured');
const microsoft = entry('microsoft', 'source', 'captured');
const un = entry('un', 'source', 'not-captured');
const library = [article, un, guardian, microsoft];

describe('readableBeside', () => {
  it('lists documents with text, in library order, never the one in the reader', () => {
    expect(readableBeside(library, 'article').map((e) => e.id)).toEqual(['guardian', 'microsoft']);
    expect(readableBeside(library, 'guardian').map((e) => e.id)).toEqual(['article', 'microsoft']);
    expect(readableBeside(library, undefined).map((e) => e.id)).toEqual(['article', 'guardian', 'microsoft']);
  });
});

describe('pickBeside', () => {
  it('shows what was asked for when it can be read', () => {
    expect(pickBeside(library, 'article', 'microsoft')?.id).toBe('microsoft');
  });

  it('beside the article, defaults to the first source with text', () => {
    expect(pickBeside(library, 'article', undefined)?.id).toBe('guardian');
  });

  it('beside a source, defaults to the article', () => {
    expect(pickBeside(library, 'microsoft', undefined)?.id).toBe('article');
  });

  it('never shows the reader document, one without text, or an id it does not know', () => {
    expect(pickBeside(library, 'article', 'article')?.id).toBe('guardian');
    expect(pickBeside(library, 'article', 'un')?.id).toBe('guardian');
    expect(pickBeside(library, 'article', 'no-such-doc')?.id).toBe('guardian');
    expect(pickBeside(library, 'article', { id: 'microsoft' })?.id).toBe('guardian');
  });

  it('has nothing to show when no other document has text', () => {
    expect(pickBeside([article, un], 'article', undefined)).toBeUndefined();
    expect(pickBeside([], undefined, 'x')).toBeUndefined();
  });
});
