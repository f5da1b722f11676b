/**
 * The Electron transport of the contract, main side: one `ipcMain.handle` per
 * method (DESIGN.md §3). Each call is checked in the same order:
 *   1. the sender is the app's own top-level page (`app://daftar/…`);
 *   2. the argument passes the method's zod schema (src/api/schemas.ts);
 *   3. the service runs.
 * Every outcome, success or failure, goes back as an Envelope: nothing is
 * thrown across IPC, because a thrown error reaches the page without its code.
 *
 * Takes ipcMain and the trust check as parameters so it tests under plain Node.
 */
import { METHOD_NAMES, channelOf, type Envelope, type MethodName } from '../src/api/contract';
import { parseRequest } from '../src/api/schemas';
import { toErrorShape } from '../src/api/errors';
import type { Service } from '../src/api/service';
import { isAppUrl } from './trusted-url';

/** The part of IpcMainInvokeEvent the checks read. */
export interface InvokeEvent {
  senderFrame?: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEvent) => boolean;
export type Log = (level: 'warn' | 'error', message: string) => void;

/**
 * The default sender check: the app's page in the top frame. A subframe is
 * refused even on app://daftar: the app never embeds frames, so one would be
 * something that slipped past the sanitizer.
 */
export const isTrustedSender: SenderCheck = (event) => {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed mid-call
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url);
};

/** Runs one call end to end; exported for the tests and for anyone wiring a second window. */
export async function handleCall(service: Service, method: MethodName, event: InvokeEvent, args: unknown[], trusted: SenderCheck, log: Log): Promise<Envelope<unknown>> {
  if (!trusted(event)) {
    log('warn', `ipc: ${method}: refused a call from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
    return { ok: false, error: { code: 'bad-request', message: `ipc: ${method}: the caller is not the Daftar window` } };
  }
  if (args.length > 1) {
    return { ok: false, error: { code: 'bad-request', message: `ipc: ${method}: expected at most one argument, got ${args.length}` } };
  }
  try {
    const req = parseRequest(method, args[0]);
    const call = service[method] as (r: unknown) => Promise<unknown>;
    const value = await call.call(service, req);
    return { ok: true, value };
  } catch (error) {
    const shape = toErrorShape(error);
    if (shape.code === 'internal') log('error', `ipc: ${method}: ${shape.message}`);
    return { ok: false, error: shape };
  }
}

/**
 * Registers every contract method; returns an unregister function (used on
 * quit and by tests). Electron's ipcMain throws if a channel already has a
 * handler, which is what we want: two registrations would mean two services
 * answering the same window.
 */
export function registerContract(ipcMain: IpcMainLike, service: Service, trusted: SenderCheck = isTrustedSender, log: Log = () => {}): () => void {
  const registered: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    ipcMain.handle(channel, (event, ...args) => handleCall(service, method, event, args, trusted, log));
    registered.push(channel);
  }
  return () => {
    for (const channel of registered.splice(0)) ipcMain.removeHandler(channel);
  };
}
