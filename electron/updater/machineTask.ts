// The Windows machine updater, seen from the app: where its folders are, whether this install uses it,
// and the exact command lines that start it. The task itself is build/motcua-updater.ps1, run as SYSTEM
// by the scheduled task the installer registers (build/installer.nsh); staff never see a UAC prompt.
import { win32 } from 'node:path';

export const UPDATER_TASK_NAME = 'MotCua Counter Updater';
/** Where electron-builder's extraResources puts the task's script, relative to `resources/`. */
export const UPDATER_SCRIPT_RESOURCE = 'updater/motcua-updater.ps1';
export const MACHINE_FOLDER_NAME = 'MotCua Counter';

export interface MachineUpdatePaths {
  /** %ProgramData%\MotCua Counter: administrators write, Users only read (policy.json lives here). */
  root: string;
  /** Where the app drops a verified installer and its manifest; the only folder Users may write. */
  drop: string;
  /** Written by the task only: result.json and updater.log, readable by Users. */
  state: string;
  policy: string;
}

type Env = Record<string, string | undefined>;

export function machineUpdatePaths(env: Env): MachineUpdatePaths {
  const root = win32.join(env.ProgramData ?? 'C:\\ProgramData', MACHINE_FOLDER_NAME);
  return { root, drop: win32.join(root, 'updates'), state: win32.join(root, 'updater-state'), policy: win32.join(root, 'policy.json') };
}

/**
 * `machine-task`: a per-machine Windows install, updated by the SYSTEM task without prompting.
 * `electron-updater`: Linux (AppImage, deb) and per-user or unpacked Windows builds keep electron-updater's own install.
 */
export type InstallRoute = 'machine-task' | 'electron-updater';

export function chooseInstallRoute(platform: string, execPath: string, env: Env): InstallRoute {
  if (platform !== 'win32') return 'electron-updater';
  const programDirs = [env.ProgramFiles, env.ProgramW6432, env['ProgramFiles(x86)']].filter((d): d is string => !!d);
  const exe = win32.normalize(execPath).toLowerCase();
  // A per-machine NSIS install lives under Program Files, where only administrators (or SYSTEM) can write.
  const perMachine = programDirs.some((dir) => exe.startsWith(`${win32.normalize(dir).toLowerCase().replace(/\\+$/, '')}\\`));
  return perMachine ? 'machine-task' : 'electron-updater';
}

export interface CommandLine {
  file: string;
  args: string[];
}

function system32(env: Env, exe: string) {
  return win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', exe);
}

/** Starts the task on demand: its security descriptor lets Authenticated Users run it, never change it. */
export function runTaskCommand(env: Env): CommandLine {
  return { file: system32(env, 'schtasks.exe'), args: ['/Run', '/TN', UPDATER_TASK_NAME] };
}

export function queryTaskCommand(env: Env): CommandLine {
  return { file: system32(env, 'schtasks.exe'), args: ['/Query', '/TN', UPDATER_TASK_NAME, '/FO', 'CSV', '/NH'] };
}

export type UpdaterScriptAction = 'Register' | 'Unregister' | 'Install';

/** The PowerShell command line for the script; the task runs `Install`, the installer `Register`/`Unregister`. */
export function updaterScriptCommand(env: Env, scriptPath: string, action: UpdaterScriptAction): CommandLine {
  return {
    file: system32(env, 'WindowsPowerShell\\v1.0\\powershell.exe'),
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', scriptPath, '-Action', action],
  };
}

export type ExecFile = (file: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;

/** Asks the SYSTEM task to install what is in the drop folder; false (with the reason logged) if Windows refused. */
export async function requestMachineInstall(env: Env, execFile: ExecFile, log: (line: string) => void): Promise<boolean> {
  const { file, args } = runTaskCommand(env);
  try {
    await execFile(file, args);
    log(`[cập nhật] đã yêu cầu tác vụ "${UPDATER_TASK_NAME}" cài bản cập nhật; ứng dụng sẽ đóng và tự mở lại`);
    return true;
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr || (error as Error).message || '').trim();
    log(`[cập nhật] không chạy được tác vụ "${UPDATER_TASK_NAME}" (${detail}); bản cập nhật sẽ được cài khi khởi động lại máy. Nếu vẫn lỗi, hãy báo bộ phận CNTT cài lại ứng dụng.`);
    return false;
  }
}

/** Whether the installer registered the task; a missing task is worth telling IT at start, not at install time. */
export async function machineTaskRegistered(env: Env, execFile: ExecFile): Promise<boolean> {
  const { file, args } = queryTaskCommand(env);
  try {
    const { stdout } = await execFile(file, args);
    return stdout.includes(UPDATER_TASK_NAME);
  } catch {
    return false;
  }
}
