/**
 * The error every layer throws at the contract boundary. Transports turn it
 * into an Envelope and the client turns it back, so the UI sees the same code
 * and message whether it runs in Electron or a browser.
 */
import type { ApiErrorCode, ApiErrorShape, ErrorProblem } from './contract';

export class ApiError extends Error implements ApiErrorShape {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly problem?: ErrorProblem,
  ) {
    super(message);
  }

  toJSON(): ApiErrorShape {
    return this.problem ? { code: this.code, message: this.message, problem: this.problem } : { code: this.code, message: this.message };
  }
}

const MAX_PARAMS = 8;

/**
 * A problem as received from the other side of a transport, or undefined when
 * it is not one. Kept small and flat on purpose: the UI puts the values into
 * its own sentences, so only short strings and finite numbers pass.
 */
export function problemOf(value: unknown): ErrorProblem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { reason, params } = value as { reason?: unknown; params?: unknown };
  if (typeof reason !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(reason)) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const entries = Object.entries(params);
  if (entries.length > MAX_PARAMS) return undefined;
  const clean: Record<string, string | number> = {};
  for (const [key, v] of entries) {
    if (!/^[a-zA-Z][a-zA-Z0-9]{0,31}$/.test(key)) return undefined;
    if (typeof v === 'number' ? !Number.isFinite(v) : typeof v !== 'string' || v.length > 300) return undefined;
    clean[key] = v;
  }
  return { reason, params: clean };
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
