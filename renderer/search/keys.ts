/**
 * Which key presses the search area answers, as pure predicates over the
 * fields of a KeyboardEvent (so they are tested without a DOM).
 *
 * Ctrl+K / Cmd+K focuses the search field from anywhere (a chord, safe even
 * while typing elsewhere); a bare `/` only when the reader is not typing into
 * a field, where it must stay a slash. Ctrl/Cmd+F opens find-in-document;
 * F3 / Shift+F3 step through its matches.
 */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True while an IME composes (Arabic keyboards on some systems): never steal those keys. */
  isComposing?: boolean;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  /** For inputs: buttons and checkboxes do not take text, so `/` can still jump. */
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((target.type ?? '').toLowerCase());
  return false;
}

const primary = (e: KeyLike) => (e.ctrlKey || e.metaKey) && !e.altKey;

/** Ctrl/Cmd+K, or `/` outside text fields. Arabic layouts: `k` is ن, so match the physical key name too. */
export function isSearchShortcut(e: KeyLike, target: TargetLike | null | undefined): boolean {
  if (e.isComposing) return false;
  if (primary(e) && !e.shiftKey && (e.key === 'k' || e.key === 'K' || e.key === 'ن')) return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(target);
}

export function isFindShortcut(e: KeyLike): boolean {
  return !e.isComposing && primary(e) && !e.shiftKey && (e.key === 'f' || e.key === 'F' || e.key === 'ب');
}

/** F3 → 'next', Shift+F3 → 'previous', anything else → null. */
export function findStepKey(e: KeyLike): 'next' | 'previous' | null {
  if (e.key !== 'F3' || e.ctrlKey || e.metaKey || e.altKey) return null;
  return e.shiftKey ? 'previous' : 'next';
}
