/**
 * The preload: exposes the contract to the page as `window.daftar` and nothing
 * else (no ipcRenderer, no Node). Runs sandboxed, so it is CommonJS and its
 * bundle may require only `electron` (test/unit/main/preload-bundle.test.ts).
 * The shape of `window.daftar` lives in bridge.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, type DaftarBridge } from './bridge';

const bridge = createBridge((channel, req) => ipcRenderer.invoke(channel, req)) satisfies DaftarBridge;

contextBridge.exposeInMainWorld('daftar', bridge);
