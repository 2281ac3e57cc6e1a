// The per-machine Windows update, as far as it can be exercised without Windows: which installs use the SYSTEM
// task, the exact command lines, the verified hand-over to the drop folder, the task's result, and that the
// installer hooks, the PowerShell script, electron-builder.yml and the TypeScript agree on names and paths.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { startUpdater, type UpdaterLike } from '../../electron/updater';
import { expectedFileInfo, handOverInstaller, INSTALLER_NAME, MANIFEST_FILE, readMachineResult, readManifest, type DownloadedUpdate } from '../../electron/updater/dropFolder';
import { compareVersions, createMachineInstaller, describeMachineResult, isStaleHandOver } from '../../electron/updater/machine';
import {
  chooseInstallRoute,
  machineTaskRegistered,
  machineUpdatePaths,
  requestMachineInstall,
  runTaskCommand,
  UPDATER_SCRIPT_RESOURCE,
  UPDATER_TASK_NAME,
  updaterScriptCommand,
} from '../../electron/updater/machineTask';

const root = resolve(import.meta.dirname, '../..');
const WIN_ENV = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramW6432: 'C:\\Program Files', ProgramData: 'D:\\ProgramData', SystemRoot: 'C:\\Windows' };
const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('base64');
const tempDir = () => mkdtemp(join(tmpdir(), 'motcua-machine-'));

describe('which install route', () => {
  test.each([
    ['linux', '/opt/MotCua Counter/motcua-counter', 'electron-updater'],
    ['win32', 'C:\\Program Files\\MotCua Counter\\motcua-counter.exe', 'machine-task'],
    ['win32', 'c:\\program files\\motcua counter\\MOTCUA-COUNTER.EXE', 'machine-task'],
    ['win32', 'C:\\Program Files (x86)\\MotCua Counter\\motcua-counter.exe', 'machine-task'],
    ['win32', 'C:\\Users\\can-bo\\AppData\\Local\\Programs\\MotCua Counter\\motcua-counter.exe', 'electron-updater'],
    // A look-alike folder next to Program Files is user-writable: not a per-machine install.
    ['win32', 'C:\\Program Files Evil\\motcua-counter.exe', 'electron-updater'],
    ['win32', 'D:\\dev\\motcua\\node_modules\\electron\\dist\\electron.exe', 'electron-updater'],
  ])('%s %s → %s', (platform, exe, route) => {
    expect(chooseInstallRoute(platform, exe, WIN_ENV)).toBe(route);
  });

  test('Windows without Program Files variables never picks the task', () => {
    expect(chooseInstallRoute('win32', 'C:\\Program Files\\MotCua Counter\\motcua-counter.exe', {})).toBe('electron-updater');
  });
});

describe('command lines and folders', () => {
  test('folders under ProgramData', () => {
    expect(machineUpdatePaths(WIN_ENV)).toEqual({
      root: 'D:\\ProgramData\\MotCua Counter',
      drop: 'D:\\ProgramData\\MotCua Counter\\updates',
      state: 'D:\\ProgramData\\MotCua Counter\\updater-state',
      policy: 'D:\\ProgramData\\MotCua Counter\\policy.json',
    });
    expect(machineUpdatePaths({}).root).toBe('C:\\ProgramData\\MotCua Counter');
  });

  test('the task is started by name with the system schtasks, the script with the system PowerShell', () => {
    expect(runTaskCommand(WIN_ENV)).toEqual({ file: 'C:\\Windows\\System32\\schtasks.exe', args: ['/Run', '/TN', 'MotCua Counter Updater'] });
    expect(updaterScriptCommand(WIN_ENV, 'C:\\Program Files\\MotCua Counter\\resources\\updater\\motcua-updater.ps1', 'Install')).toEqual({
      file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', 'C:\\Program Files\\MotCua Counter\\resources\\updater\\motcua-updater.ps1', '-Action', 'Install'],
    });
  });

  test('requesting an install runs the task and reports Windows’ refusal in Vietnamese', async () => {
    const log = vi.fn();
    const execFile = vi.fn(async () => ({ stdout: 'SUCCESS', stderr: '' }));
    expect(await requestMachineInstall(WIN_ENV, execFile, log)).toBe(true);
    expect(execFile).toHaveBeenCalledWith('C:\\Windows\\System32\\schtasks.exe', ['/Run', '/TN', UPDATER_TASK_NAME]);
    execFile.mockRejectedValueOnce(Object.assign(new Error('Command failed'), { stderr: 'ERROR: Access is denied.\r\n' }));
    expect(await requestMachineInstall(WIN_ENV, execFile, log)).toBe(false);
    expect(log).toHaveBeenLastCalledWith(expect.stringMatching(/không chạy được tác vụ "MotCua Counter Updater" \(ERROR: Access is denied\.\).*khởi động lại máy/));
  });

  test('a registered task is recognised from schtasks /Query', async () => {
    const found = vi.fn(async () => ({ stdout: '"\\MotCua Counter Updater","N/A","Ready"\r\n', stderr: '' }));
    expect(await machineTaskRegistered(WIN_ENV, found)).toBe(true);
    expect(found).toHaveBeenCalledWith('C:\\Windows\\System32\\schtasks.exe', ['/Query', '/TN', UPDATER_TASK_NAME, '/FO', 'CSV', '/NH']);
    expect(
      await machineTaskRegistered(
        WIN_ENV,
        vi.fn(async () => Promise.reject(new Error('ERROR: The system cannot find the file specified.'))),
      ),
    ).toBe(false);
  });
});

