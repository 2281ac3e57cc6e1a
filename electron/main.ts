// Electron's main process: one hardened window on the app scheme, one validated IPC channel, kiosk mode,
// crash recovery and updates. All machine work lives in electron/services (plain Node), shared with the web host.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskSettings, LogLevel } from '../shared/host';
import { createAppProtocolHandler } from './security/appProtocol';
import { APP_ENTRY_URL, APP_SCHEME, contentSecurityPolicy, isAppUrl, serverOrigin } from './security/csp';
import { hardenContents, hardenSession } from './security/guards';
import { createKioskController } from './security/kiosk';
import { defaultPolicyFile, readKioskPolicy } from './security/kioskPolicy';
import { watchRenderer, type RendererRecovery } from './security/recovery';
import { readRestartRecord, recordCrash, reopenUrl, writeRestartRecord } from './security/restartPolicy';
import { safeStorageCipher } from './security/safeStorage';
import { createUpdateGate } from './updater/gate';
import { startUpdater } from './updater';
import { createMachineInstaller } from './updater/machine';
import { chooseInstallRoute } from './updater/machineTask';
import { ConfigError, loadDesktopConfig } from './services/config';
import { createKioskLog, type KioskLog } from './services/log';
import { createAppHost } from './wiring';

const HOST_CHANNEL = 'motcua:host';
const APP_ID = 'vn.gov.nghean.motcua.counter';
const here = dirname(fileURLToPath(import.meta.url));
let kioskLog: KioskLog | undefined;
/** To the console and, once the data folder is known, to the kiosk's log file an administrator can read. */
const log = (line: string, level: LogLevel = 'warn') => {
  console.warn(line);
  return kioskLog?.note(level, line);
};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

let recovery: RendererRecovery | undefined;
const restartFile = () => join(app.getPath('userData'), 'restarts.json');

/** An uncaught error in main: note it, then relaunch where the renderer was, unless it keeps happening. */
async function recoverFromMainCrash(error: unknown) {
  await log(`[khôi phục] tiến trình chính gặp lỗi: ${(error as Error)?.stack ?? String(error)}`, 'error');
  try {
    const { record, relaunch } = recordCrash(await readRestartRecord(restartFile()), Date.now(), recovery?.lastUrl);
    await writeRestartRecord(restartFile(), record);
    if (relaunch) {
      app.relaunch();
    } else {
      dialog.showErrorBox('MotCua Counter', `Ứng dụng quầy gặp lỗi nhiều lần liên tiếp nên không tự khởi động lại nữa. Hãy báo bộ phận CNTT.\n\n${(error as Error)?.message ?? String(error)}`);
    }
  } finally {
    app.exit(1);
  }
}

async function start() {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const config = loadDesktopConfig(process.env, { packaged: app.isPackaged, userData: app.getPath('userData'), cwd: process.cwd() });
  kioskLog = createKioskLog({ dir: config.logDir });
  const policy = await readKioskPolicy(config.policyFile ?? defaultPolicyFile(process.platform, config.machineEnv), log);
  const kiosk = createKioskController({ policy, log });

  let installUpdate: (() => void) | undefined;
  const gate = createUpdateGate({ install: () => installUpdate?.(), log });

  const appHost = await createAppHost({
    dataDir: config.dataDir,
    version: app.getVersion(),
    kioskLog,
    ...(config.serverUrl ? { serverUrl: config.serverUrl } : {}),
    cipher: safeStorageCipher(safeStorage, process.platform, log),
    desktop: {
      exitKiosk: (pin) => kiosk.exit(pin),
      setBusy: async (busy) => gate.setBusy(busy),
    },
    // The policy's connect-src names the server, so a new address needs the page loaded again.
    onSettingsChanged(previous: KioskSettings, next: KioskSettings) {
      if (serverOrigin(previous.serverUrl) === serverOrigin(next.serverUrl)) return;
      log(`[bảo mật] địa chỉ máy chủ đổi thành ${next.serverUrl}; tải lại màn hình để áp dụng chính sách mới`);
      setTimeout(() => BrowserWindow.getAllWindows()[0]?.webContents.reload(), 100);
    },
    log,
  });

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: join(here, '../renderer'),
      policy: async () => contentSecurityPolicy((await appHost.settings.get()).serverUrl),
    }),
  );
  hardenSession(session.defaultSession, log);
  ipcMain.handle(HOST_CHANNEL, (event, call: unknown, args: unknown) => appHost.handle(isAppUrl(event.senderFrame?.url), call, args));
  if (app.isPackaged || policy.kioskMode) Menu.setApplicationMenu(null);

  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    title: 'MotCua Counter',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  kiosk.attach(window);
  // Quitting (OS shutdown, SIGTERM, an update) must never be held up by the kiosk's close guard.
  app.on('before-quit', () => kiosk.allowClose());
  window.on('session-end', () => kiosk.allowClose());
  recovery = watchRenderer(window, { entryUrl: APP_ENTRY_URL, log });

  if (app.isPackaged) {
    const { default: electronUpdater } = await import('electron-updater');
    const updater = electronUpdater.autoUpdater;
    const machine =
      chooseInstallRoute(process.platform, process.execPath, config.machineEnv) === 'machine-task' ? createMachineInstaller({ env: config.machineEnv, appVersion: app.getVersion(), log }) : undefined;
    installUpdate = machine
      ? () =>
          void machine.install().then((started) => {
            if (!started) return;
            kiosk.allowClose();
            app.quit();
          })
      : () => {
          kiosk.allowClose();
          updater.quitAndInstall(true, true);
        };
    void machine?.onStart();
    startUpdater({ updater, gate, serverUrl: async () => (await appHost.settings.get()).serverUrl, allowHttp: policy.allowHttpUpdates === true, log, machine });
  }

  await window.loadURL(reopenUrl(await readRestartRecord(restartFile()), APP_ENTRY_URL, Date.now()));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (app.isPackaged) process.on('uncaughtException', (error) => void recoverFromMainCrash(error));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  start().catch(async (error) => {
    await log(`Không khởi động được ứng dụng quầy: ${(error as Error)?.stack ?? String(error)}`, 'error');
    if (error instanceof ConfigError) dialog.showErrorBox('MotCua Counter', error.message);
    app.exit(1);
  });
}
