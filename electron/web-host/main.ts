// `npm run start:web` and the end-to-end tests start this: the kiosk's machine services
// behind loopback HTTP, serving the built renderer. Prints one JSON line with the URL when ready.
// Its settings come from electron/services/config.ts; a bad one stops it here with exit code 2.
import { readFile } from 'node:fs/promises';
import { ConfigError, loadWebHostConfig, type WebHostConfig } from '../services/config';
import { createCredentialStore } from '../services/credential';
import { createKioskHost } from '../services/kioskHost';
import { createKioskLog } from '../services/log';
import { createPrinterService } from '../services/printing';
import { QueueConfigError, startQueue } from '../services/queue';
import { startScanFolder } from '../services/scanFolder';
import { createScannerService } from '../services/scanner';
import { createSettingsStore, DEFAULT_SETTINGS } from '../services/settings';
import { startWebHost } from './server';

let config: WebHostConfig;
try {
  config = loadWebHostConfig(process.argv.slice(2), process.env, process.cwd());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const kioskLog = createKioskLog({ dir: config.logDir });
const log = (line: string) => {
  console.warn(line);
  void kioskLog.note('warn', line);
};
const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const settings = createSettingsStore(config.dataDir, {
  ...DEFAULT_SETTINGS,
  ...(config.serverUrl ? { serverUrl: config.serverUrl } : {}),
  ...(config.counterName ? { counterName: config.counterName } : {}),
});
const scanFolder = await startScanFolder((await settings.get()).scanFolderPath, log);
// The serial scanner saved in the settings is read from the start (a failure is logged and retried).
const scanner = createScannerService({ log });
scanner.use((await settings.get()).scannerPort).catch(() => undefined);
const printers = createPrinterService(() => settings.get());
// The machine designated for the hall runs the queue too (--queue-port): the counters, the entrance kiosk and the hall's TV reach it on the LAN.
let queue: Awaited<ReturnType<typeof startQueue>> | undefined;
if (config.queue) {
  try {
    queue = await startQueue({ dir: config.queue.dir, port: config.queue.port, host: config.queue.bind, printers, ...(config.queue.configFile ? { configFile: config.queue.configFile } : {}) });
  } catch (error) {
    if (!(error instanceof QueueConfigError) && (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(error instanceof QueueConfigError ? error.message : `Cổng ${config.queue.port} của dịch vụ hàng chờ đang bị chương trình khác dùng.`);
    process.exit(2);
  }
  void kioskLog.note('info', `[hàng chờ] dịch vụ hàng chờ đã chạy ở ${queue.url}`);
}
const host = createKioskHost({
  runtime: 'web',
  version: pkg.version,
  settings,
  scanner,
  printers,
  credentials: createCredentialStore(config.dataDir),
  log: kioskLog,
  scanFolder,
});
const web = await startWebHost({ host, staticDir: config.staticDir, port: config.port });
void kioskLog.note('info', `[máy] dịch vụ máy cục bộ đã chạy ở ${web.url}`);
console.log(JSON.stringify({ ready: true, url: web.url, ...(queue ? { queueUrl: queue.url } : {}) }));

const stop = () => {
  scanFolder.stop();
  void scanner.close();
  return Promise.all([web.close(), queue?.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
