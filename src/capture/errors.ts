/**
 * The one error type of src/capture. Its `code` is the contract's error code
 * the service passes on unchanged, so the UI can tell a bad URL ('bad-request')
 * from a site that did not answer ('network'), a page over a limit
 * ('too-large') or content Daftar cannot read ('unsupported'). Messages start
 * with "capture:" and name the value that was wrong.
 */
import type { ApiErrorCode, ErrorProblem } from '../api/contract';

export type CaptureErrorCode = Extract<ApiErrorCode, 'bad-request' | 'network' | 'too-large' | 'unsupported'>;

/**
 * The failures a user meets most when capturing, each with the values the UI
 * needs to say it in the reader's language (renderer/capture/strings.ts).
 * Everything else keeps its code and its English message only.
 */
export const CAPTURE_REASONS = [
  'http-status', // { status }
  'timeout', // { seconds }
  'host-not-found', // { host }
  'connection-refused', // { host }
  'connection-closed', // { host }
  'tls-rejected', // { host }
  'redirects', // a loop, too many, or a target Daftar will not follow
  'cancelled',
  'bad-url',
  'not-a-page', // a PDF, an image, a binary file
  'page-too-large', // { limit }
  'no-readable-text',
  'binary-file', // an imported .txt or .md that is not text
  'empty-file',
  'file-too-large', // { limit }
] as const;

export type CaptureReason = (typeof CAPTURE_REASONS)[number];

export class CaptureError extends Error {
  override name = 'CaptureError';
  readonly problem?: ErrorProblem;
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
    reason?: CaptureReason,
    params: Record<string, string | number> = {},
  ) {
    super(message.startsWith('capture:') ? message : `capture: ${message}`);
    if (reason !== undefined) this.problem = { reason, params };
  }
}

export function isCaptureError(value: unknown): value is CaptureError {
  return value instanceof CaptureError;
}
