import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/api/csp';
import { APP_SCHEME_PRIVILEGES, MEDIA_CONTENT_SECURITY_POLICY, createAppHandler, registerAppScheme, routeOf, serveAppProtocol, type AppRoots } from '../../../main/protocol';

let dir: string;
let roots: AppRoots;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-protocol-'));
  const renderer = join(dir, 'renderer');
  const bundled = join(dir, 'archive');
  const outside = join(dir, 'outside');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(join(bundled, 'media'), { recursive: true });
  mkdirSync(join(bundled, 'raw', 'x'), { recursive: true });
  mkdirSync(join(bundled, 'documents'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Daftar</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'naskh.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(renderer, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(renderer, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(outside, 'secret.txt'), 'SECRET');
  writeFileSync(join(bundled, 'media', 'figure.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(bundled, 'media', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  writeFileSync(join(bundled, 'media', 'page.html'), '<script>steal()</script>');
  writeFileSync(join(bundled, 'raw', 'x', '1.html'), '<script>steal()</script>');
  writeFileSync(join(bundled, 'documents', 'article.json'), '{}');
  writeFileSync(join(bundled, 'manifest.json'), '{}');
  symlinkSync(join(outside, 'secret.txt'), join(renderer, 'assets', 'leak.js'));
  symlinkSync(outside, join(renderer, 'linked-dir'));
  symlinkSync(join(outside, 'secret.txt'), join(bundled, 'media', 'leak.png'));
  roots = { renderer, archives: { bundled, user: join(dir, 'user-archive-that-does-not-exist') } };
  handler = createAppHandler(roots);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A request-like object: undici's Request refuses some hostile URLs (credentials) before they reach us; Chromium may not.
const get = (url: string, method = 'GET') => handler({ url, method } as Request);

describe('app:// handler: what it serves', () => {
  it('serves index.html for / and /index.html with the CSP header and nosniff', async () => {
    for (const url of ['app://daftar/', 'app://daftar/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>Daftar</title>');
    }
  });

  it.each([
    ['app://daftar/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://daftar/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://daftar/assets/naskh.woff2', 'font/woff2'],
    ['app://daftar/assets/blob.bin', 'application/octet-stream'],
    ['app://daftar/favicon.svg', 'image/svg+xml'],
    ['app://daftar/archive/bundled/media/figure.png', 'image/png'],
    ['app://daftar/archive/bundled/media/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sandboxes archive media (an SVG opened as a page runs nothing) and sends no page CSP on scripts', async () => {
    expect((await get('app://daftar/archive/bundled/media/logo.svg')).headers.get('content-security-policy')).toBe(MEDIA_CONTENT_SECURITY_POLICY);
    expect((await get('app://daftar/assets/index-abc.js')).headers.get('content-security-policy')).toBeNull();
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://daftar/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://daftar/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('app:// handler: hostile requests', () => {
  it.each([
    ['app://daftar/../../etc/passwd', 'parent segments (normalised away by URL, must stay inside)'],
    ['app://daftar/%2e%2e/%2e%2e/etc/passwd', 'encoded parents'],
    ['app://daftar/..%2f..%2fetc%2fpasswd', 'encoded slashes'],
    ['app://daftar/..%5c..%5coutside%5csecret.txt', 'encoded backslashes'],
    ['app://daftar/assets/index-abc.js%00.png', 'NUL'],
    ['app://daftar/assets/leak.js', 'a symlink out of the root'],
    ['app://daftar/linked-dir/secret.txt', 'a symlinked folder out of the root'],
    ['app://daftar/archive/bundled/media/leak.png', 'a symlinked image out of the media folder'],
    ['app://daftar/archive/bundled/raw/x/1.html', 'raw captured HTML is never served'],
    ['app://daftar/archive/bundled/documents/article.json', 'documents are not served'],
    ['app://daftar/archive/bundled/manifest.json', 'the manifest is not served'],
    ['app://daftar/archive/bundled/media/page.html', 'HTML in the media folder'],
    ['app://daftar/archive/bundled/media/%2e%2e/manifest.json', 'encoded parent out of media'],
    ['app://daftar/archive/other/media/figure.png', 'an unknown archive'],
    ['app://daftar/archive/user/media/figure.png', 'a user archive that does not exist yet'],
    ['app://daftar/assets/', 'a folder'],
    ['app://daftar/assets', 'a folder without slash'],
    ['app://daftar/missing.js', 'a missing file'],
    ['app://evil/index.html', 'another host'],
    ['app://daftar:81/index.html', 'a port'],
    ['app://x@daftar/index.html', 'credentials'],
  ])('404 for %s (%s)', async (url, why) => {
    const res = await get(url);
    expect(res.status, why).toBe(404);
    expect(await res.text(), why).toBe('app: not found');
  });

  it('reports an unexpected read error as 500 naming the path, without the file system path', async () => {
    const failing = createAppHandler(roots, {
      realpath: async (p) => p,
      isFile: async () => true,
      readFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied, open /secret/place'), { code: 'EACCES' });
      },
    });
    const res = await failing(new Request('app://daftar/index.html'));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('app: could not read /index.html: EACCES');
  });
});

describe('routeOf', () => {
  it('routes media to <archive>/media and everything else to the renderer', () => {
    expect(routeOf('/archive/user/media/a.png', roots)).toMatchObject({ root: join(roots.archives.user, 'media'), urlPath: '/a.png', media: true });
    expect(routeOf('/', roots)).toMatchObject({ root: roots.renderer, urlPath: '/index.html', media: false });
    expect(routeOf('/archive', roots)).toBeNull();
    expect(routeOf('/archive/bundled/documents/a.json', roots)).toBeNull();
  });
});

describe('registration', () => {
  it('registers app: as a standard, secure, fetch- and CORS-enabled scheme without CSP bypass or service workers', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, bypassCSP: false, allowServiceWorkers: false });
  });

  it('handles the app scheme with a working handler', async () => {
    const handle = vi.fn();
    serveAppProtocol({ handle }, roots);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const served = handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    expect((await served(new Request('app://daftar/index.html'))).status).toBe(200);
  });
});
