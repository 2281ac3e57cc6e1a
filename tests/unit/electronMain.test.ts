// The Electron wiring with `electron` mocked: main registers one IPC channel, which refuses calls from
// frames outside the app's scheme, unknown calls and malformed arguments, and forwards the rest; the
// window is sandboxed, the app scheme sends the policy, navigation and permissions are refused,
// kiosk mode holds until the admin PIN, and a packaged app waits for a free counter to update.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { hashAdminPin } from '../../electron/security/adminPin';

type Listener = (...args: unknown[]) => unknown;
type FakeEvent = { preventDefault: () => void; defaultPrevented: boolean; url?: string };

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
const exposed: Record<string, unknown> = {};
const invoke = vi.fn();
const env = { userData: '', packaged: false };

function emitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    on: vi.fn((name: string, fn: Listener) => void listeners.set(name, [...(listeners.get(name) ?? []), fn])),
    emit: (name: string, ...args: unknown[]) => (listeners.get(name) ?? []).map((fn) => fn(...args)),
  };
}
const event = (url?: string): FakeEvent => {
  const e: FakeEvent = { defaultPrevented: false, url, preventDefault: () => void (e.defaultPrevented = true) };
  return e;
};

const mocks = vi.hoisted(() => ({ state: {} as Record<string, unknown> }));

vi.mock('electron', () => {
  const appEvents = emitter();
  const sessionEvents = emitter();
  class BrowserWindow {
    static getAllWindows = () => windows;
    events = emitter();
    webContents = Object.assign(emitter(), { setWindowOpenHandler: vi.fn(), reload: vi.fn(), forcefullyCrashRenderer: vi.fn() });
    on = this.events.on;
    setKiosk = vi.fn();
    isDestroyed = () => false;
    loadURL = vi.fn(async () => undefined);
    constructor(readonly options: unknown) {
      windows.push(this);
    }
  }
  const windows: BrowserWindow[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const electron = {
    app: {
      whenReady: async () => undefined,
      getPath: () => env.userData,
      getVersion: () => '0.1.0',
      get isPackaged() {
        return env.packaged;
      },
      requestSingleInstanceLock: () => true,
      enableSandbox: vi.fn(),
      setAppUserModelId: vi.fn(),
      on: appEvents.on,
      emit: appEvents.emit,
      quit: vi.fn(),
      exit: vi.fn(),
      relaunch: vi.fn(),
    },
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn) },
    ipcRenderer: { invoke },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string, fn: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(s).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
    },
    session: { defaultSession: { ...sessionEvents, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    net: { fetch: vi.fn() },
  };
  mocks.state.electron = electron;
  mocks.state.windows = windows;
  mocks.state.protocolHandlers = protocolHandlers;
  return { ...electron, default: electron };
});

vi.mock('electron-updater', () => {
  const events = new Map<string, Listener>();
  const autoUpdater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on: vi.fn((name: string, fn: Listener) => events.set(name, fn)),
  };
  mocks.state.updater = autoUpdater;
  mocks.state.updaterEvents = events;
  return { default: { autoUpdater }, autoUpdater };
});

type FakeWindow = {
  options: { webPreferences: Record<string, unknown> };
  events: ReturnType<typeof emitter>;
  webContents: ReturnType<typeof emitter> & { setWindowOpenHandler: ReturnType<typeof vi.fn>; reload: ReturnType<typeof vi.fn> };
  setKiosk: ReturnType<typeof vi.fn>;
  loadURL: ReturnType<typeof vi.fn>;
};
const electron = () =>
  mocks.state.electron as {
    app: { emit: (name: string, ...a: unknown[]) => unknown[]; exit: ReturnType<typeof vi.fn> };
    session: { defaultSession: Record<string, ReturnType<typeof vi.fn>> };
    Menu: { setApplicationMenu: ReturnType<typeof vi.fn> };
  };
