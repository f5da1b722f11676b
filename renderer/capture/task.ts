/**
 * One capture or import as the user sees it: idle, working (with what is
 * being done), done (with what was stored, warnings, notes moved), or failed
 * (with a message that says nothing was stored and why). Pure state and the
 * mapping of contract errors to messages; the hook in useCaptureTask.ts runs it.
 */
import type { CaptureResponse } from '../../src/api/contract';
import { ImportFileError } from './files';
import type { CaptureStringKey, CaptureT } from './strings';

export type TaskState =
  | { phase: 'idle' }
  | { phase: 'working'; step: 'reading' | 'capturing' | 'importing'; what: string }
  | { phase: 'done'; result: CaptureResponse }
  | { phase: 'failed'; message: string };

const BY_CODE: Record<string, CaptureStringKey> = {
  network: 'errNetwork',
  'too-large': 'errTooLarge',
  unsupported: 'errUnsupported',
  'bad-request': 'errBadRequest',
};

/** The message for a failed capture or import: always says nothing was stored, then why. */
export function failureMessage(error: unknown, t: CaptureT): string {
  let reason: string;
  if (error instanceof ImportFileError) {
    const d = error.detail;
    reason = t(`file-${d.problem}` as CaptureStringKey, 'name' in d ? { name: d.name } : undefined);
  } else {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    reason = t(typeof code === 'string' && code in BY_CODE ? BY_CODE[code]! : 'errOther', { message });
  }
  return t('failed', { message: reason });
}

/** The host name of a URL for "this goes to the network" notes; the raw text when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
