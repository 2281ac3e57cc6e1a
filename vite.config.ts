import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer alone, for the browser kiosk (npm run start:web) and the end-to-end tests.
// electron.vite.config.ts builds the same renderer for Electron.
export const rendererConfig = {
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, target: 'chrome120' },
};

export default defineConfig(rendererConfig);
