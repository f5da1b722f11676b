import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src/api/host/server';
import { ApiError } from '../../../src/api/errors';
import type { Service } from '../../../src/api/service';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const calls: { method: string; arg: unknown }[] = [];

// Only the methods these tests call; any other would throw, which the host must turn into an envelope.
const fakeService = {
  async getSettings() {
    calls.push({ method: 'getSettings', arg: undefined });
    return { fontSize: 20, lineHeight: 1.9, theme: 'light', uiLanguage: null };
  },
  async search(arg: unknown) {
    calls.push({ method: 'search', arg });
    return { query: (arg as { query: string }).query, mode: 'all', total: 0, groups: [], index: { state: 'ready', progress: 1, documents: 1, passages: 1 } };
  },
  async getDocument(arg: { id: string }) {
    throw new ApiError('not-found', `library: no document ${arg.id}`);
  },
  async listAnnotations() {
    throw new Error('database exploded');
  },
  async close() {},
} as unknown as Service;

let host: RunningHost;
let staticDir: string;
let archiveDir: string;
const TOKEN = 'test-token-0123456789';

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'daftar-host-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Daftar</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, '..', 'daftar-host-secret.txt'), 'secret');
  archiveDir = mkdtempSync(join(tmpdir(), 'daftar-host-archive-'));
  mkdirSync(join(archiveDir, 'media'));
  writeFileSync(join(archiveDir, 'media', 'abc.png'), 'PNGDATA');
  writeFileSync(join(archiveDir, 'media', 'evil.html'), '<script>alert(1)</script>');
  writeFileSync(join(archiveDir, 'manifest.json'), '{"secret": true}');
  host = await startHost({ service: fakeService, staticDir, token: TOKEN, archives: { bundled: archiveDir, user: join(archiveDir, 'missing') } });
});

afterAll(async () => {
  await host.close();
  await host.close(); // close is idempotent
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(join(staticDir, '..', 'daftar-host-secret.txt'), { force: true });
});

function api(method: string, body: unknown, headers: Record<string, string> = {}) {
  return send(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Daftar-Token': TOKEN, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('local host', () => {
  it('binds loopback and prints a URL with the token in the fragment only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.openUrl).toBe(`${host.url}#token=${TOKEN}`);
  });

  it('answers a valid call with an ok envelope', async () => {
    const reply = await api('search', { query: 'أزور' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { query: 'أزور', mode: 'all' } });
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('generates a random token when none is given', async () => {
    const other = await startHost({ service: fakeService, staticDir });
    try {
      expect(other.token).toMatch(/^[0-9a-f]{48}$/);
      expect(other.token).not.toBe(TOKEN);
    } finally {
      await other.close();
    }
  });

  const refused: [string, () => Promise<Reply>, number][] = [
    ['no token', () => api('getSettings', undefined, { 'X-Daftar-Token': '' }), 403],
    ['wrong token', () => api('getSettings', undefined, { 'X-Daftar-Token': 'nope' }), 403],
    ['token of another length', () => api('getSettings', undefined, { 'X-Daftar-Token': TOKEN + 'x' }), 403],
    ['rebinding Host', () => api('getSettings', undefined, { Host: 'evil.example:80' }), 403],
    ['Host with another port', () => api('getSettings', undefined, { Host: '127.0.0.1:1' }), 403],
    ['cross-site Origin', () => api('getSettings', undefined, { Origin: 'https://evil.example' }), 403],
    ['null Origin', () => api('getSettings', undefined, { Origin: 'null' }), 403],
    ['look-alike Origin', () => api('getSettings', undefined, { Origin: `http://127.0.0.1:${host.port}.evil.example` }), 403],
    ['form post content type', () => api('getSettings', undefined, { 'Content-Type': 'application/x-www-form-urlencoded' }), 415],
    ['GET on the API', () => send(host.port, { path: '/api/getSettings', headers: { Host: `127.0.0.1:${host.port}`, 'X-Daftar-Token': TOKEN } }), 405],
    ['unknown method', () => api('dropEverything', {}), 404],
    ['prototype key as method', () => api('__proto__', {}), 404],
    ['not JSON', () => send(host.port, { method: 'POST', path: '/api/search', headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Daftar-Token': TOKEN }, body: '{"query":' }), 400],
    ['wrong argument type', () => api('search', { query: 42 }), 400],
    ['unknown argument', () => api('search', { query: 'x', sql: 'DROP TABLE' }), 400],
    ['oversized query', () => api('search', { query: 'ا'.repeat(501) }), 400],
  ];
  for (const [name, call, status] of refused) {
    it(`refuses ${name} with ${status}`, async () => {
      const before = calls.length;
      const reply = await call();
      expect(reply.status, name).toBe(status);
      expect(calls.length, `${name} must not reach the service`).toBe(before);
      if (reply.headers['content-type']?.toString().startsWith('application/json')) {
        const body = JSON.parse(reply.body);
        expect(body.ok).toBe(false);
        expect(body.error.message.length).toBeGreaterThan(5);
      }
    });
  }

  it('refuses an oversized body without reading it all', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) });
    const reply = await api('search', undefined, {}).then(() =>
      send(host.port, { method: 'POST', path: '/api/search', headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', 'X-Daftar-Token': TOKEN }, body: big }),
    );
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe('too-large');
  });

  it('passes service errors through as envelopes with their code', async () => {
    const missing = await api('getDocument', { id: 'no-such-doc' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error).toEqual({ code: 'not-found', message: 'library: no document no-such-doc' });
    const crash = await api('listAnnotations', {});
    expect(crash.status).toBe(500);
    expect(JSON.parse(crash.body).error).toEqual({ code: 'internal', message: 'database exploded' });
  });

  it('serves the renderer with a strict CSP and no token', async () => {
    const reply = await send(host.port, { path: '/', headers: { Host: `localhost:${host.port}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Daftar</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const js = await send(host.port, { path: '/assets/app.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(js.headers['content-type']).toContain('text/javascript');
  });

  for (const path of ['/../daftar-host-secret.txt', '/%2e%2e/daftar-host-secret.txt', '/assets/..%2f..%2fdaftar-host-secret.txt', '/..%5cdaftar-host-secret.txt', '/%00index.html', '/%E0%A4%A']) {
    it(`never serves a file outside the renderer: ${path}`, async () => {
      const reply = await send(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.body).not.toContain('secret');
    });
  }

  it('serves archive images, and nothing else of the archive', async () => {
    const get = (path: string) => send(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
    const image = await get('/archive/bundled/media/abc.png');
    expect(image.status).toBe(200);
    expect(image.body).toBe('PNGDATA');
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-security-policy']).toContain('sandbox');
    for (const path of ['/archive/bundled/media/evil.html', '/archive/bundled/manifest.json', '/archive/bundled/media/../manifest.json', '/archive/bundled/media/%2e%2e/manifest.json', '/archive/other/media/abc.png', '/archive/user/media/abc.png']) {
      const reply = await get(path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body, path).not.toMatch(/secret|script/);
    }
  });

  it('refuses static files to a rebinding Host too', async () => {
    const reply = await send(host.port, { path: '/', headers: { Host: 'attacker.example' } });
    expect(reply.status).toBe(403);
  });
});
