/**
 * The error every layer throws at the contract boundary. Transports turn it
 * into an Envelope and the client turns it back, so the UI sees the same code
 * and message whether it runs in Electron or a browser.
 */
import type { ApiErrorCode, ApiErrorShape } from './contract';

export class ApiError extends Error implements ApiErrorShape {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorShape).code === 'string' &&
    typeof (value as ApiErrorShape).message === 'string'
  );
}

/**
 * Any thrown value → a shape safe to send. Unknown errors keep their message
 * (it helps the user report a bug) but never a stack.
 */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return error.toJSON();
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
