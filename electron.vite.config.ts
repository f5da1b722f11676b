import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles. main: the Electron shell, and the plain-Node entries that share
// its code (the `daftar` CLI, the search and capture workers), all CommonJS with
// node_modules left external. preload: CommonJS because a sandboxed preload
// cannot be ESM; it must bundle nothing but `electron` (test/unit/main/preload-bundle.test.ts).
// renderer: the React UI, also served by the local HTTP host.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'src/api/cli/main.ts'),
          'search-worker': resolve(__dirname, 'src/search/worker.ts'),
          'capture-worker': resolve(__dirname, 'src/capture/worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'main/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
