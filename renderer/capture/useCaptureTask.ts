/**
 * Runs one capture or import through the contract and keeps its TaskState.
 * On success the library is reloaded (the source now reads like the article),
 * the notes list too (re-capture moves notes to the new version), and the new
 * text is opened. One task at a time per component: buttons are disabled while
 * one runs.
 */
import { useCallback, useMemo, useState } from 'react';
import type { CaptureResponse } from '../../src/api/contract';
import { useApp } from '../app/context';
import { notesStoreFor } from '../notes/store';
import { baseName, importRequest } from './files';
import { captureT, type CaptureT } from './strings';
import { describeFailure, hostOf, type TaskState } from './task';

export function useCaptureTask(): {
  state: TaskState;
  ct: CaptureT;
  capture(url: string, sourceId?: string): Promise<void>;
  importFile(file: File, sourceId?: string): Promise<void>;
  reset(): void;
} {
  const { api, lang, reloadLibrary, navigate, announce } = useApp();
  const ct = useMemo(() => captureT(lang), [lang]);
  const [state, setState] = useState<TaskState>({ phase: 'idle' });

  const finish = useCallback(
    async (result: CaptureResponse) => {
      setState({ phase: 'done', result });
      announce(ct('done', { title: result.entry.title }));
      await reloadLibrary();
      void notesStoreFor(api).load();
      navigate({ docId: result.entry.id });
    },
    [api, announce, ct, navigate, reloadLibrary],
  );

  const fail = useCallback(
    (error: unknown) => {
      const failure = describeFailure(error, ct);
      setState({ phase: 'failed', ...failure });
      announce(failure.message);
    },
    [announce, ct],
  );

  const capture = useCallback(
    async (url: string, sourceId?: string) => {
      setState({ phase: 'working', step: 'capturing', what: hostOf(url) });
      try {
        await finish(await api.captureSource({ url, ...(sourceId ? { sourceId } : {}) }));
      } catch (error) {
        fail(error);
      }
    },
    [api, fail, finish],
  );

  const importFile = useCallback(
    async (file: File, sourceId?: string) => {
      const name = baseName(file.name);
      setState({ phase: 'working', step: 'reading', what: name });
      try {
        const request = await importRequest(file, sourceId);
        setState({ phase: 'working', step: 'importing', what: name });
        await finish(await api.importFile(request));
      } catch (error) {
        fail(error);
      }
    },
    [api, fail, finish],
  );

  return { state, ct, capture, importFile, reset: () => setState({ phase: 'idle' }) };
}