describe('installer hooks, script and builder config agree', () => {
  test('electron-builder ships the script where the NSIS hooks and the app look for it', async () => {
    const yml = await readFile(join(root, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/include: build\/installer\.nsh/);
    expect(yml).toContain(`from: build/motcua-updater.ps1\n      to: ${UPDATER_SCRIPT_RESOURCE}`);
    const nsh = await readFile(join(root, 'build/installer.nsh'), 'utf8');
    const args = updaterScriptCommand({}, '$INSTDIR\\resources\\updater\\motcua-updater.ps1', 'Register').args;
    const quoted = args
      .map((a) => (a.includes('\\') ? `"${a}"` : a))
      .join(' ')
      .replace(' Register', ' ${ACTION}');
    expect(nsh).toContain(`"$1" ${quoted}`);
    expect(nsh).toContain('StrCpy $1 "$WINDIR\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe"');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*motcuaUpdaterScript Register[\s\S]*!macroend/);
    // The old uninstaller runs during every update; unregistering then would delete the task running it.
    expect(nsh).toMatch(/!macro customUnInstall\s+;[^\n]*\n\s+\$\{ifNot\} \$\{isUpdated\}\s+!insertmacro motcuaUpdaterScript Unregister/);
  });

  test('the script uses the app’s task name, folders, manifest and installer-name rule', async () => {
    const ps1 = await readFile(join(root, 'build/motcua-updater.ps1'), 'utf8');
    expect(ps1).toContain(`$TaskName = '${UPDATER_TASK_NAME}'`);
    expect(ps1).toContain("$DropDir = Join-Path $Root 'updates'");
    expect(ps1).toContain("$StateDir = Join-Path $Root 'updater-state'");
    expect(ps1).toContain(`$ManifestName = '${MANIFEST_FILE}'`);
    expect(ps1).toContain(`$InstallerNamePattern = '${INSTALLER_NAME.source}'`);
    expect(ps1).toContain("'/S', '--updated'");
    expect(ps1).not.toContain('--force-run');
    expect(ps1).toContain("$TaskSddl = 'D:(A;;FA;;;SY)(A;;FA;;;BA)(A;;GRGX;;;AU)'");
  });

  test('the script and the hooks carry a UTF-8 byte-order mark (PowerShell 5.1 and makensis read ANSI otherwise)', async () => {
    for (const file of ['build/motcua-updater.ps1', 'build/installer.nsh']) {
      const bytes = await readFile(join(root, file));
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    }
  });
});

function downloaded(dir: string, bytes: Uint8Array, overrides: Partial<DownloadedUpdate> = {}): DownloadedUpdate {
  return {
    version: '0.2.0',
    downloadedFile: join(dir, 'motcua-counter-setup-0.2.0-x64.exe'),
    files: [{ url: 'motcua-counter-setup-0.2.0-x64.exe', sha512: sha512(bytes), size: bytes.length }],
    ...overrides,
  };
}

