/**
 * The local HTTP host: the contract as JSON over loopback, plus the built
 * renderer as static files, so the real UI runs in any browser on this
 * computer (and in the end-to-end tests).
 *
 *   GET  /…             static files of the renderer (no user data in them)
 *   POST /api/<method>  body: the request as JSON; header X-Daftar-Token;
 *                       answer: Envelope<T> as JSON
 *
 * Binds 127.0.0.1 only; checks Host (DNS rebinding), Origin (CSRF) and the
 * per-run token (guards.ts). The API demands `application/json`, which a
 * cross-site form cannot send without a preflight we never grant.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { ApiErrorCode, Envelope, MethodName } from '../contract';
import { ApiError, toErrorShape } from '../errors';
import { isMethodName, parseRequest } from '../schemas';
import type { Service } from '../service';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { MEDIA_TYPES } from '../media-types';
import { isAllowedHost, isAllowedOrigin, staticFileFor, tokenMatches } from './guards';

export interface HostOptions {
  service: Service;
  /** Folder of the built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Archive folders whose images the UI shows at /archive/<bundled|user>/media/<file>, as in Electron. */
  archives?: { bundled: string; user: string };
}

export interface RunningHost {
  url: string;
  /** The URL a user opens: the token travels in the fragment, which browsers never send to servers or in Referer. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Bodies over these sizes are refused before parsing (413). */
export const BODY_LIMITS: Partial<Record<MethodName, number>> & { default: number } = {
  default: 1024 * 1024,
  importFile: 30 * 1024 * 1024,
  importAnnotations: 21 * 1024 * 1024,
};

const STATUS_OF: Record<ApiErrorCode, number> = {
  'bad-request': 400,
  'not-found': 404,
  'invalid-archive': 409,
  conflict: 409,
  'too-large': 413,
  unsupported: 501,
  network: 502,
  internal: 500,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};


const MEDIA_ROUTE = /^\/archive\/(bundled|user)\/media(\/.*)$/;

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorShape(error) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, 'daftar host: this Host is not allowed');
    if (!isAllowedOrigin(header(req, 'origin'), port)) return sendText(res, 403, 'daftar host: cross-origin requests are not allowed');
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'daftar host: only GET for files');
    return serveStatic(req, res, path);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'bad-request', 'API calls use POST');
    if (!tokenMatches(header(req, 'x-daftar-token'), token)) return sendError(res, 403, 'bad-request', 'daftar host: missing or wrong token (open the URL that `daftar serve` printed)');
    if (!isMethodName(name)) return sendError(res, 404, 'not-found', `daftar host: no method ${JSON.stringify(name.slice(0, 64))}`);
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return sendError(res, 415, 'bad-request', 'daftar host: the body must be application/json');
    }
    const limit = BODY_LIMITS[name] ?? BODY_LIMITS.default;
    const body = await readBody(req, limit);
    if (body === 'too-large') return sendError(res, 413, 'too-large', `daftar host: ${name}: the request is larger than ${limit} bytes`);
    let payload: unknown;
    try {
      payload = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendError(res, 400, 'bad-request', `daftar host: ${name}: the body is not valid JSON`);
    }
    try {
      const request = parseRequest(name, payload);
      const call = options.service[name] as (arg: unknown) => Promise<unknown>;
      const value = await call.call(options.service, request);
      sendJson(res, 200, { ok: true, value } satisfies Envelope<unknown>);
    } catch (error) {
      const shape = toErrorShape(error);
      sendJson(res, error instanceof ApiError ? STATUS_OF[shape.code] : 500, { ok: false, error: shape } satisfies Envelope<never>);
    }
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    const media = MEDIA_ROUTE.exec(urlPath);
    if (urlPath.startsWith('/archive/') && !(media && options.archives)) return sendText(res, 404, 'daftar host: not found');
    const root = media ? join(options.archives![media[1] as 'bundled' | 'user'], 'media') : options.staticDir;
    const file = staticFileFor(root, media ? media[2]! : urlPath);
    if (!file) return sendText(res, 400, 'daftar host: bad path');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return sendText(res, 404, 'daftar host: not found');
    const type = (media ? MEDIA_TYPES : CONTENT_TYPES)[extname(file).toLowerCase()];
    if (!type) return sendText(res, media ? 404 : 415, 'daftar host: not a file type the reader serves');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': type,
      'Content-Length': String(info.size),
      'Cache-Control': 'no-cache',
      ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
      ...(media ? { 'Content-Security-Policy': "sandbox; default-src 'none'" } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  let closing: Promise<void> | undefined;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      (closing ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      })),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads at most `limit` bytes; stops reading (and says so) past it rather than buffering an attacker's upload. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        resolveBody('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Envelope<never>);
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}
