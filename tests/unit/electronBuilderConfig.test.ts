// The CI check of electron-builder.yml (the stand-in for `electron-builder --dir` where Electron cannot
// be downloaded): the real file passes, and each way of breaking it is caught.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'scripts/checkBuilderConfig.mjs');

type Checker = { checkBuilderConfig: (options: { root: string; configFile: string }) => string[] };
// In process, so the large schema is compiled once for all the variants below.
const checker = import(pathToFileURL(script).href) as Promise<Checker>;

async function check(configFile: string) {
  const errors = (await checker).checkBuilderConfig({ root, configFile });
  return { status: errors.length ? 1 : 0, output: errors.join('\n') };
}

async function variant(edit: (yaml: string) => string) {
  const original = await readFile(join(root, 'electron-builder.yml'), 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const file = join(await mkdtemp(join(tmpdir(), 'motcua-builder-')), 'electron-builder.yml');
  await writeFile(file, edited);
  return check(file);
}

describe('electron-builder.yml', () => {
  test('passes electron-builder’s schema and the project’s own rules', async () => {
    expect(await check(join(root, 'electron-builder.yml'))).toEqual({ status: 0, output: '' });
  });

  test('the command line reports in Vietnamese and English and sets the exit code', () => {
    const run = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
    expect(run.stdout).toContain('Cấu hình đóng gói hợp lệ / electron-builder configuration OK');
    expect(run.status).toBe(0);
  });

  test.each([
    ['a key electron-builder does not know', (y: string) => y.replace('appId:', 'appIdentifier:'), /lược đồ electron-builder.*appIdentifier/],
    ['a value of the wrong type', (y: string) => y.replace('oneClick: false', 'oneClick: "sometimes"'), /lược đồ electron-builder: \/nsis\/oneClick/],
    ['RUN_AS_NODE left on', (y: string) => y.replace('runAsNode: false', 'runAsNode: true'), /electronFuses\.runAsNode phải là false/],
    ['ASAR integrity off', (y: string) => y.replace('enableEmbeddedAsarIntegrityValidation: true', 'enableEmbeddedAsarIntegrityValidation: false'), /enableEmbeddedAsarIntegrityValidation/],
    ['inspect arguments allowed', (y: string) => y.replace('enableNodeCliInspectArguments: false', 'enableNodeCliInspectArguments: true'), /enableNodeCliInspectArguments/],
    ['usb packed inside the asar', (y: string) => y.replace('  - node_modules/usb/**/*\n', ''), /asarUnpack thiếu node_modules\/usb\//],
    ['serialport packed inside the asar', (y: string) => y.replace('  - node_modules/@serialport/**/*\n', ''), /asarUnpack thiếu node_modules\/@serialport\//],
    ['a per-user installer', (y: string) => y.replace('perMachine: true', 'perMachine: false'), /perMachine/],
    ['no deb package', (y: string) => y.replace('[AppImage, deb]', '[AppImage]'), /linux\.target thiếu deb/],
    ['the built code left out', (y: string) => y.replace('  - out/**/*\n', ''), /files phải gồm out/],
    ['a missing Windows icon', (y: string) => y.replace('icon: build/icon.ico', 'icon: build/missing.ico'), /không có biểu tượng Windows/],
  ])('catches %s', async (_what, edit, message) => {
    const result = await variant(edit);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(message);
  });
});