describe('expected file info', () => {
  const update = (over: Partial<DownloadedUpdate>) => ({ version: '0.2.0', downloadedFile: 'C:\\cache\\pending\\motcua-counter-setup-0.2.0-x64.exe', files: [], ...over });

  test('matches the downloaded file by name, or the legacy path/sha512 pair', () => {
    expect(
      expectedFileInfo(
        update({
          files: [
            { url: 'https://s/updates/other.exe', sha512: 'x' },
            { url: 'https://s/updates/motcua-counter-setup-0.2.0-x64.exe?t=1', sha512: 'abc', size: 3 },
          ],
        }),
      ),
    ).toEqual({
      file: 'motcua-counter-setup-0.2.0-x64.exe',
      sha512: 'abc',
      size: 3,
    });
    expect(expectedFileInfo(update({ path: 'motcua-counter-setup-0.2.0-x64.exe', sha512: 'def' }))).toEqual({ file: 'motcua-counter-setup-0.2.0-x64.exe', sha512: 'def' });
  });

  test.each([
    [{ files: [{ url: 'other.exe', sha512: 'x' }] }, /không có mã sha512/],
    [{ version: '0.2.0; calc' }, /phiên bản/],
    [{ downloadedFile: 'C:\\cache\\pending\\setup 0.2.0.exe' }, /tên tệp cài đặt/],
    [{ downloadedFile: '/home/u/.cache/pending/motcua.AppImage' }, /tên tệp cài đặt/],
  ])('refuses %j', (over, reason) => {
    const result = expectedFileInfo(update(over));
    expect('refused' in result && result.refused).toMatch(reason);
  });
});

