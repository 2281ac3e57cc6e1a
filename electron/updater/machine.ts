// The app's half of a per-machine Windows update: hand the verified installer to the drop folder, ask the
// SYSTEM task to install it when the gate says the counter is free, and at start report how the last one went.
import { execFile as nodeExecFile } from 'node:child_process';
import { handOverInstaller, readMachineResult, readManifest, removeHandedOver, type DownloadedUpdate, type MachineResult } from './dropFolder';
import { machineTaskRegistered, machineUpdatePaths, requestMachineInstall, UPDATER_TASK_NAME, type ExecFile, type MachineUpdatePaths } from './machineTask';

/** Semantic-version order (numbers, then a pre-release before its release); enough for electron-builder's versions. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

const OUTCOME_TEXT: Record<MachineResult['outcome'], string> = {
  installed: 'đã cài',
  refused: 'dịch vụ cập nhật từ chối cài',
  deferred: 'dịch vụ cập nhật hoãn cài',
  failed: 'cài không thành công',
};

/** The log line for the task's last result, as this running version sees it. */
export function describeMachineResult(result: MachineResult, appVersion: string): string {
  const running = result.outcome === 'installed' && compareVersions(appVersion, result.version) < 0 ? ` (nhưng máy vẫn chạy phiên bản ${appVersion})` : '';
  return `[cập nhật] lần gần nhất (${result.at}): ${OUTCOME_TEXT[result.outcome]} phiên bản ${result.version}${running}${result.reason ? `: ${result.reason}` : ''}`;
}

/** A handed-over installer no newer than the running app is finished with (installed, or overtaken). */
export function isStaleHandOver(manifestVersion: string, appVersion: string): boolean {
  return compareVersions(manifestVersion, appVersion) <= 0;
}

export interface MachineInstallerOptions {
  env: Record<string, string | undefined>;
  appVersion: string;
  log: (line: string) => void;
  execFile?: ExecFile;
  now?: () => Date;
  paths?: MachineUpdatePaths;
}

export interface MachineInstaller {
  readonly paths: MachineUpdatePaths;
  /** True when the drop folder now holds this verified installer, so the gate may be told. */
  handOver(update: DownloadedUpdate): Promise<boolean>;
  /** True when Windows started the task; the caller then quits so the installer can replace the files. */
  install(): Promise<boolean>;
  onStart(): Promise<void>;
}

const defaultExecFile: ExecFile = (file, args) =>
  new Promise((resolve, reject) => {
    nodeExecFile(file, args, { windowsHide: true, timeout: 30_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
  });

export function createMachineInstaller(options: MachineInstallerOptions): MachineInstaller {
  const { env, appVersion, log } = options;
  const paths = options.paths ?? machineUpdatePaths(env);
  const execFile = options.execFile ?? defaultExecFile;
  const now = options.now ?? (() => new Date());
  return {
    paths,
    async handOver(update) {
      try {
        const manifest = await handOverInstaller(update, paths.drop, now());
        log(`[cập nhật] đã chuyển bản cài ${manifest.file} (phiên bản ${manifest.version}, sha512 đã kiểm) vào ${paths.drop}`);
        return true;
      } catch (error) {
        log(`[cập nhật] ${(error as Error).message}`);
        return false;
      }
    },
    install: () => requestMachineInstall(env, execFile, log),
    async onStart() {
      const result = await readMachineResult(paths.state);
      if (result) log(describeMachineResult(result, appVersion));
      const manifest = await readManifest(paths.drop);
      if (manifest && isStaleHandOver(manifest.version, appVersion)) await removeHandedOver(paths.drop);
      if (!(await machineTaskRegistered(env, execFile))) {
        log(`[cập nhật] máy này thiếu tác vụ "${UPDATER_TASK_NAME}": bản cập nhật sẽ không cài được. Bộ phận CNTT cần cài lại ứng dụng bằng quyền quản trị.`);
      }
    },
  };
}
