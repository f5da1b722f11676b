/**
 * Reading settings on the UI side: defaults until the service answers, the
 * bounds the contract states (fontSize 14..32, lineHeight 1.2..2.6), and how
 * they reach the page (CSS custom properties and a theme attribute on <html>).
 */
import type { ReadingSettings, Theme } from '../../src/api/contract';

export const DEFAULT_SETTINGS: ReadingSettings = { fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: null };
export const FONT_SIZE = { min: 14, max: 32, step: 1 } as const;
export const LINE_HEIGHT = { min: 1.2, max: 2.6, step: 0.1 } as const;
export const THEMES: readonly Theme[] = ['light', 'sepia', 'dark'];

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to one decimal so repeated +0.1 steps do not drift (1.9000000000000001). */
export function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

export function applySettingsToPage(root: HTMLElement, settings: ReadingSettings): void {
  root.dataset.theme = settings.theme;
  root.style.setProperty('--reader-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--reader-line-height', String(settings.lineHeight));
}
