// The security pieces of main, driven without Electron: the policy, the app scheme, permissions,
// the restart cap, the admin PIN, kiosk mode and renderer recovery.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { createPinAttemptLimiter, hashAdminPin, verifyAdminPin } from '../../electron/security/adminPin';
import { createAppProtocolHandler } from '../../electron/security/appProtocol';
import { contentSecurityPolicy, isAppUrl, serverOrigin, withMetaPolicy } from '../../electron/security/csp';
import { isPermissionGranted } from '../../electron/security/guards';
import { createKioskController, isBlockedInKiosk, type KioskWindow } from '../../electron/security/kiosk';
import { defaultPolicyFile, readKioskPolicy } from '../../electron/security/kioskPolicy';
import { RELOAD_DELAYS_MS, watchRenderer, type RecoverableWindow } from '../../electron/security/recovery';
import { DEFAULT_RESTART_POLICY, readRestartRecord, recordCrash, reopenUrl, writeRestartRecord, type RestartRecord } from '../../electron/security/restartPolicy';
import { safeStorageCipher } from '../../electron/security/safeStorage';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('content security policy', () => {
  test('connect-src names exactly the configured server origin, whatever its path', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }), (url) => {
        const policy = contentSecurityPolicy(url);
        expect(directive(policy, 'connect-src')).toBe(`connect-src 'self' ${new URL(url).origin}`);
        expect(policy).not.toMatch(/unsafe-eval|\*/);
        expect(directive(policy, 'script-src')).toBe("script-src 'self'");
      }),
    );
  });

  test.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url', '', undefined])('a server address %s adds nothing to connect-src', (url) => {
    expect(serverOrigin(url)).toBeUndefined();
    expect(directive(contentSecurityPolicy(url), 'connect-src')).toBe("connect-src 'self'");
  });

  test('the meta tag is replaced, not duplicated, and the policy cannot break out of the attribute', () => {
    const html = '<html><head><meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="default-src *" /></head></html>';
    const out = withMetaPolicy(html, contentSecurityPolicy('http://10.0.0.2:8787'));
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(out).not.toContain('default-src *');
    expect(out).not.toContain('frame-ancestors');
    expect(withMetaPolicy('<head></head>', `a"><script>x</script>`)).not.toContain('<script>');
    expect(withMetaPolicy('<html><head></head></html>', "default-src 'none'")).toContain('<head><meta http-equiv="Content-Security-Policy"');
  });

  test.each([
    ['motcua://app/index.html', true],
    ['motcua://app/index.html#/search', true],
    ['motcua://evil/index.html', false],
    ['https://app/index.html', false],
    ['file:///app/index.html', false],
    [undefined, false],
  ])('isAppUrl(%s) = %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('app scheme', () => {
  async function handler() {
    const root = await mkdtemp(join(tmpdir(), 'motcua-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src *"></head><body></body></html>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, '..', `secret-${root.split('-').at(-1)}.txt`), 'bí mật');
    return { root, handle: createAppProtocolHandler({ rendererDir: root, policy: async () => contentSecurityPolicy('http://10.1.1.1:8787') }) };
  }

  test('serves the renderer with the policy on every file', async () => {
    const { handle } = await handler();
    const page = await handle(new Request('motcua://app/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('http://10.1.1.1:8787');
    expect(await page.text()).toContain("connect-src 'self' http://10.1.1.1:8787");
    const script = await handle(new Request('motcua://app/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('content-security-policy')).toBeTruthy();
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('refuses traversal, other hosts and writes', async () => {
    const { root, handle } = await handler();
    const name = `secret-${root.split('-').at(-1)}.txt`;
    expect((await handle(new Request(`motcua://app/..%2f${name}`))).status).toBe(403);
    // The URL parser folds %2e%2e away, so this one stays inside the renderer folder and is simply absent.
    const dotted = await handle(new Request(`motcua://app/%2e%2e/${name}`));
    expect(dotted.status).toBe(404);
    expect(await dotted.text()).not.toContain('bí mật');
    expect((await handle(new Request('motcua://app/%E0%A4%A'))).status).toBe(400);
    expect((await handle(new Request('motcua://elsewhere/index.html'))).status).toBe(403);
    expect((await handle(new Request('motcua://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('permissions', () => {
  test.each([
    ['media', 'motcua://app/index.html', ['video'], true],
    ['media', 'motcua://app/index.html', ['audio'], false],
    ['media', 'motcua://app/index.html', ['video', 'audio'], false],
    ['media', 'https://evil.example/', ['video'], false],
    ['persistent-storage', 'motcua://app/index.html', undefined, true],
    ['local-network-access', 'motcua://app/index.html', undefined, true],
    ['geolocation', 'motcua://app/index.html', undefined, false],
    ['openExternal', 'motcua://app/index.html', undefined, false],
    ['clipboard-read', 'motcua://app/index.html', undefined, false],
    ['usb', 'motcua://app/index.html', undefined, false],
    ['serial', 'motcua://app/index.html', undefined, false],
  ])('%s from %s (%j) → %s', (permission, requestingUrl, mediaTypes, expected) => {
    expect(isPermissionGranted({ permission, requestingUrl, mediaTypes })).toBe(expected);
  });
});

describe('restart after a main-process crash', () => {
  const policy = DEFAULT_RESTART_POLICY;

  test('never relaunches more than the cap within the window, and again once it has passed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        let record: RestartRecord = { crashes: [] };
        let now = 1_000_000;
        const relaunches: number[] = [];
        for (const gap of gaps) {
          now += gap;
          const step = recordCrash(record, now, 'motcua://app/index.html', policy);
          record = step.record;
          if (step.relaunch) relaunches.push(now);
        }
        for (const at of relaunches) expect(relaunches.filter((t) => t > at - policy.windowMs && t <= at).length).toBeLessThanOrEqual(policy.maxRestarts);
        expect(recordCrash(record, now + policy.windowMs, undefined, policy).relaunch).toBe(true);
      }),
    );
  });

  test('reopens where the renderer was after a recent crash, and only an app URL', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'motcua-restart-')), 'restarts.json');
    expect(await readRestartRecord(file)).toEqual({ crashes: [] });
    const { record } = recordCrash({ crashes: [] }, 5_000, 'motcua://app/index.html#/return');
    await writeRestartRecord(file, record);
    const read = await readRestartRecord(file);
    expect(reopenUrl(read, 'motcua://app/index.html', 6_000)).toBe('motcua://app/index.html#/return');
    expect(reopenUrl(read, 'motcua://app/index.html', 5_000 + policy.windowMs + 1)).toBe('motcua://app/index.html');
    expect(recordCrash({ crashes: [] }, 1, 'https://evil.example/').record.lastUrl).toBeUndefined();
    await writeFile(file, '{broken');
    expect(await readRestartRecord(file)).toEqual({ crashes: [] });
  });
});

describe('administrator PIN', () => {
  test('verifies the right PIN only, with a salt per hash', () => {
    const hash = hashAdminPin('2468');
    expect(verifyAdminPin('2468', hash)).toBe(true);
    expect(verifyAdminPin('2469', hash)).toBe(false);
    expect(verifyAdminPin('2468', undefined)).toBe(false);
    expect(verifyAdminPin('2468', 'scrypt1$$')).toBe(false);
    expect(verifyAdminPin('2468', 'md5$abc$def')).toBe(false);
    expect(hashAdminPin('2468')).not.toBe(hash);
    expect(() => hashAdminPin('12')).toThrow(/4 đến 12 chữ số/);
  });

  test('locks attempts after repeated failures, longer each time', () => {
    const limiter = createPinAttemptLimiter(3, 1_000);
    for (let i = 0; i < 3; i++) limiter.record(false, 0);
    expect(limiter.waitMs(0)).toBe(1_000);
    expect(limiter.waitMs(1_000)).toBe(0);
    for (let i = 0; i < 3; i++) limiter.record(false, 1_000);
    expect(limiter.waitMs(1_000)).toBe(2_000);
    limiter.record(true, 5_000);
    limiter.record(false, 5_000);
    expect(limiter.waitMs(5_000)).toBe(0);
  });
});

describe('kiosk mode', () => {
  function fakeWindow() {
    const listeners: Record<string, (...a: never[]) => unknown> = {};
    const window = {
      setKiosk: vi.fn(),
      on: (name: string, fn: (...a: never[]) => unknown) => void (listeners[name] = fn),
      webContents: { on: (name: string, fn: (...a: never[]) => unknown) => void (listeners[name] = fn) },
    };
    const fire = (name: string, ...args: unknown[]) => (listeners[name] as unknown as (...a: unknown[]) => unknown)(...args);
    return { window: window as unknown as KioskWindow & { setKiosk: ReturnType<typeof vi.fn> }, fire };
  }
  const prevented = () => {
    const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
    return e;
  };
  const key = (key: string, mods: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({
    type: 'keyDown' as const,
    key,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });

  test.each([
    [key('F12'), true],
    [key('F4', { alt: true }), true],
    [key('w', { control: true }), true],
    [key('I', { control: true, shift: true }), true],
    [key('F5'), true],
    [key('F4'), false],
    [key('F2'), false],
    [key('c', { control: true }), false],
    [{ ...key('F12'), type: 'keyUp' as const }, false],
  ])('blocks %j: %s', (input, expected) => expect(isBlockedInKiosk(input)).toBe(expected));

  test('locks out PIN guessing with a Vietnamese message, then accepts the right PIN', async () => {
    let now = 0;
    const kiosk = createKioskController({ policy: { kioskMode: true, adminPinHash: hashAdminPin('13579') }, log: () => undefined, now: () => now, limiter: createPinAttemptLimiter(2, 60_000) });
    const { window, fire } = fakeWindow();
    kiosk.attach(window);
    expect(window.setKiosk).toHaveBeenCalledWith(true);
    expect(await kiosk.exit('0000')).toBe(false);
    expect(await kiosk.exit('1111')).toBe(false);
    await expect(kiosk.exit('13579')).rejects.toThrow(/thử lại sau 1 phút/);
    now = 60_000;
    expect(await kiosk.exit('13579')).toBe(true);
    expect(window.setKiosk).toHaveBeenLastCalledWith(false);
    const close = prevented();
    fire('close', close);
    expect(close.prevented).toBe(false);
  });

  test('without a PIN in the policy there is no exit inside the app, but quitting still closes', async () => {
    const kiosk = createKioskController({ policy: { kioskMode: true }, log: () => undefined });
    const { window, fire } = fakeWindow();
    kiosk.attach(window);
    await expect(kiosk.exit('1234')).rejects.toThrow(/chưa được đặt mã PIN/);
    const close = prevented();
    fire('close', close);
    expect(close.prevented).toBe(true);
    kiosk.allowClose();
    const again = prevented();
    fire('close', again);
    expect(again.prevented).toBe(false);
  });

  test('the machine policy: missing means off, unreadable means on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-policy-'));
    const log = vi.fn();
    expect(await readKioskPolicy(join(dir, 'none.json'), log)).toEqual({ kioskMode: false });
    await writeFile(join(dir, 'bad.json'), '{kiosk');
    expect(await readKioskPolicy(join(dir, 'bad.json'), log)).toEqual({ kioskMode: true });
    expect(log).toHaveBeenCalledTimes(1);
    await writeFile(join(dir, 'ok.json'), JSON.stringify({ kioskMode: true, adminPinHash: 'scrypt1$a$b', allowHttpUpdates: 'yes' }));
    expect(await readKioskPolicy(join(dir, 'ok.json'), log)).toEqual({ kioskMode: true, adminPinHash: 'scrypt1$a$b' });
    expect(defaultPolicyFile('win32', { ProgramData: 'D:\\PD' })).toMatch(/^D:\\PD.MotCua Counter.policy\.json$/);
    expect(defaultPolicyFile('linux', {})).toBe('/etc/motcua-counter/policy.json');
  });
});

describe('renderer recovery', () => {
  function fakeWindow() {
    const listeners: Record<string, (...a: unknown[]) => unknown> = {};
    const on = (name: string, fn: (...a: unknown[]) => unknown) => void (listeners[name] = fn);
    const window = { isDestroyed: () => false, loadURL: vi.fn(async () => undefined), on, webContents: { on, forcefullyCrashRenderer: vi.fn() } };
    return { window, fire: (name: string, ...args: unknown[]) => listeners[name]!(...args) };
  }

  test('reloads the last app URL after a crash, with growing pauses, and not after a clean exit', () => {
    vi.useFakeTimers();
    let now = 0;
    const { window, fire } = fakeWindow();
    const recovery = watchRenderer(window as unknown as RecoverableWindow, { entryUrl: 'motcua://app/index.html', log: () => undefined, now: () => now });
    fire('did-navigate-in-page', {}, 'motcua://app/index.html#/handoff');
    fire('did-navigate', {}, 'https://evil.example/');
    expect(recovery.lastUrl).toBe('motcua://app/index.html#/handoff');
    fire('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    vi.advanceTimersByTime(120_000);
    expect(window.loadURL).not.toHaveBeenCalled();
    for (const delay of RELOAD_DELAYS_MS.slice(0, 3)) {
      fire('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
      vi.advanceTimersByTime(delay - 1);
      const calls = window.loadURL.mock.calls.length;
      vi.advanceTimersByTime(1);
      expect(window.loadURL.mock.calls.length).toBe(calls + 1);
      now += delay;
    }
    expect(window.loadURL).toHaveBeenLastCalledWith('motcua://app/index.html#/handoff');
    vi.useRealTimers();
  });

  test('a renderer hung for 30 s is crashed so it reloads; one that recovers is left alone', () => {
    vi.useFakeTimers();
    const { window, fire } = fakeWindow();
    watchRenderer(window as unknown as RecoverableWindow, { entryUrl: 'motcua://app/index.html', log: () => undefined });
    fire('unresponsive');
    vi.advanceTimersByTime(10_000);
    fire('responsive');
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    fire('unresponsive');
    vi.advanceTimersByTime(30_000);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

describe('device credential cipher', () => {
  const store = { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };

  test('seals with the OS key store and refuses the Linux plain-text fallback', () => {
    const log = vi.fn();
    const cipher = safeStorageCipher(store, 'win32', log)!;
    expect(cipher.decrypt(cipher.encrypt('token-ABC'))).toBe('token-ABC');
    expect(cipher.encrypt('token-ABC').toString()).not.toContain('token');
    expect(safeStorageCipher({ ...store, getSelectedStorageBackend: () => 'basic_text' }, 'linux', log)).toBeUndefined();
    expect(safeStorageCipher({ ...store, isEncryptionAvailable: () => false }, 'win32', log)).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(2);
  });
});
