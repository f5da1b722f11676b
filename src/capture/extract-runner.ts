/**
 * Where extraction runs. `workerExtractor` runs extract.ts in a worker thread
 * (worker.ts) with a time limit: the worker is terminated when it runs over,
 * and the capture fails with a clear message instead of hanging or freezing
 * the app. `inlineExtractor` runs it on the calling thread (the shape guard
 * still applies); `defaultExtractor` picks the worker when its file exists
 * and falls back to inline otherwise (a bundle built without the worker entry).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorProblem } from '../api/contract';
import { CaptureError, type CaptureErrorCode, type CaptureReason } from './errors';
import type { ExtractOptions, Extracted } from './extract';

export type ExtractRunner = (html: string, options: ExtractOptions) => Promise<Extracted>;

export interface ExtractRequest {
  html: string;
  options: ExtractOptions;
}

export type ExtractReply = { ok: true; value: Extracted } | { ok: false; code?: CaptureErrorCode; message: string; problem?: ErrorProblem };

export interface WorkerEntry {
  file: string;
  execArgv?: string[];
}

/** Generous: a large page takes a few seconds on a slow machine; past this it is hostile or broken. */
export const EXTRACT_TIMEOUT_MS = 60_000;

// Loaded on first use: jsdom, Readability and DOMPurify cost about a second of
// start-up, which every `daftar` command and the app would otherwise pay.
export const inlineExtractor: ExtractRunner = async (html, options) => (await import('./extract')).extractHtml(html, options);

export function workerEntry(dir: string = __dirname): WorkerEntry | null {
  const bundled = join(dir, 'capture-worker.js');
  if (existsSync(bundled)) return { file: bundled };
  const source = join(dir, 'worker.ts');
  if (existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  return null;
}

export function workerExtractor(entry: WorkerEntry, timeoutMs = EXTRACT_TIMEOUT_MS): ExtractRunner {
  return (html, options) =>
    new Promise<Extracted>((resolve, reject) => {
      const worker = new Worker(entry.file, { execArgv: entry.execArgv ?? [] });
      let settled = false;
      const finish = (error: Error | null, value?: Extracted) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (error) reject(error);
        else resolve(value!);
      };
      const timer = setTimeout(() => finish(new CaptureError('too-large', `${options.where} took longer than ${timeoutMs / 1000} s to read; stopped`)), timeoutMs);
      worker.on('message', (reply: ExtractReply) => {
        if (reply.ok) finish(null, reply.value);
        else finish(reply.code ? new CaptureError(reply.code, reply.message, reply.problem?.reason as CaptureReason | undefined, reply.problem?.params) : new Error(`capture: extraction failed: ${reply.message}`));
      });
      worker.on('error', (error) => finish(new Error(`capture: the extraction worker failed: ${error.message}`)));
      worker.on('exit', (code) => finish(new Error(`capture: the extraction worker stopped (exit code ${code}) before finishing`)));
      const request: ExtractRequest = { html, options };
      worker.postMessage(request);
    });
}

export function defaultExtractor(log?: (message: string) => void, timeoutMs?: number): ExtractRunner {
  const entry = workerEntry();
  if (!entry) {
    log?.('capture: no extraction worker file beside the bundle; pages are read on the main thread');
    return inlineExtractor;
  }
  return workerExtractor(entry, timeoutMs);
}
