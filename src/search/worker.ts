/**
 * The build worker: a worker_threads entry that builds and serialises an index
 * off the main thread, reporting progress. Bundled by electron-vite as
 * out/main/search-worker.js; in development and tests worker-client.ts runs
 * this file through tsx. It holds no state between builds.
 */
import { parentPort } from 'node:worker_threads';
import { buildSearchIndex } from './build';
import { serializeIndex } from './index-store';
import type { BuildMessage, BuildRequest } from './worker-protocol';

function handle(request: BuildRequest, post: (message: BuildMessage) => void): void {
  try {
    if (request?.type !== 'build') throw new Error(`search worker: unknown request ${JSON.stringify((request as { type?: unknown })?.type)}`);
    const index = buildSearchIndex(request.input, request.contentHash, (done, total) => post({ type: 'progress', done, total }));
    post({ type: 'done', serialised: serializeIndex(index) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

const port = parentPort;
if (port) port.on('message', (request: BuildRequest) => handle(request, (message) => port.postMessage(message)));
