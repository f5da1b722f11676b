/**
 * Messages between the search engine and its build worker (worker.ts). Plain
 * data only: they are copied by structured clone.
 */
import type { IndexInput } from './passages';

export interface BuildRequest {
  type: 'build';
  input: IndexInput;
  contentHash: string;
}

export type BuildMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; serialised: string }
  | { type: 'error'; message: string };
