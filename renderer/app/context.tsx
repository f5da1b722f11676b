/**
 * The app's shared state, and the one place other UI areas (search, notes,
 * capture) reach it: `useApp()`.
 *
 * It owns: the API client, app info, the library, the document being read (with
 * its text layout from src/document/text.ts), navigation to an offset, reading
 * settings (persisted through the API), the UI language with t(), the side
 * panel that is open, and the "open this address outside?" confirmation.
 * It renders nothing itself and touches no DOM but <html> attributes.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppInfo, DaftarApi, DocumentView, LibraryResult, LibraryView, ReadingSettings, UiLanguage } from '../../src/api/contract';
import { layoutDocument, type DocumentLayout } from '../../src/document/text';
import { errorMessage } from '../api/errors';
import { languageFromLocale, makeT, uiDir, type Translate } from '../i18n';
import { applySettingsToPage, DEFAULT_SETTINGS } from './settings';

export interface CurrentDocument {
  view: DocumentView;
  layout: DocumentLayout;
}

/** Where to go: a document, optionally a range of its text to scroll to and flash. */
export interface NavigateTarget {
  docId: string;
  offset?: number;
  /** End of the range to flash (exclusive); default offset + 1. */
  end?: number;
  flash?: boolean;
}

/** A pending scroll request; `seq` makes a repeat of the same target scroll again. */
export interface ScrollTarget extends Required<Pick<NavigateTarget, 'docId' | 'offset'>> {
  end: number;
  flash: boolean;
  seq: number;
}

export interface OpenPanel {
  id: string;
  /** Whatever the panel needs (the source card gets a source id). */
  arg?: unknown;
}

export interface AppContextValue {
  api: DaftarApi;
  info: AppInfo | null;
  /** The library result as loaded: ok, error (archive problem), or null while loading. */
  libraryResult: LibraryResult | null;
  library: LibraryView | null;
  reloadLibrary(): Promise<void>;
  /** After an archive error. */
  openBundledArchive(): Promise<void>;
  current: CurrentDocument | null;
  documentError: string | null;
  navigate(target: NavigateTarget): void;
  scrollTarget: ScrollTarget | null;
  /** The element holding the rendered document (for highlights.ts), or null when none is shown. */
  readerRoot(): HTMLElement | null;
  setReaderRoot(el: HTMLElement | null): void;
  settings: ReadingSettings;
  setSettings(patch: Partial<ReadingSettings>): Promise<void>;
  settingsError: string | null;
  lang: UiLanguage;
  dir: 'rtl' | 'ltr';
  t: Translate;
  panel: OpenPanel | null;
  openPanel(id: string, arg?: unknown): void;
  togglePanel(id: string): void;
  closePanel(): void;
  /** Opens a source's card in the side panel. */
  openSource(sourceId: string): void;
  /** Asks the user, then opens an https address outside the app. */
  confirmOpenExternal(url: string): void;
  pendingExternal: string | null;
  resolveExternal(confirmed: boolean): Promise<void>;
  /** Says something to screen readers (polite live region). */
  announce(message: string): void;
  announcement: string;
  fatal: string | null;
}

const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('renderer: useApp() outside <AppProvider>');
  return value;
}

