/**
 * Reading a response body without trusting it: the Content-Length is checked
 * first (when honest it refuses early), then the stream is counted chunk by
 * chunk and cancelled as soon as it passes the limit, so a hostile or endless
 * body never sits whole in memory.
 */
import { CaptureError } from './errors';
import { formatBytes } from './limits';

export async function readLimitedBody(response: Response, maxBytes: number, what: string, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new CaptureError('too-large', `${what} is ${formatBytes(declared)}, over the limit of ${formatBytes(maxBytes)}`, 'page-too-large', { limit: formatBytes(maxBytes) });
  }
  if (!response.body) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // An injected fetch may not tie its stream to the signal; racing the read makes the time limit hold anyway.
  const aborted = signal
    ? new Promise<never>((_, reject) => {
        const fail = () => reject(signal.reason ?? new Error('aborted'));
        if (signal.aborted) fail();
        else signal.addEventListener('abort', fail, { once: true });
      })
    : null;
  aborted?.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = aborted ? await Promise.race([reader.read(), aborted]) : await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        throw new CaptureError('too-large', `${what} is over the limit of ${formatBytes(maxBytes)} (stopped reading at ${formatBytes(total)})`, 'page-too-large', { limit: formatBytes(maxBytes) });
      }
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
