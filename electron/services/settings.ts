// Kiosk settings kept as one JSON file in the app's data folder, written atomically
// (temp file + rename) so a crash mid-write never leaves a half file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { KioskSettings } from '../../shared/host';

export const DEFAULT_SETTINGS: KioskSettings = {
  serverUrl: 'http://127.0.0.1:8787',
  counterName: 'Quầy 1',
  printers: [],
};

export interface SettingsStore {
  get(): Promise<KioskSettings>;
  update(patch: Partial<KioskSettings>): Promise<KioskSettings>;
}

export function createSettingsStore(dataDir: string, defaults: KioskSettings = DEFAULT_SETTINGS): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let cached: KioskSettings | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  async function load(): Promise<KioskSettings> {
    if (cached) return cached;
    try {
      cached = { ...defaults, ...(JSON.parse(await readFile(file, 'utf8')) as Partial<KioskSettings>) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`Không đọc được tệp cài đặt ${file}: ${(error as Error).message}. Hãy báo bộ phận CNTT.`, { cause: error });
      }
      cached = { ...defaults };
    }
    return cached;
  }

  return {
    get: load,
    async update(patch) {
      const next = { ...(await load()), ...patch };
      cached = next;
      writing = writing.then(async () => {
        await mkdir(dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(next, null, 2));
        await rename(tmp, file);
      });
      await writing;
      return next;
    },
  };
}
