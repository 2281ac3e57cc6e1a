// What main.ts does with each IPC call, kept free of Electron so unit tests can drive it directly.
import type { HostError, KioskHost, KioskSettings } from '../shared/host';
import { dispatchHostCall, type DispatchResult } from './services/dispatch';
import { createKioskHost } from './services/kioskHost';
import { createCredentialStore, type CredentialCipher } from './services/credential';
import type { KioskLog } from './services/log';
import { createPrinterService } from './services/printing';
import { startScanFolder } from './services/scanFolder';
import { createScannerService } from './services/scanner';
import { createSettingsStore, DEFAULT_SETTINGS } from './services/settings';
import { startQueue } from './services/queue';
import { join } from 'node:path';

export function isTrustedSender(frameUrl: string | undefined, scheme: string): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${scheme}:` && url.host === 'app';
  } catch {
    return false;
  }
}

export interface AppHostOptions {
  dataDir: string;
  version: string;
  /** The rotating log file: the renderer's `log.write` and main's own lines. */
  kioskLog: KioskLog;
  /** The server address a kiosk starts with before its settings name one (development: the demo server). */
  serverUrl?: string;
  cipher?: CredentialCipher;
  /** The desktop-only calls (kiosk exit, busy flag), served by main. */
  desktop?: NonNullable<KioskHost['desktop']>;
  /** Told after every accepted settings change, e.g. so main can apply a new server address. */
  onSettingsChanged?: (previous: KioskSettings, next: KioskSettings) => void;
  log?: (line: string) => void;
}

export async function createAppHost(options: AppHostOptions) {
  const settings = createSettingsStore(options.dataDir, options.serverUrl ? { ...DEFAULT_SETTINGS, serverUrl: options.serverUrl } : DEFAULT_SETTINGS);
  const log = options.log ?? ((line: string) => console.warn(line));
  const scanFolder = await startScanFolder((await settings.get()).scanFolderPath, log);
  // The serial scanner saved in the settings is read from the start (a failure is logged and retried).
  const scanner = createScannerService({ log });
  scanner.use((await settings.get()).scannerPort).catch(() => undefined);
  const printers = createPrinterService(() => settings.get());
  // The machine designated for the hall (its settings' `queueService`) runs the queue beside the kiosk.
  const queueService = (await settings.get()).queueService;
  const queue = queueService
    ? await startQueue({ dir: join(options.dataDir, 'queue'), port: queueService.port, printers }).catch((error: Error) => {
        log(`[hàng chờ] không chạy được dịch vụ hàng chờ ở cổng ${queueService.port}: ${error.message}`);
        return undefined;
      })
    : undefined;
  if (queue) log(`[hàng chờ] dịch vụ hàng chờ đã chạy ở ${queue.url}`);
  const host: KioskHost = {
    ...createKioskHost({
      runtime: 'electron',
      version: options.version,
      settings,
      scanner,
      printers,
      credentials: createCredentialStore(options.dataDir, options.cipher),
      log: options.kioskLog,
      scanFolder,
    }),
    ...(options.desktop ? { desktop: options.desktop } : {}),
  };
  return {
    host,
    settings,
    scanFolder,
    queue,
    async handle(trusted: boolean, call: unknown, args: unknown): Promise<DispatchResult> {
      if (!trusted) {
        const error: HostError = { code: 'UNTRUSTED_SENDER', message: 'Lệnh đến từ trang không thuộc ứng dụng, bị từ chối.' };
        log(`[host] từ chối ${String(call).slice(0, 60)}: ${error.code}`);
        return { ok: false, error };
      }
      const previous = call === 'settings.update' ? { ...(await settings.get()) } : undefined;
      const result = await dispatchHostCall(host, call, args);
      if (!result.ok) log(`[host] ${String(call).slice(0, 60)}: ${result.error.code} ${result.error.message}`);
      else if (previous) options.onSettingsChanged?.(previous, result.value as KioskSettings);
      return result;
    },
  };
}
