// Assembles the KioskHost from the plain Node services. Electron's main and the web host both use it,
// so the two runtimes serve the very same implementation.
import { platform } from 'node:os';
import type { AppInfo, KioskHost } from '../../shared/host';
import type { CredentialStore } from './credential';
import type { KioskLog } from './log';
import type { ScannerService } from './scanner';
import type { SettingsStore } from './settings';
import { createQueueClient } from './queue/client';
import { scanFolderProblem, type ScanFolder } from './scanFolder';

export interface KioskHostParts {
  runtime: AppInfo['runtime'];
  version: string;
  settings: SettingsStore;
  scanner: ScannerService;
  printers: KioskHost['printers'];
  credentials: CredentialStore;
  /** The rotating log file the renderer writes through `log.write`. */
  log: KioskLog;
  /** The scanner's watched folder; it follows the `scanFolderPath` setting. */
  scanFolder?: ScanFolder;
}

export function createKioskHost(parts: KioskHostParts): KioskHost {
  return {
    app: {
      info: async () => ({ version: parts.version, runtime: parts.runtime, platform: platform() }),
    },
    printers: parts.printers,
    scanner: {
      listPorts: () => parts.scanner.listPorts(),
      next: (afterSeq, waitMs) => parts.scanner.next(afterSeq, waitMs),
    },
    settings: {
      get: () => parts.settings.get(),
      async update(patch) {
        // A folder that is not there is refused before anything is saved.
        const folder = patch.scanFolderPath?.trim();
        const problem = folder ? await scanFolderProblem(folder) : undefined;
        if (problem) throw new Error(problem);
        const next = await parts.settings.update(folder === undefined ? patch : { ...patch, scanFolderPath: folder });
        if ('scannerPort' in patch) await parts.scanner.use(next.scannerPort);
        if (folder !== undefined) await parts.scanFolder?.watch(folder);
        return next;
      },
    },
    device: {
      credential: () => parts.credentials.credential(),
      saveCredential: (credential) => parts.credentials.saveCredential(credential),
    },
    log: {
      write: (entries) => parts.log.write(entries),
      read: (options) => parts.log.read(options),
    },
    queue: createQueueClient(() => parts.settings.get()),
    ...(parts.scanFolder ? { scanFolder: { list: async (afterSeq: number) => parts.scanFolder!.list(afterSeq), read: (seq: number) => parts.scanFolder!.read(seq) } } : {}),
  };
}