const lastWindow = () => (mocks.state.windows as FakeWindow[]).at(-1)!;
const appScheme = () => (mocks.state.protocolHandlers as Map<string, (request: Request) => Promise<Response>>).get('motcua')!;
const call = (name: string, args: unknown[], from = fromApp) => handlers.get('motcua:host')!(from, name, args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

const fromApp = { senderFrame: { url: 'motcua://app/index.html' } };
const crashListeners = () => process.listeners('uncaughtException');
let listenersBefore: ReturnType<typeof crashListeners>;

async function startMain(options: { packaged?: boolean; policy?: object } = {}) {
  env.userData = await mkdtemp(join(tmpdir(), 'motcua-main-'));
  env.packaged = options.packaged ?? false;
  if (options.policy) {
    process.env.MOTCUA_POLICY_FILE = join(env.userData, 'policy.json');
    await writeFile(process.env.MOTCUA_POLICY_FILE, JSON.stringify(options.policy));
  } else {
    process.env.MOTCUA_POLICY_FILE = join(env.userData, 'no-policy.json');
  }
  handlers.clear();
  // Mocked modules outlive resetModules: start each run with clean call records.
  vi.clearAllMocks();
  vi.resetModules();
  await import('../../electron/main');
  await vi.waitFor(() => expect(lastWindow()?.loadURL).toHaveBeenCalled());
}

beforeEach(() => {
  listenersBefore = crashListeners();
  (mocks.state.windows as unknown[] | undefined)?.splice(0);
});
afterEach(() => {
  for (const listener of crashListeners()) if (!listenersBefore.includes(listener)) process.removeListener('uncaughtException', listener);
  delete process.env.MOTCUA_POLICY_FILE;
  vi.useRealTimers();
});

describe('electron/main', () => {
  beforeEach(() => startMain());

  test('opens a sandboxed, isolated window without Node on the app scheme', () => {
    expect(lastWindow().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: true });
    expect(lastWindow().loadURL).toHaveBeenCalledWith('motcua://app/index.html');
  });

  test('forwards a valid call from the app and returns its value', async () => {
    const reply = (await call('settings.get', [])) as { ok: boolean; value: { counterName: string } };
    expect(reply.ok).toBe(true);
    expect(reply.value.counterName).toBe('Quầy 1');
  });

  test.each([
    ['a frame from another origin', { senderFrame: { url: 'https://evil.example/' } }, 'settings.get', [], 'UNTRUSTED_SENDER'],
    ['a frame on the app scheme but another host', { senderFrame: { url: 'motcua://evil/index.html' } }, 'settings.get', [], 'UNTRUSTED_SENDER'],
    ['a frame without URL', { senderFrame: null }, 'settings.get', [], 'UNTRUSTED_SENDER'],
    ['an unknown call', fromApp, 'fs.readFile', ['/etc/passwd'], 'UNKNOWN_CALL'],
    ['a prototype key as call', fromApp, '__proto__.constructor', [], 'UNKNOWN_CALL'],
    ['arguments that are not a list', fromApp, 'settings.get', 'x', 'BAD_ARGS'],
    ['extra arguments', fromApp, 'app.info', [1], 'BAD_ARGS'],
    ['a status call without printer id', fromApp, 'printers.status', [], 'BAD_ARGS'],
    ['a raster of odd width', fromApp, 'printers.printRaster', [{ jobId: 'j', printerId: 'p', widthDots: 577, heightDots: 10, rasterBase64: 'AA==', cut: true }], 'BAD_ARGS'],
    ['an HTML job on the wrong paper', fromApp, 'printers.printHtml', [{ jobId: 'j', printerId: 'p', html: '<p>x</p>', paper: 'Letter' }], 'BAD_ARGS'],
    ['a settings key that does not exist', fromApp, 'settings.update', [{ nodeIntegration: true }], 'BAD_ARGS'],
    ['a server URL that is not http', fromApp, 'settings.update', [{ serverUrl: 'file:///etc' }], 'BAD_ARGS'],
    ['a scanner wait that is too long', fromApp, 'scanner.next', [0, 3_600_000], 'BAD_ARGS'],
    ['a malformed device credential', fromApp, 'device.saveCredential', [{ token: 'x' }], 'BAD_ARGS'],
    ['a kiosk PIN with letters', fromApp, 'desktop.exitKiosk', ['12ab'], 'BAD_ARGS'],
    ['a busy flag that is not a boolean', fromApp, 'desktop.setBusy', ['yes'], 'BAD_ARGS'],
    ['a log line of an unknown level', fromApp, 'log.write', [[{ level: 'debug', at: '2026-01-12T08:00:00.000Z', message: 'x' }]], 'BAD_ARGS'],
    ['a log read without a size', fromApp, 'log.read', [{}], 'BAD_ARGS'],
  ])('refuses %s', async (_what, from, name, args, code) => {
    const reply = await call(name, args as unknown[], from as typeof fromApp);
    expect(reply.ok).toBe(false);
    expect(reply.error!.code).toBe(code);
    expect(reply.error!.message).toMatch(/[àáảãạăâđêôơưệốộ]/);
  });

  test("the renderer's log lines and main's own go to <userData>/logs/motcua.log, which the app can read back", async () => {
    const line = { level: 'error', at: '2026-01-12T08:00:00.000Z', message: 'Không in được phiếu', context: { dossierCode: '000.00.15.H41-260112-0001' } };
    expect(await call('log.write', [[line]])).toEqual({ ok: true, value: { ok: true, written: 1 } });
    await call('log.write', [[{ ...line, level: 'debug' }]]);
    const file = join(env.userData, 'logs', 'motcua.log');
    await vi.waitFor(async () => expect(await readFile(file, 'utf8')).toContain('"source":"machine","message":"[host] log.write: BAD_ARGS'));
    const reply = (await call('log.read', [{ maxBytes: 10_000 }])) as { value: { ok: boolean; text: string; path: string } };
    expect(reply.value).toMatchObject({ ok: true, path: file });
    expect(reply.value.text).toContain('"source":"renderer","message":"Không in được phiếu"');
  });

  test('a refused settings update changes nothing', async () => {
    await call('settings.update', [{ counterName: '' }]);
    const reply = (await call('settings.get', [])) as { value: { counterName: string } };
    expect(reply.value.counterName).toBe('Quầy 1');
  });

  test('the app scheme sends index.html with a strict policy naming the server, in header and meta alike', async () => {
    const response = await appScheme()(new Request('motcua://app/index.html'));
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:8787");
    expect(policy).not.toMatch(/unsafe-eval|https:(?!\/)/);
    const html = await response.text();
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(html).toContain('connect-src &#39;self&#39; http://127.0.0.1:8787'.replace(/&#39;/g, "'"));
  });

  test('the app scheme refuses paths outside the renderer and other hosts', async () => {
    expect((await appScheme()(new Request('motcua://app/..%2f..%2fpackage.json'))).status).toBe(403);
    expect((await appScheme()(new Request('motcua://other/index.html'))).status).toBe(403);
    expect((await appScheme()(new Request('motcua://app/nothing-here.js'))).status).toBe(404);
  });

  test('a new server address reloads the page and the policy follows it', async () => {
    vi.useFakeTimers();
    const reply = await call('settings.update', [{ serverUrl: 'http://10.0.5.2:8787' }]);
    expect(reply.ok).toBe(true);
    vi.advanceTimersByTime(200);
    expect(lastWindow().webContents.reload).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    const response = await appScheme()(new Request('motcua://app/index.html'));
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' http://10.0.5.2:8787");
    await call('settings.update', [{ counterName: 'Quầy 2' }]);
    expect(lastWindow().webContents.reload).toHaveBeenCalledTimes(1);
  });

  test('permission requests: only the video camera for the app origin', () => {
    const handler = electron().session.defaultSession.setPermissionRequestHandler!.mock.calls.at(-1)![0] as (wc: unknown, p: string, cb: (ok: boolean) => void, d: object) => void;
    const ask = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      let granted: boolean | undefined;
      handler({}, permission, (ok) => (granted = ok), { requestingUrl, mediaTypes, isMainFrame: true });
      return granted;
    };
    expect(ask('media', 'motcua://app/index.html', ['video'])).toBe(true);
    expect(ask('media', 'motcua://app/index.html', ['video', 'audio'])).toBe(false);
    expect(ask('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(ask('geolocation', 'motcua://app/index.html')).toBe(false);
    expect(ask('notifications', 'motcua://app/index.html')).toBe(false);
  });

  test('every web contents refuses navigation away, new windows and <webview>', () => {
    const contents = Object.assign(emitter(), { setWindowOpenHandler: vi.fn() });
    electron().app.emit('web-contents-created', {}, contents);
    const away = event('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const inside = event('motcua://app/index.html#/receive');
    contents.emit('will-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);
    const redirect = event('file:///etc/passwd');
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    const open = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => { action: string };
    expect(open({ url: 'motcua://app/index.html' })).toEqual({ action: 'deny' });
  });

  test('without a kiosk policy the window is not in kiosk mode and desktop.exitKiosk has nothing to do', async () => {
    expect(lastWindow().setKiosk).not.toHaveBeenCalled();
    expect(await call('desktop.exitKiosk', ['1234'])).toEqual({ ok: true, value: true });
  });

  test('a crashed renderer is reloaded where it was', async () => {
    vi.useFakeTimers();
    lastWindow().webContents.emit('did-navigate-in-page', {}, 'motcua://app/index.html#/search');
    lastWindow().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    vi.advanceTimersByTime(1_000);
    expect(lastWindow().loadURL).toHaveBeenLastCalledWith('motcua://app/index.html#/search');
  });
});

describe('electron/main in kiosk mode', () => {
  const pin = '482916';
  beforeEach(() => startMain({ policy: { kioskMode: true, adminPinHash: hashAdminPin(pin) } }));

  test('goes full screen, keeps the window open and ignores reload and devtools shortcuts', () => {
    expect(lastWindow().setKiosk).toHaveBeenCalledWith(true);
    expect(electron().Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    const close = event();
    lastWindow().events.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    const f12 = event();
    lastWindow().webContents.emit('before-input-event', f12, { type: 'keyDown', key: 'F12', control: false, meta: false, alt: false, shift: false });
    expect(f12.defaultPrevented).toBe(true);
    const f2 = event();
    lastWindow().webContents.emit('before-input-event', f2, { type: 'keyDown', key: 'F2', control: false, meta: false, alt: false, shift: false });
    expect(f2.defaultPrevented).toBe(false);
  });

  test('only the administrator PIN ends kiosk mode', async () => {
    expect(await call('desktop.exitKiosk', ['000000'])).toEqual({ ok: true, value: false });
    expect(lastWindow().setKiosk).not.toHaveBeenCalledWith(false);
    expect(await call('desktop.exitKiosk', [pin])).toEqual({ ok: true, value: true });
    expect(lastWindow().setKiosk).toHaveBeenLastCalledWith(false);
    const close = event();
    lastWindow().events.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
  });

  test('quitting the app is never held up by the kiosk', () => {
    electron().app.emit('before-quit');
    const close = event();
    lastWindow().events.emit('close', close);
    expect(close.defaultPrevented).toBe(false);
  });
});

describe('electron/main configuration', () => {
  afterEach(() => void delete process.env.MOTCUA_SERVER_URL);

  test('in development MOTCUA_SERVER_URL is the first-start server (npm start points it at the demo server)', async () => {
    process.env.MOTCUA_SERVER_URL = 'http://127.0.0.1:9999';
    await startMain();
    const reply = (await call('settings.get', [])) as { value: { serverUrl: string } };
    expect(reply.value.serverUrl).toBe('http://127.0.0.1:9999');
  });

  test('a packaged app ignores it: the environment of whoever starts it does not pick the server', async () => {
    process.env.MOTCUA_SERVER_URL = 'http://10.9.9.9:8787';
    await startMain({ packaged: true });
    const reply = (await call('settings.get', [])) as { value: { serverUrl: string } };
    expect(reply.value.serverUrl).toBe('http://127.0.0.1:8787');
  });

  test('a bad value stops the app with a Vietnamese message naming it', async () => {
    process.env.MOTCUA_SERVER_URL = 'ftp://máy-chủ';
    env.userData = await mkdtemp(join(tmpdir(), 'motcua-main-'));
    env.packaged = false;
    vi.clearAllMocks();
    vi.resetModules();
    await import('../../electron/main');
    await vi.waitFor(() => expect(electron().app.exit).toHaveBeenCalledWith(1));
    const dialog = (mocks.state.electron as { dialog: { showErrorBox: ReturnType<typeof vi.fn> } }).dialog;
    expect(dialog.showErrorBox.mock.calls[0]![1]).toMatch(/^Cấu hình quầy không hợp lệ: MOTCUA_SERVER_URL = "ftp:\/\/máy-chủ": địa chỉ máy chủ phải bắt đầu bằng http:\/\/ hoặc https:\/\//);
  });
});

describe('electron/main packaged', () => {
  type Updater = { setFeedURL: ReturnType<typeof vi.fn>; quitAndInstall: ReturnType<typeof vi.fn>; autoInstallOnAppQuit: boolean };

  test('checks the Center server for updates over https and installs only once the counter is free', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A packaged app reads only the machine policy, never MOTCUA_POLICY_FILE: plain-http updates stay refused.
    await startMain({ packaged: true, policy: { allowHttpUpdates: true } });
    const updater = mocks.state.updater as Updater;
    const events = mocks.state.updaterEvents as Map<string, Listener>;
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(electron().Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(lastWindow().options.webPreferences.devTools).toBe(false);
    expect((await call('settings.update', [{ serverUrl: 'https://motcua.nghean.example/api' }])).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(7 * 60_000);
    await vi.waitFor(() => expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://motcua.nghean.example/api/updates/' }));

    expect(await call('desktop.setBusy', [true])).toEqual({ ok: true, value: undefined });
    events.get('update-downloaded')!({ version: '0.2.0' });
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    await call('desktop.setBusy', [false]);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  test('refuses updates over plain http without the machine policy allowing it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await startMain({ packaged: true });
    await vi.advanceTimersByTimeAsync(7 * 60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect((mocks.state.updater as Updater).setFeedURL).not.toHaveBeenCalled();
  });

  test('relaunches after a main-process crash, but not in a loop', async () => {
    await startMain({ packaged: true });
    const added = crashListeners().filter((l) => !listenersBefore.includes(l));
    expect(added).toHaveLength(1);
    const app = (mocks.state.electron as { app: { relaunch: ReturnType<typeof vi.fn>; exit: ReturnType<typeof vi.fn> } }).app;
    const dialog = (mocks.state.electron as { dialog: { showErrorBox: ReturnType<typeof vi.fn> } }).dialog;
    for (let i = 1; i <= 4; i++) {
      (added[0] as (e: Error) => void)(new Error(`hỏng lần ${i}`));
      await vi.waitFor(() => expect(app.exit).toHaveBeenCalledTimes(i));
    }
    expect(app.relaunch).toHaveBeenCalledTimes(3);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox.mock.calls[0]![1]).toMatch(/bộ phận CNTT/);
  });
});

describe('electron/preload', () => {
  test('exposes exactly the contract, one typed object, through one channel', async () => {
    vi.resetModules();
    await import('../../electron/preload');
    const host = exposed.kioskHost as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    expect(Object.keys(host).sort()).toEqual(['app', 'desktop', 'device', 'log', 'printers', 'queue', 'scanFolder', 'scanner', 'settings']);
    invoke.mockResolvedValueOnce({ ok: true, value: { version: '0.1.0' } });
    await expect(host.app!.info!()).resolves.toEqual({ version: '0.1.0' });
    expect(invoke).toHaveBeenLastCalledWith('motcua:host', 'app.info', []);
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'BAD_ARGS', message: 'Lệnh sai' } });
    await expect(host.printers!.status!('x')).rejects.toThrow('Lệnh sai');
  });
});