export function AppProvider({ api, children }: { api: DaftarApi; children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [libraryResult, setLibraryResult] = useState<LibraryResult | null>(null);
  const [current, setCurrent] = useState<CurrentDocument | null>(null);
  const [documentError, setDocumentError] = useState<string | null>(null);
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(null);
  const [settings, setSettingsState] = useState<ReadingSettings>(DEFAULT_SETTINGS);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [panel, setPanel] = useState<OpenPanel | null>(null);
  const [pendingExternal, setPendingExternal] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [fatal, setFatal] = useState<string | null>(null);
  const readerRootRef = useRef<HTMLElement | null>(null);
  const seq = useRef(0);
  const loadingDoc = useRef<string | null>(null);

  // The "system" is where the UI runs: Electron reports the OS locale; in a browser, its language is the user's choice.
  const systemLocale = info?.transport === 'electron' ? info.systemLocale : navigator.language;
  const lang: UiLanguage = settings.uiLanguage ?? languageFromLocale(systemLocale);
  const dir = uiDir(lang);
  const t = useMemo(() => makeT(lang), [lang]);

  useEffect(() => {
    const html = document.documentElement;
    html.lang = lang;
    html.dir = dir;
    applySettingsToPage(html, settings);
  }, [lang, dir, settings]);

  const loadDocument = useCallback(
    async (docId: string) => {
      loadingDoc.current = docId;
      try {
        const view = await api.getDocument({ id: docId });
        if (loadingDoc.current !== docId) return; // a later navigation won
        setCurrent({ view, layout: layoutDocument(view.document) });
        setDocumentError(null);
      } catch (error) {
        if (loadingDoc.current === docId) setDocumentError(errorMessage(error));
      }
    },
    [api],
  );

  const acceptLibrary = useCallback(
    (result: LibraryResult) => {
      setLibraryResult(result);
      if (result.state === 'ok') {
        const id = current?.view.entry.id;
        const stillThere = id !== undefined && result.library.entries.some((e) => e.id === id && e.status === 'captured');
        void loadDocument(stillThere ? id : result.library.articleId);
      } else {
        setCurrent(null);
      }
    },
    [current, loadDocument],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.getAppInfo(), api.getSettings(), api.getLibrary()])
      .then(([appInfo, saved, result]) => {
        if (cancelled) return;
        setInfo(appInfo);
        setSettingsState(saved);
        acceptLibrary(result);
      })
      .catch((error) => !cancelled && setFatal(errorMessage(error)));
    return () => {
      cancelled = true;
    };
    // Once at start; reloads go through reloadLibrary.
  }, [api]);

  const reloadLibrary = useCallback(async () => acceptLibrary(await api.getLibrary()), [api, acceptLibrary]);
  const openBundledArchive = useCallback(async () => acceptLibrary(await api.openBundledArchive()), [api, acceptLibrary]);

  const navigate = useCallback(
    (target: NavigateTarget) => {
      if (current?.view.entry.id !== target.docId) void loadDocument(target.docId);
      if (target.offset !== undefined) {
        seq.current += 1;
        setScrollTarget({ docId: target.docId, offset: target.offset, end: target.end ?? target.offset + 1, flash: target.flash ?? false, seq: seq.current });
      }
    },
    [current, loadDocument],
  );

  // A slider sends many saves; only the answer to the latest may replace what the user sees.
  const settingsSeq = useRef(0);
  const setSettings = useCallback(
    async (patch: Partial<ReadingSettings>) => {
      const mine = ++settingsSeq.current;
      setSettingsState((prev) => ({ ...prev, ...patch }));
      try {
        const saved = await api.setSettings(patch);
        if (mine !== settingsSeq.current) return;
        setSettingsState(saved);
        setSettingsError(null);
      } catch (error) {
        if (mine === settingsSeq.current) setSettingsError(errorMessage(error));
      }
    },
    [api],
  );

  const openPanel = useCallback((id: string, arg?: unknown) => setPanel({ id, arg }), []);
  const togglePanel = useCallback((id: string) => setPanel((prev) => (prev?.id === id ? null : { id })), []);
  const closePanel = useCallback(() => setPanel(null), []);
  const openSource = useCallback((sourceId: string) => setPanel({ id: 'source', arg: sourceId }), []);

  const resolveExternal = useCallback(
    async (confirmed: boolean) => {
      const url = pendingExternal;
      setPendingExternal(null);
      if (!confirmed || url === null) return;
      try {
        const { opened } = await api.openExternal({ url });
        if (!opened) setAnnouncement(t('openFailed'));
      } catch {
        setAnnouncement(t('openFailed'));
      }
    },
    [api, pendingExternal, t],
  );

  const value: AppContextValue = {
    api,
    info,
    libraryResult,
    library: libraryResult?.state === 'ok' ? libraryResult.library : null,
    reloadLibrary,
    openBundledArchive,
    current,
    documentError,
    navigate,
    scrollTarget,
    readerRoot: () => readerRootRef.current,
    setReaderRoot: (el) => {
      readerRootRef.current = el;
    },
    settings,
    setSettings,
    settingsError,
    lang,
    dir,
    t,
    panel,
    openPanel,
    togglePanel,
    closePanel,
    openSource,
    confirmOpenExternal: setPendingExternal,
    pendingExternal,
    resolveExternal,
    announce: setAnnouncement,
    announcement,
    fatal,
  };
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
