// When a downloaded update may be installed: never while the renderer says a dossier is open, and
// only after the counter has been quiet for a while, so the restart does not land as the next
// citizen sits down. If that moment never comes, electron-updater installs it when the app quits
// (a per-machine Windows install: the updater task installs it at the next boot).

export interface UpdateGate {
  /** The renderer's report: true while a dossier is open or being saved/printed. */
  setBusy(busy: boolean): void;
  readonly busy: boolean;
  /** electron-updater finished downloading `version`. */
  updateReady(version: string): void;
  /** The version waiting to be installed, if any. */
  readonly pending: string | undefined;
  dispose(): void;
}

export interface UpdateGateOptions {
  install: (version: string) => void;
  log: (line: string) => void;
  /** How long the counter must stay not busy before the install starts. */
  quietMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const DEFAULT_QUIET_MS = 2 * 60_000;

export function createUpdateGate(options: UpdateGateOptions): UpdateGate {
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let busy = false;
  let pending: string | undefined;
  let installing = false;
  let timer: unknown;

  const cancel = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };

  const arm = () => {
    cancel();
    if (!pending || busy || installing) return;
    timer = setTimer(() => {
      timer = undefined;
      if (!pending || busy || installing) return;
      installing = true;
      options.log(`[cập nhật] cài phiên bản ${pending} (quầy đang rảnh)`);
      options.install(pending);
    }, quietMs);
  };

  return {
    setBusy(next) {
      if (next === busy) return;
      busy = next;
      if (busy && timer !== undefined) options.log(`[cập nhật] hoãn cài phiên bản ${pending}: quầy đang xử lý hồ sơ`);
      arm();
    },
    get busy() {
      return busy;
    },
    updateReady(version) {
      pending = version;
      options.log(busy ? `[cập nhật] đã tải phiên bản ${version}; chờ quầy xử lý xong hồ sơ` : `[cập nhật] đã tải phiên bản ${version}; cài khi quầy rảnh`);
      arm();
    },
    get pending() {
      return pending;
    },
    dispose: cancel,
  };
}
