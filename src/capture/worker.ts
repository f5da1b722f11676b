/**
 * The extraction worker: a worker_threads entry that runs extractHtml off the
 * main thread, so a slow page never freezes the Electron main process and a
 * runaway one can be stopped (extract-runner.ts terminates it at the time
 * limit). Bundled as out/main/capture-worker.js; in development and tests
 * extract-runner.ts runs this file through tsx. No state between requests.
 */
import { parentPort } from 'node:worker_threads';
import { CaptureError } from './errors';
import { extractHtml } from './extract';
import type { ExtractReply, ExtractRequest } from './extract-runner';

function handle(request: ExtractRequest): ExtractReply {
  try {
    return { ok: true, value: extractHtml(request.html, request.options) };
  } catch (error) {
    if (error instanceof CaptureError) return { ok: false, code: error.code, message: error.message, ...(error.problem ? { problem: error.problem } : {}) };
    return { ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const port = parentPort;
if (port) port.on('message', (request: ExtractRequest) => port.postMessage(handle(request)));
