// `npm run start:web` and the end-to-end tests start this: the kiosk's machine services
// behind loopback HTTP, serving the built renderer. Prints one JSON line with the URL when ready.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCredentialStore } from '../services/credential';
import { createKioskHost } from '../services/kiosk-host';
import { createPrinterService } from '../services/printing';
import { startScanFolder } from '../services/scan-folder';
import { createScannerService } from '../services/scanner';
import { createSettingsStore, DEFAULT_SETTINGS } from '../services/settings';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    'data-dir': { type: 'string', default: '.data/kiosk' },
    static: { type: 'string', default: 'out/renderer' },
    'server-url': { type: 'string' },
    'counter-name': { type: 'string' },
  },
});

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const settings = createSettingsStore(resolve(values['data-dir']), {
  ...DEFAULT_SETTINGS,
  ...(values['server-url'] ? { serverUrl: values['server-url'] } : {}),
  ...(values['counter-name'] ? { counterName: values['counter-name'] } : {}),
});
const scanFolder = await startScanFolder((await settings.get()).scanFolderPath, (line) => console.warn(line));
const host = createKioskHost({
  runtime: 'web',
  version: pkg.version,
  settings,
  scanner: createScannerService(),
  printers: createPrinterService(() => settings.get()),
  credentials: createCredentialStore(resolve(values['data-dir'])),
  scanFolder,
});
const web = await startWebHost({ host, staticDir: resolve(values.static), port: Number(values.port) });
console.log(JSON.stringify({ ready: true, url: web.url }));

const stop = () => {
  scanFolder.stop();
  return web.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
