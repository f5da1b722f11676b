import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelOf, type Envelope, type MethodName } from '../../../src/api/contract';
import { ApiError } from '../../../src/api/errors';
import type { Service } from '../../../src/api/service';
import { isTrustedSender, registerContract, type InvokeEvent, type IpcMainLike } from '../../../main/ipc';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

function fakeService(overrides: Partial<Record<MethodName, (req: unknown) => Promise<unknown>>> = {}) {
  const calls: { method: MethodName; req: unknown }[] = [];
  const service = { close: async () => {} } as Record<string, unknown>;
  for (const method of METHOD_NAMES) {
    service[method] = async (req: unknown) => {
      calls.push({ method, req });
      const override = overrides[method];
      return override ? override(req) : { served: method };
    };
  }
  return { service: service as unknown as Service, calls };
}

const appFrame: InvokeEvent = { senderFrame: { url: 'app://daftar/index.html', parent: null } };

async function call(handlers: Map<string, Listener>, method: MethodName, event: InvokeEvent, ...args: unknown[]): Promise<Envelope<unknown>> {
  const handler = handlers.get(channelOf(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  return (await handler(event, ...args)) as Envelope<unknown>;
}

describe('registerContract', () => {
  it('registers exactly one handler per contract method, on its channel, and unregisters them all', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unregister = registerContract(ipc, fakeService().service);
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    expect(handlers.size).toBe(METHOD_NAMES.length);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('validates, calls the service with the parsed request and wraps the value', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const { service, calls } = fakeService();
    registerContract(ipc, service);
    await expect(call(handlers, 'getDocument', appFrame, { id: 'article' })).resolves.toEqual({ ok: true, value: { served: 'getDocument' } });
    // Methods without a request get undefined whatever empty shape the page sends.
    await expect(call(handlers, 'getLibrary', appFrame, {})).resolves.toEqual({ ok: true, value: { served: 'getLibrary' } });
    expect(calls).toEqual([
      { method: 'getDocument', req: { id: 'article' } },
      { method: 'getLibrary', req: undefined },
    ]);
  });

  it.each<[MethodName, unknown, RegExp]>([
    ['getDocument', undefined, /^getDocument: /],
    ['getDocument', { id: 42 }, /^getDocument: .*id/],
    ['getDocument', { id: 'a', extra: true }, /^getDocument: /],
    ['search', { query: 'x'.repeat(501) }, /^search: .*query/],
    ['createAnnotation', { docId: 'a', start: 5, end: 2, color: 'yellow' }, /end must be after start/],
    ['setSettings', { fontSize: 99 }, /^setSettings: .*fontSize/],
    ['openExternal', { url: 42 }, /^openExternal: .*url/],
    ['getLibrary', { sneaky: 1 }, /^getLibrary: /],
    ['deleteAnnotation', { id: '../../etc/passwd' }, /urn:uuid/],
  ])('answers %s with a bad-request envelope for %j, without calling the service', async (method, req, message) => {
    const { ipc, handlers } = fakeIpcMain();
    const { service, calls } = fakeService();
    registerContract(ipc, service);
    const env = await call(handlers, method, appFrame, req);
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('bad-request');
      expect(env.error.message).toMatch(message);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a second argument', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerContract(ipc, fakeService().service);
    await expect(call(handlers, 'getLibrary', appFrame, undefined, 'more')).resolves.toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'ipc: getLibrary: expected at most one argument, got 2' },
    });
  });

  it.each<[string, InvokeEvent]>([
    ['no frame (navigated away)', { senderFrame: null }],
    ['missing senderFrame', {}],
    ['a web page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a page naming the app in its query', { senderFrame: { url: 'https://evil.example/?app://daftar/', parent: null } }],
    ['a file: page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['another app:// host', { senderFrame: { url: 'app://other/index.html', parent: null } }],
    ['app:// with credentials', { senderFrame: { url: 'app://x@daftar/index.html', parent: null } }],
    ['a subframe of the app', { senderFrame: { url: 'app://daftar/index.html', parent: { url: 'app://daftar/index.html' } } }],
    ['about:blank', { senderFrame: { url: 'about:blank', parent: null } }],
  ])('rejects an untrusted sender: %s', async (_why, event) => {
    const { ipc, handlers } = fakeIpcMain();
    const { service, calls } = fakeService();
    const log = vi.fn();
    registerContract(ipc, service, isTrustedSender, log);
    const env = await call(handlers, 'getLibrary', event);
    expect(env).toEqual({ ok: false, error: { code: 'bad-request', message: 'ipc: getLibrary: the caller is not the Daftar window' } });
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalledWith('warn', expect.stringMatching(/untrusted sender/));
  });

  it('uses the sender check it is given', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const check = vi.fn(() => false);
    registerContract(ipc, fakeService().service, check);
    const env = await call(handlers, 'getAppInfo', appFrame);
    expect(check).toHaveBeenCalledWith(appFrame);
    expect(env.ok).toBe(false);
  });

  it('keeps the code of an ApiError and reports other throws as internal (logged), never rejecting', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const log = vi.fn();
    const { service } = fakeService({
      getDocument: async () => {
        throw new ApiError('not-found', 'library: no document "nope"');
      },
      search: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
      getLibrary: async () => {
        throw 'a string';
      },
    });
    registerContract(ipc, service, isTrustedSender, log);
    await expect(call(handlers, 'getDocument', appFrame, { id: 'nope' })).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'library: no document "nope"' } });
    await expect(call(handlers, 'search', appFrame, { query: 'x' })).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'cannot read properties of undefined' } });
    await expect(call(handlers, 'getLibrary', appFrame)).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'a string' } });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('property: whatever a page sends, every handler resolves to an envelope and never throws', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerContract(ipc, fakeService().service);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), fc.anything(), async (method, req) => {
        const env = await call(handlers, method, appFrame, req);
        expect(typeof env.ok).toBe('boolean');
        if (!env.ok) expect(env.error.code).toBe('bad-request');
      }),
      { numRuns: 300 },
    );
  });
});