describe('hand-over to the drop folder', () => {
  test('a matching installer lands with its manifest; older hand-overs are replaced', async () => {
    const cache = await tempDir();
    const drop = join(await tempDir(), 'updates');
    await mkdir(drop);
    await writeFile(join(drop, 'motcua-counter-setup-0.1.5-x64.exe'), 'old');
    await writeFile(join(drop, 'ghi-chu.txt'), 'not ours');
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const update = downloaded(cache, bytes);
    await writeFile(update.downloadedFile, bytes);
    const manifest = await handOverInstaller(update, drop, new Date('2026-03-02T03:04:05Z'));
    expect(manifest).toEqual({ schema: 1, version: '0.2.0', file: 'motcua-counter-setup-0.2.0-x64.exe', sha512: sha512(bytes), size: 5, handedOverAt: '2026-03-02T03:04:05.000Z' });
    expect((await readdir(drop)).sort()).toEqual(['ghi-chu.txt', 'motcua-counter-setup-0.2.0-x64.exe', 'update.json']);
    expect(await readManifest(drop)).toEqual(manifest);
    expect(new Uint8Array(await readFile(join(drop, manifest.file)))).toEqual(bytes);
  });

  test('any tampered byte or wrong size is refused and leaves nothing for the task', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (bytes, at, flip, sizeOnly) => {
        const cache = await tempDir();
        const drop = join(cache, 'updates');
        const update = downloaded(cache, bytes);
        const onDisk = Uint8Array.from(bytes);
        if (sizeOnly) update.files = [{ ...update.files[0]!, size: bytes.length + 1 }];
        else onDisk[at % onDisk.length]! ^= flip;
        await writeFile(update.downloadedFile, onDisk);
        await expect(handOverInstaller(update, drop, new Date())).rejects.toThrow(/không khớp mã sha512/);
        expect(await readdir(drop)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the task’s result and start-up housekeeping', () => {
  test('reads result.json as PowerShell 5.1 writes it (with a BOM) and refuses unknown outcomes', async () => {
    const state = await tempDir();
    await writeFile(
      join(state, 'result.json'),
      `\uFEFF${JSON.stringify({ version: '0.2.0', outcome: 'refused', reason: 'sha512 của tệp khác latest.yml trên máy chủ', at: '2026-03-02T10:00:00+07:00' })}`,
    );
    const result = await readMachineResult(state);
    expect(result).toEqual({ version: '0.2.0', outcome: 'refused', reason: 'sha512 của tệp khác latest.yml trên máy chủ', at: '2026-03-02T10:00:00+07:00' });
    expect(describeMachineResult(result!, '0.1.0')).toBe(
      '[cập nhật] lần gần nhất (2026-03-02T10:00:00+07:00): dịch vụ cập nhật từ chối cài phiên bản 0.2.0: sha512 của tệp khác latest.yml trên máy chủ',
    );
    expect(describeMachineResult({ ...result!, outcome: 'installed', reason: '' }, '0.1.0')).toMatch(/đã cài phiên bản 0.2.0 \(nhưng máy vẫn chạy phiên bản 0.1.0\)$/);
    await writeFile(join(state, 'result.json'), JSON.stringify({ version: '0.2.0', outcome: 'maybe' }));
    expect(await readMachineResult(state)).toBeUndefined();
  });

  test('versions order as semver; a hand-over no newer than the running app is stale', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0-beta.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    const version = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.option(fc.constantFrom('alpha', 'beta.2', 'rc.1'))).map(([a, b, c, p]) => `${a}.${b}.${c}${p ? `-${p}` : ''}`);
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareVersions(a, b)).toBe(-compareVersions(b, a));
        expect(isStaleHandOver(a, b)).toBe(compareVersions(a, b) <= 0);
      }),
    );
  });

  test('at start: logs the last result, clears a stale hand-over, keeps a pending one, warns when the task is missing', async () => {
    const base = await tempDir();
    const paths = { root: base, drop: join(base, 'updates'), state: join(base, 'updater-state'), policy: join(base, 'policy.json') };
    await mkdir(paths.drop);
    await mkdir(paths.state);
    await writeFile(join(paths.state, 'result.json'), JSON.stringify({ version: '0.2.0', outcome: 'installed', reason: '', at: 't' }));
    const writeHandOver = (version: string) =>
      Promise.all([
        writeFile(join(paths.drop, `motcua-counter-setup-${version}-x64.exe`), 'x'),
        writeFile(join(paths.drop, MANIFEST_FILE), JSON.stringify({ schema: 1, version, file: `motcua-counter-setup-${version}-x64.exe`, sha512: 'x', size: 1, handedOverAt: 't' })),
      ]);
    const log = vi.fn();
    const missing = vi.fn(async () => Promise.reject(new Error('not found')));
    await writeHandOver('0.2.0');
    await createMachineInstaller({ env: WIN_ENV, appVersion: '0.2.0', log, execFile: missing, paths }).onStart();
    expect(await readdir(paths.drop)).toEqual([]);
    expect(log.mock.calls.map(([line]) => line)).toEqual(['[cập nhật] lần gần nhất (t): đã cài phiên bản 0.2.0', expect.stringContaining('máy này thiếu tác vụ "MotCua Counter Updater"')]);

    await writeHandOver('0.3.0');
    const present = vi.fn(async () => ({ stdout: '"\\MotCua Counter Updater","N/A","Ready"', stderr: '' }));
    log.mockClear();
    await createMachineInstaller({ env: WIN_ENV, appVersion: '0.2.0', log, execFile: present, paths }).onStart();
    expect((await readdir(paths.drop)).sort()).toEqual(['motcua-counter-setup-0.3.0-x64.exe', 'update.json']);
    expect(log).toHaveBeenCalledTimes(1);
  });
});

describe('startUpdater on a per-machine install', () => {
  test('never installs on quit, and tells the gate only about installers handed over verified', async () => {
    const events = new Map<string, (...a: unknown[]) => void>();
    const updater = {
      autoDownload: false,
      autoInstallOnAppQuit: true,
      allowDowngrade: true,
      setFeedURL: vi.fn(),
      checkForUpdates: vi.fn(),
      on: vi.fn((name: string, fn: (...a: unknown[]) => void) => events.set(name, fn)),
    };
    const gate = { updateReady: vi.fn(), setBusy: vi.fn(), busy: false, pending: undefined, dispose: vi.fn() };
    const handOver = vi.fn(async (update: DownloadedUpdate) => update.version === '0.2.0');
    startUpdater({ updater: updater as unknown as UpdaterLike, gate, serverUrl: async () => 'https://a.example', allowHttp: false, log: vi.fn(), setTimer: () => undefined, machine: { handOver } });
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false });
    events.get('update-downloaded')!({ version: '0.1.9-tampered', downloadedFile: 'x', files: [] });
    events.get('update-downloaded')!({ version: '0.2.0', downloadedFile: 'y', files: [] });
    await vi.waitFor(() => expect(handOver).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(gate.updateReady).toHaveBeenCalledTimes(1));
    expect(gate.updateReady).toHaveBeenCalledWith('0.2.0');
  });
});
