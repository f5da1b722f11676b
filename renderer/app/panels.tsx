/**
 * Where UI areas plug into the app shell. Each list is read by the shell; to
 * add something, import your component and append one entry (one line).
 *
 *  sidePanels    — the complementary panel beside the reader (one open at a
 *                  time). With `button`, the header shows a toggle for it.
 *                  Open one from code with useApp().openPanel(id, arg).
 *  headerTools   — small tools in the header bar (a search field…).
 *  readerLayers  — rendered with the document (after each render of it), given
 *                  the element holding the text: paint highlights, show a
 *                  selection toolbar (see reader/highlights.ts).
 *  sourceActions — buttons on a source card (capture, import a file…).
 *
 * Show nothing that does not work: register an entry only when it works.
 */
import type { ComponentType } from 'react';
import type { LibraryEntry, UiLanguage } from '../../src/api/contract';
import type { CurrentDocument } from './context';
import { SettingsPanel } from '../settings/SettingsPanel';
import { SourcePanel } from '../sources/SourcePanel';
import { FindBar } from '../search/FindBar';
import { SearchBox } from '../search/SearchBox';
import { NotesLayer } from '../notes/NotesLayer';
import { NotesPanel } from '../notes/NotesPanel';
import { CaptureActions } from '../capture/CaptureActions';
import { ImportTool } from '../capture/ImportTool';
import { BesidePanel } from '../beside/BesidePanel';

export interface SidePanelProps {
  /** What openPanel(id, arg) passed. */
  arg?: unknown;
  close(): void;
}

export interface SidePanelSpec {
  id: string;
  /** The panel's accessible name and heading, in the UI language. */
  label(lang: UiLanguage): string;
  Component: ComponentType<SidePanelProps>;
  /** A toggle button in the header: a short glyph or word shown beside the label. */
  button?: { icon: string };
  /** Takes half of the reading area instead of a narrow column (a document read beside the reader's). */
  wide?: boolean;
}

export interface HeaderToolSpec {
  id: string;
  Component: ComponentType;
}

export interface ReaderLayerProps {
  /** The element holding the rendered document: pass it to highlights.ts. */
  root: HTMLElement;
  doc: CurrentDocument;
}

export interface ReaderLayerSpec {
  id: string;
  Component: ComponentType<ReaderLayerProps>;
}

export interface SourceActionSpec {
  id: string;
  Component: ComponentType<{ entry: LibraryEntry }>;
}

export const sidePanels: SidePanelSpec[] = [
  { id: 'source', label: (lang) => (lang === 'ar' ? 'المصدر' : 'Source'), Component: SourcePanel },
  { id: 'beside', label: (lang) => (lang === 'ar' ? 'جنبًا إلى جنب' : 'Side by side'), Component: BesidePanel, button: { icon: '◫' }, wide: true },
  { id: 'notes', label: (lang) => (lang === 'ar' ? 'الملاحظات' : 'Notes'), Component: NotesPanel, button: { icon: '✎' } },
  { id: 'settings', label: (lang) => (lang === 'ar' ? 'إعدادات القراءة' : 'Reading settings'), Component: SettingsPanel, button: { icon: 'Aa' } },
];

export const headerTools: HeaderToolSpec[] = [{ id: 'search', Component: SearchBox }, { id: 'import', Component: ImportTool }];

export const readerLayers: ReaderLayerSpec[] = [{ id: 'notes', Component: NotesLayer }, { id: 'find', Component: FindBar }];

export const sourceActions: SourceActionSpec[] = [{ id: 'capture', Component: CaptureActions }];
