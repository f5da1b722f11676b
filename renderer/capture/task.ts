/**
 * One capture or import as the user sees it: idle, working (with what is
 * being done), done (with what was stored, warnings, notes moved), or failed
 * (with a message that says nothing was stored and why, and the core's own
 * detail apart). Pure state and the mapping of contract errors to messages;
 * the hook in useCaptureTask.ts runs it.
 */
import type { CaptureResponse, ErrorProblem } from '../../src/api/contract';
import { problemOf } from '../../src/api/errors';
import { ImportFileError } from './files';
import { CAPTURE_STRINGS, type CaptureStringKey, type CaptureT } from './strings';

export type TaskState =
  | { phase: 'idle' }
  | { phase: 'working'; step: 'reading' | 'capturing' | 'importing'; what: string }
  | { phase: 'done'; result: CaptureResponse }
  | { phase: 'failed' } & Failure;

export interface Failure {
  /** In the reader's language; always says that nothing was stored. */
  message: string;
  /** The core's own sentence, shown apart when the message is the UI's wording of a known reason. */
  detail?: string;
}

const BY_CODE: Record<string, CaptureStringKey> = {
  network: 'errNetwork',
  'too-large': 'errTooLarge',
  unsupported: 'errUnsupported',
  'bad-request': 'errBadRequest',
};

/** An HTTP status as the reader would understand it. */
function httpKey(status: number): CaptureStringKey {
  if (status === 404 || status === 410) return 'reason-http-not-found';
  if (status === 401 || status === 403 || status === 451) return 'reason-http-refused';
  if (status === 429) return 'reason-http-busy';
  if (status >= 500 && status <= 599) return 'reason-http-server';
  return 'reason-http-other';
}

function reasonText(problem: ErrorProblem, t: CaptureT): string | undefined {
  if (problem.reason === 'http-status') {
    const status = problem.params.status;
    return typeof status === 'number' ? t(httpKey(status), { status }) : undefined;
  }
  const key = `reason-${problem.reason}`;
  return Object.hasOwn(CAPTURE_STRINGS.en, key) ? t(key as CaptureStringKey, problem.params) : undefined;
}

/** What to tell the user about a failed capture or import: always that nothing was stored, then why. */
export function describeFailure(error: unknown, t: CaptureT): Failure {
  if (error instanceof ImportFileError) {
    const d = error.detail;
    return { message: t('failed', { message: t(`file-${d.problem}` as CaptureStringKey, 'name' in d ? { name: d.name } : undefined) }) };
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const problem = typeof error === 'object' && error !== null ? problemOf((error as { problem?: unknown }).problem) : undefined;
  const worded = problem ? reasonText(problem, t) : undefined;
  if (worded !== undefined) return { message: t('failed', { message: worded }), detail: message.replace(/^capture: /, '') };
  return { message: t('failed', { message: t(typeof code === 'string' && code in BY_CODE ? BY_CODE[code]! : 'errOther', { message }) }) };
}

/** The host name of a URL for "this goes to the network" notes; the raw text when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
