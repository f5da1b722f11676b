/**
 * The app:// protocol: the only origin the window loads from. It serves
 *   app://daftar/<file>                          the built renderer (out/renderer)
 *   app://daftar/archive/bundled/media/<file>    images of the bundled archive
 *   app://daftar/archive/user/media/<file>       images of the user's archive
 * and nothing else: raw captured pages (`raw/…`) and documents are never
 * served, because untrusted HTML on this origin would run with the bridge.
 *
 * The handler is a plain `(Request) => Promise<Response>` over injected file
 * access, so it tests under Node; `protocol.handle` is only wired in index.ts.
 * Every path goes through resolveInside, then through the real path (a
 * symlink out of the root is refused). HTML carries the CSP header (the one
 * constant in src/api/csp.ts, shared with the browser host); every response
 * carries `nosniff`.
 */
import fs from 'node:fs';
import { extname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../src/api/csp';
import { isWithin, resolveInside } from './resolve-inside';
import { APP_HOST, APP_SCHEME } from './trusted-url';
import { MEDIA_TYPES } from '../src/api/media-types';

/** What Chromium must know before the app is ready: a standard, secure scheme that fetch and module scripts may use. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // Module scripts are fetched in CORS mode; without this, Vite's `<script type="module">` fails to load.
  corsEnabled: true,
  stream: true,
  allowServiceWorkers: false,
  bypassCSP: false,
} as const;

/**
 * For archive media: even if an image is opened as a document (an SVG with a
 * script), it runs nothing.
 */
export const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Must run before `app` is ready. */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export const RENDERER_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  // The UI's own images (favicon, icons): built from our sources, unlike archive media.
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};


export interface FileAccess {
  readFile(path: string): Promise<Uint8Array>;
  realpath(path: string): Promise<string>;
  isFile(path: string): Promise<boolean>;
}

// The callback forms, because Electron's asar support patches them (the renderer lives in app.asar when packaged).
const readFileCb = promisify(fs.readFile);
const realpathCb = promisify(fs.realpath);
const statCb = promisify(fs.stat);
export const nodeFileAccess: FileAccess = {
  readFile: (p) => readFileCb(p),
  realpath: (p) => realpathCb(p),
  isFile: async (p) => (await statCb(p)).isFile(),
};

export interface AppRoots {
  renderer: string;
  archives: { bundled: string; user: string };
}

type Route = { root: string; urlPath: string; types: Readonly<Record<string, string>>; media: boolean };

/** Which folder a URL path belongs to; null for anything the protocol does not serve. */
export function routeOf(pathname: string, roots: AppRoots): Route | null {
  const media = /^\/archive\/(bundled|user)\/media(\/.*)$/.exec(pathname);
  if (media) {
    const location = media[1] as 'bundled' | 'user';
    return { root: resolve(roots.archives[location], 'media'), urlPath: media[2]!, types: MEDIA_TYPES, media: true };
  }
  if (pathname === '/archive' || pathname.startsWith('/archive/')) return null;
  return { root: resolve(roots.renderer), urlPath: pathname === '/' ? '/index.html' : pathname, types: RENDERER_TYPES, media: false };
}

function text(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...extra },
  });
}

export function createAppHandler(roots: AppRoots, files: FileAccess = nodeFileAccess): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'app: only GET and HEAD', { allow: 'GET, HEAD' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'app: malformed URL');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
      return text(404, 'app: not found');
    }
    const route = routeOf(url.pathname, roots);
    const candidate = route && resolveInside(route.root, route.urlPath);
    if (!route || !candidate) return text(404, 'app: not found');
    const type = route.types[extname(candidate).toLowerCase()] ?? (route.media ? undefined : 'application/octet-stream');
    if (!type) return text(404, 'app: not found');
    let body: Uint8Array;
    try {
      // Resolve symlinks on both sides: a link inside the root that points outside it is refused.
      const [realRoot, realFile] = await Promise.all([files.realpath(route.root), files.realpath(candidate)]);
      if (!isWithin(realRoot, realFile) || realRoot === realFile || !(await files.isFile(realFile))) return text(404, 'app: not found');
      body = await files.readFile(realFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return text(404, 'app: not found');
      return text(500, `app: could not read ${url.pathname}: ${code ?? 'error'}`);
    }
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['cache-control'] = 'no-cache';
    }
    if (route.media) headers['content-security-policy'] = MEDIA_CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers });
  };
}

/** Wires the handler on the default session's protocol; call once, after `app` is ready. */
export function serveAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, roots: AppRoots, files?: FileAccess): void {
  protocol.handle(APP_SCHEME, createAppHandler(roots, files));
}
