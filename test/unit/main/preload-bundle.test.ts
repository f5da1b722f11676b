/**
 * The preload bundle, built exactly as `npm run build` builds it (electron-vite's
 * resolved preload config from electron.vite.config.ts) into a temporary folder,
 * so this test never depends on a stale out/ and never skips.
 *
 * A sandboxed preload can require only a few built-ins; ours must require
 * nothing but `electron` (DESIGN.md §2). The bundle is then run in a fresh VM
 * context with a fake `electron`, to check what it really exposes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../src/api/contract';

const repo = resolve(__dirname, '../../..');
let outDir: string;
let code: string;

beforeAll(async () => {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ configFile: join(repo, 'electron.vite.config.ts'), root: repo }, 'build', 'production');
  const preload = resolved.config?.preload;
  if (!preload?.build) throw new Error('preload-bundle: electron.vite.config.ts has no preload build');
  outDir = mkdtempSync(join(tmpdir(), 'daftar-preload-'));
  await build({ ...preload, logLevel: 'error', build: { ...preload.build, outDir, emptyOutDir: true } });
  code = readFileSync(join(outDir, 'preload.js'), 'utf8');
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the built preload bundle', () => {
  it('requires electron and nothing else', () => {
    const required = [...code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)].map((m) => m[1]!.trim());
    expect(required).toEqual(['"electron"']);
  });

  it('is CommonJS: no import statements, no dynamic import (a sandboxed preload cannot load ESM)', () => {
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*export\s/m);
  });

  it('bundles no validation library or Node built-in (zod belongs in main)', () => {
    expect(code).not.toMatch(/node:|ZodError|from ['"]zod/);
  });

  it('exposes window.daftar with invoke, api, methods, transport — and nothing but contract channels reach IPC', async () => {
    const exposed: Record<string, any> = {};
    const invoke = vi.fn(async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } }));
    const electron = {
      contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => (exposed[key] = value)) },
      ipcRenderer: { invoke },
    };
    const requireFake = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`preload required ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: requireFake, module, exports: module.exports }, { filename: 'preload.js' });

    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(exposed)).toEqual(['daftar']);
    const bridge = exposed.daftar;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'bridgeVersion', 'invoke', 'methods', 'transport']);
    expect(bridge.transport).toBe('electron');
    expect([...bridge.methods]).toEqual([...METHOD_NAMES]);
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    await expect(bridge.invoke('getDocument', { id: 'article' })).resolves.toEqual({ ok: true, value: { channel: 'daftar:getDocument', req: { id: 'article' } } });
    await expect(bridge.api.getLibrary()).resolves.toEqual({ ok: true, value: { channel: 'daftar:getLibrary', req: undefined } });
    const refused = await bridge.invoke('some:other:channel', {});
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('bad-request');
    expect(invoke).toHaveBeenCalledTimes(2);
  });
});
