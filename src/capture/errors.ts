/**
 * The one error type of src/capture. Its `code` is the contract's error code
 * the service passes on unchanged, so the UI can tell a bad URL ('bad-request')
 * from a site that did not answer ('network'), a page over a limit
 * ('too-large') or content Daftar cannot read ('unsupported'). Messages start
 * with "capture:" and name the value that was wrong.
 */
import type { ApiErrorCode } from '../api/contract';

export type CaptureErrorCode = Extract<ApiErrorCode, 'bad-request' | 'network' | 'too-large' | 'unsupported'>;

export class CaptureError extends Error {
  override name = 'CaptureError';
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message.startsWith('capture:') ? message : `capture: ${message}`);
  }
}

export function isCaptureError(value: unknown): value is CaptureError {
  return value instanceof CaptureError;
}
