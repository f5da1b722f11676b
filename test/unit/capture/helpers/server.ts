/**
 * A local HTTP server for capture tests: 127.0.0.1, port 0, one handler per
 * path. Every test page is written by us (test/fixtures/capture) or built in
 * the test; nothing here touches the real network. close() also destroys
 * hanging sockets, so a "never answers" route cannot keep vitest alive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  /** Requests seen, with their headers, for asserting what capture sends. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'capture');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** A valid 1×1 PNG. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export function send(status: number, type: string | null, body: string | Uint8Array, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
    res.end(body);
  };
}

export function redirect(to: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const handler = routes[path];
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })),
  };
}

/** Encodes text in a single-byte legacy encoding by inverting TextDecoder's table (so the test does not trust our decoder to build its input). */
export function encodeSingleByte(text: string, encoding: 'windows-1256' | 'iso-8859-6'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text) {
    const byte = table.get(ch);
    if (byte === undefined) throw new Error(`test: ${JSON.stringify(ch)} has no byte in ${encoding}`);
    out.push(byte);
  }
  return new Uint8Array(out);
}
