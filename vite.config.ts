import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer alone, for the browser kiosk (npm run start:web) and the end-to-end tests.
// electron.vite.config.ts builds the same renderer for Electron. Two pages: the kiosk (index.html)
// and the administration page the central server serves at /quan-tri/ (admin.html, server/adminUi.ts).
export const rendererConfig = {
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, target: 'chrome120', rollupOptions: { input: { index: resolve('renderer/index.html'), admin: resolve('renderer/admin.html') } } },
};

export default defineConfig(rendererConfig);
