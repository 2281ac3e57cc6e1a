// Updates from the Center's own server: electron-updater with a generic feed at `<serverUrl>/updates/`,
// checked at start and every few hours (spread out so 50 counters do not download at once), installed
// only when the update gate says the counter is free. A per-machine Windows install hands the verified
// installer to the SYSTEM task instead (./machine), since staff cannot answer a UAC prompt.
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { UpdateGate } from './gate';
import type { MachineInstaller } from './machine';

export type UpdaterLike = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'on' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade'>;

/** The feed URL for a server address, or a Vietnamese reason why updates cannot use it. */
export function updateFeedUrl(serverUrl: string, allowHttp: boolean): { url: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return { refused: `địa chỉ máy chủ "${serverUrl}" không hợp lệ` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowHttp)) {
    // Over plain HTTP any device on the LAN could hand every counter a program of its choosing.
    return { refused: `máy chủ ${url.origin} không dùng https; chính sách máy không cho cập nhật qua http` };
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/updates/`;
  url.search = '';
  url.hash = '';
  return { url: url.toString() };
}

export interface UpdaterOptions {
  updater: UpdaterLike;
  gate: UpdateGate;
  serverUrl: () => Promise<string>;
  allowHttp: boolean;
  log: (line: string) => void;
  firstCheckMs?: number;
  intervalMs?: number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** Present on a per-machine Windows install: downloads reach the gate only once handed over verified. */
  machine?: Pick<MachineInstaller, 'handOver'>;
}

export interface Updater {
  check(): Promise<void>;
}

export function startUpdater(options: UpdaterOptions): Updater {
  const { updater, gate, log } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const random = options.random ?? Math.random;
  const intervalMs = options.intervalMs ?? 4 * 60 * 60_000;
  const { machine } = options;
  updater.autoDownload = true;
  // Installing on quit from Program Files would raise a UAC prompt no officer can answer.
  updater.autoInstallOnAppQuit = !machine;
  updater.allowDowngrade = false;
  updater.on('update-downloaded', (info: UpdateDownloadedEvent) => {
    if (!machine) return gate.updateReady(info.version);
    void machine.handOver(info).then((handedOver) => {
      if (handedOver) gate.updateReady(info.version);
    });
  });
  updater.on('error', (error: Error) => log(`[cập nhật] lỗi: ${error.message}`));

  async function check() {
    const feed = updateFeedUrl(await options.serverUrl(), options.allowHttp);
    if ('refused' in feed) {
      log(`[cập nhật] bỏ qua: ${feed.refused}`);
      return;
    }
    updater.setFeedURL({ provider: 'generic', url: feed.url });
    try {
      await updater.checkForUpdates();
    } catch (error) {
      log(`[cập nhật] không kiểm tra được ${feed.url}: ${(error as Error).message}`);
    }
  }

  const schedule = (ms: number) =>
    setTimer(() => {
      check().finally(() => schedule(intervalMs + random() * intervalMs * 0.25));
    }, ms);
  schedule((options.firstCheckMs ?? 60_000) + random() * 5 * 60_000);
  return { check };
}
