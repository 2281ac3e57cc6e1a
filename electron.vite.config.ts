import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

// Output names are fixed: package.json's "main" is out/main/index.js, and main.ts loads
// out/preload/index.cjs, which must be CommonJS because sandboxed preloads cannot be ES modules.
export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('electron/main.ts') } }, externalizeDeps: true },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: rendererConfig,
});
