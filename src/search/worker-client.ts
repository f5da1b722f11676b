/**
 * Runs one index build in a worker thread (worker.ts) and resolves with the
 * serialised index. One worker per build, terminated when done or cancelled:
 * builds are rare (after a capture or import) and a fresh thread frees all the
 * builder's memory at once.
 *
 * Which file the worker runs: the bundled out/main/search-worker.js when this
 * code runs from the bundle (beside it, or one folder up from a shared chunk);
 * otherwise src/search/worker.ts
 * through tsx (`--import tsx`), which is what tests and `npx tsx` runs use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexInput } from './passages';
import type { BuildMessage, BuildRequest } from './worker-protocol';

export interface WorkerEntry {
  file: string;
  execArgv?: string[];
}

export function defaultWorkerEntry(dir: string = __dirname): WorkerEntry {
  // The bundler may put this code in out/main/ or in a shared chunk under out/main/chunks/.
  for (const bundled of [join(dir, 'search-worker.js'), join(dir, '..', 'search-worker.js')]) {
    if (existsSync(bundled)) return { file: bundled };
  }
  return { file: join(dir, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

export interface BuildJob {
  promise: Promise<string>;
  /** Stops the build; the promise rejects with a cancellation error. Idempotent. */
  cancel(): void;
}

export class BuildCancelled extends Error {
  override name = 'BuildCancelled';
  constructor() {
    super('search: index build cancelled');
  }
}

export function buildInWorker(entry: WorkerEntry, input: IndexInput, contentHash: string, onProgress?: (done: number, total: number) => void): BuildJob {
  const worker = new Worker(entry.file, { execArgv: entry.execArgv ?? [] });
  let settled = false;
  let cancel = () => undefined as void;
  const promise = new Promise<string>((resolve, reject) => {
    const finish = (error: Error | null, value?: string) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(value!);
    };
    cancel = () => finish(new BuildCancelled());
    worker.on('message', (message: BuildMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish(null, message.serialised);
      else finish(new Error(message.message));
    });
    worker.on('error', (error) => finish(new Error(`search: the index worker failed: ${error.message}`)));
    worker.on('exit', (code) => finish(new Error(`search: the index worker stopped (exit code ${code}) before finishing`)));
    const request: BuildRequest = { type: 'build', input, contentHash };
    worker.postMessage(request);
  });
  return { promise, cancel: () => cancel() };
}
