import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelOf } from '../../../src/api/contract';
import { asEnvelope, createBridge } from '../../../main/bridge';

describe('createBridge (what window.daftar is)', () => {
  it('has the declared shape: transport, version, methods, invoke and one api function per method', () => {
    const bridge = createBridge(async () => ({ ok: true, value: null }));
    expect(bridge.transport).toBe('electron');
    expect(bridge.bridgeVersion).toBe(1);
    expect([...bridge.methods]).toEqual([...METHOD_NAMES]);
    expect(typeof bridge.invoke).toBe('function');
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('sends each method on its own channel with the request unchanged', async () => {
    const invoke = vi.fn(async (_channel: string, req: unknown) => ({ ok: true, value: { echoed: req } }));
    const bridge = createBridge(invoke);
    const env = await bridge.invoke('getDocument', { id: 'article' });
    expect(invoke).toHaveBeenCalledWith(channelOf('getDocument'), { id: 'article' });
    expect(env).toEqual({ ok: true, value: { echoed: { id: 'article' } } });
    await bridge.api.search({ query: 'مايكروسوفت' });
    expect(invoke).toHaveBeenLastCalledWith('daftar:search', { query: 'مايكروسوفت' });
  });

  it('passes error envelopes through with code and message intact (nothing is thrown across contextBridge)', async () => {
    const bridge = createBridge(async () => ({ ok: false, error: { code: 'not-found', message: 'library: no document "x"' } }));
    await expect(bridge.invoke('getDocument', { id: 'x' })).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'library: no document "x"' } });
  });

  it.each([['ipcRenderer'], ['daftar:getLibrary'], ['__proto__'], ['constructor'], ['toString'], [''], [42], [null]])(
    'refuses to invoke %s: only contract methods reach IPC',
    async (method) => {
      const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
      const env = await createBridge(invoke).invoke(method as never);
      expect(invoke).not.toHaveBeenCalled();
      expect(env).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!env.ok) expect(env.error.message).toMatch(/^bridge: unknown method/);
    },
  );

  it('turns a rejected invoke (no handler in main) into an internal envelope naming the method', async () => {
    const bridge = createBridge(async () => {
      throw new Error("No handler registered for 'daftar:getLibrary'");
    });
    await expect(bridge.invoke('getLibrary')).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: "bridge: getLibrary: No handler registered for 'daftar:getLibrary'" },
    });
  });
});

describe('asEnvelope', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['ok', 'a string'],
    [{ ok: true }, 'ok without value'],
    [{ ok: false }, 'failure without error'],
    [{ ok: false, error: { code: 1, message: 'x' } }, 'numeric code'],
    [{ ok: false, error: { code: 'internal' } }, 'no message'],
    [{ ok: 'yes', value: 1 }, 'ok not a boolean'],
  ])('reports a malformed reply (%s) as internal', (reply, why) => {
    expect(asEnvelope(reply, 'getLibrary'), why).toEqual({ ok: false, error: { code: 'internal', message: 'bridge: getLibrary: the main process sent a malformed reply' } });
  });

  it('passes a well-formed problem through and drops a hostile one, keeping the error', () => {
    const problem = { reason: 'http-status', params: { status: 404 } };
    expect(asEnvelope({ ok: false, error: { code: 'network', message: 'm', problem } }, 'captureSource')).toEqual({ ok: false, error: { code: 'network', message: 'm', problem } });
    for (const bad of [{ reason: 'x'.repeat(41), params: {} }, { reason: 'ok', params: { html: '<b>'.repeat(200) } }, { reason: 'ok', params: [1] }, { reason: 'ok', params: { a: { nested: 1 } } }, 'http-status']) {
      expect(asEnvelope({ ok: false, error: { code: 'network', message: 'm', problem: bad } }, 'captureSource')).toEqual({ ok: false, error: { code: 'network', message: 'm' } });
    }
  });

  it('keeps a success whose value is null or falsy', () => {
    expect(asEnvelope({ ok: true, value: 0 }, 'm')).toEqual({ ok: true, value: 0 });
    expect(asEnvelope({ ok: true, value: null }, 'm')).toEqual({ ok: true, value: null });
  });
});
