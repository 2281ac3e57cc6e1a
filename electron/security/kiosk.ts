// Full-screen kiosk mode: the window cannot be closed or left from the keyboard, and only the
// administrator PIN (checked here in main, never in the renderer) ends it for this session.
import type { Input } from 'electron';
import { createPinAttemptLimiter, verifyAdminPin, type PinAttemptLimiter } from './adminPin';
import type { KioskPolicy } from './kioskPolicy';

export interface KioskWindow {
  setKiosk(flag: boolean): void;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  webContents: { on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: Input) => void): unknown };
}

/** Shortcuts that close, reload or inspect the page: refused while the kiosk is locked. */
export function isBlockedInKiosk(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f12' || key === 'f5' || key === 'f11') return true;
  if (input.alt && key === 'f4') return true;
  if (command && ['w', 'q', 'r', 'n', 't', 'p', 'o', 's'].includes(key)) return true;
  if (command && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

export interface KioskController {
  readonly locked: boolean;
  attach(window: KioskWindow): void;
  /** Ends kiosk mode when the PIN is right; false when it is wrong. Throws (Vietnamese) when locked out or no PIN is set. */
  exit(pin: string): Promise<boolean>;
  /** Lets the window close (app quitting, update install, OS shutdown). */
  allowClose(): void;
}

export function createKioskController(options: { policy: KioskPolicy; log: (line: string) => void; now?: () => number; limiter?: PinAttemptLimiter }): KioskController {
  const now = options.now ?? Date.now;
  const limiter = options.limiter ?? createPinAttemptLimiter();
  let locked = options.policy.kioskMode;
  let closing = false;
  let window: KioskWindow | undefined;

  return {
    get locked() {
      return locked && !closing;
    },
    attach(target) {
      window = target;
      if (!locked) return;
      target.setKiosk(true);
      target.on('close', (event) => {
        if (locked && !closing) event.preventDefault();
      });
      target.webContents.on('before-input-event', (event, input) => {
        if (locked && !closing && isBlockedInKiosk(input)) event.preventDefault();
      });
    },
    async exit(pin) {
      if (!locked) return true;
      if (!options.policy.adminPinHash) {
        throw new Error('Máy này chưa được đặt mã PIN quản trị nên không thoát được chế độ kiosk trong ứng dụng. Hãy báo bộ phận CNTT.');
      }
      const wait = limiter.waitMs(now());
      if (wait > 0) {
        throw new Error(`Đã nhập sai mã PIN quá nhiều lần. Hãy thử lại sau ${Math.ceil(wait / 60_000)} phút.`);
      }
      const ok = verifyAdminPin(pin, options.policy.adminPinHash);
      limiter.record(ok, now());
      options.log(ok ? '[kiosk] quản trị viên đã thoát chế độ kiosk' : '[kiosk] sai mã PIN quản trị');
      if (!ok) return false;
      locked = false;
      window?.setKiosk(false);
      return true;
    },
    allowClose() {
      closing = true;
    },
  };
}
