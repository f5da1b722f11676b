/**
 * The one error type the UI catches from the API client. Both transports turn
 * a failed Envelope, a broken response or a dead connection into an
 * ApiClientError, so views branch on `code` and show `message` to the user.
 */
import type { ApiErrorCode, Envelope, ErrorProblem } from '../../src/api/contract';
import { isApiErrorShape, problemOf } from '../../src/api/errors';

/** Codes the client adds to the contract's: the transport itself failed. */
export type ClientErrorCode = ApiErrorCode | 'transport';

export class ApiClientError extends Error {
  override name = 'ApiClientError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    /** The finer reason a view may word in the reader's language; see ApiErrorShape. */
    readonly problem?: ErrorProblem,
  ) {
    super(message);
  }
}

/** Unwraps an Envelope; anything that is not one is a transport error naming the method. */
export function unwrapEnvelope<T>(method: string, value: unknown): T {
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean') {
    throw new ApiClientError('transport', `api: ${method}: the answer is not an envelope`);
  }
  const envelope = value as Envelope<T>;
  if (envelope.ok) return envelope.value;
  if (isApiErrorShape(envelope.error)) throw new ApiClientError(envelope.error.code, envelope.error.message, problemOf(envelope.error.problem));
  throw new ApiClientError('transport', `api: ${method}: the error has no code or message`);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
