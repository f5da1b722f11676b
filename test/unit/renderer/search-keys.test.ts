import { describe, expect, it } from 'vitest';
import { findStepKey, isFindShortcut, isSearchShortcut, isTypingTarget, type KeyLike } from '../../../renderer/search/keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const body = { tagName: 'BODY' };
const textField = { tagName: 'INPUT', type: 'text' };

describe('search keys', () => {
  it.each([
    ['Ctrl+K from the page', key('k', { ctrlKey: true }), body, true],
    ['Cmd+K from the page', key('k', { metaKey: true }), body, true],
    ['Ctrl+K while typing in another field (a chord is safe)', key('k', { ctrlKey: true }), textField, true],
    ['Ctrl+K on an Arabic layout (the K key gives ن)', key('ن', { ctrlKey: true }), body, true],
    ['/ from the page', key('/'), body, true],
    ['/ on a button', key('/'), { tagName: 'BUTTON' }, true],
    ['/ on a checkbox', key('/'), { tagName: 'INPUT', type: 'checkbox' }, true],
    ['/ while typing in a text field stays a slash', key('/'), textField, false],
    ['/ in a textarea (a note) stays a slash', key('/'), { tagName: 'TEXTAREA' }, false],
    ['/ in contenteditable stays a slash', key('/'), { tagName: 'DIV', isContentEditable: true }, false],
    ['/ in a search field stays a slash', key('/'), { tagName: 'INPUT', type: 'search' }, false],
    ['plain k', key('k'), body, false],
    ['Ctrl+Alt+K (AltGr on some layouts)', key('k', { ctrlKey: true, altKey: true }), body, false],
    ['Ctrl+Shift+K', key('K', { ctrlKey: true, shiftKey: true }), body, false],
    ['Ctrl+/', key('/', { ctrlKey: true }), body, false],
    ['during IME composition', key('/', { isComposing: true }), body, false],
  ])('%s', (_name, event, target, expected) => {
    expect(isSearchShortcut(event, target)).toBe(expected);
  });

  it('does not treat a missing target as typing', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isSearchShortcut(key('/'), null)).toBe(true);
  });

  it.each([
    [key('f', { ctrlKey: true }), true],
    [key('f', { metaKey: true }), true],
    [key('ب', { ctrlKey: true }), true],
    [key('f'), false],
    [key('F', { ctrlKey: true, shiftKey: true }), false],
    [key('f', { ctrlKey: true, altKey: true }), false],
  ])('find shortcut %#', (event, expected) => {
    expect(isFindShortcut(event)).toBe(expected);
  });

  it('F3 steps forward, Shift+F3 back, other keys not at all', () => {
    expect(findStepKey(key('F3'))).toBe('next');
    expect(findStepKey(key('F3', { shiftKey: true }))).toBe('previous');
    expect(findStepKey(key('F3', { ctrlKey: true }))).toBeNull();
    expect(findStepKey(key('Enter'))).toBeNull();
  });
});
