// Lint, and the import direction of DESIGN.md: renderer → shared, electron → shared, server → shared.
// shared/ may import nothing that ties it to a runtime; its tsconfig also has no DOM or Node types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { rendererLayersRule } from './eslint/rendererLayers.js';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'stream', 'events', 'util', 'zlib', 'worker_threads'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        crypto: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-undef': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      ['**/renderer/**', '**/electron/**', '**/server/**', 'electron', 'react', 'react-dom', 'dexie', 'fastify', 'pg', '@electric-sql/*', 'usb', 'serialport', '@napi-rs/*', ...NODE_BUILTINS],
      'shared/ là TypeScript thuần: không DOM, không Node, không Electron, không import từ renderer/electron/server.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: restrict(
      ['**/electron/**', '**/server/**', 'electron', 'fastify', 'pg', 'usb', 'serialport', '@napi-rs/*', ...NODE_BUILTINS],
      'renderer/ chỉ nói chuyện với máy qua KioskHost (shared/host.ts) và với máy chủ qua HTTP.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { motcua: { rules: { 'renderer-layers': rendererLayersRule } } },
    rules: { 'motcua/renderer-layers': 'error' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/server/**'], 'electron/ chỉ import shared/.'),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/server/**', 'electron'], 'electron/services là Node thuần: không import electron.'),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/electron/**', 'electron'], 'server/ chỉ import shared/.'),
  },
);
