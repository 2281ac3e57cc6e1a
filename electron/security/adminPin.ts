// The administrator PIN that lets IT leave kiosk mode. Only a salted scrypt hash is stored, in the
// machine policy IT deploys; wrong guesses lock the exit for a while so a short PIN cannot be brute-forced.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const PREFIX = 'scrypt1';
const KEY_LENGTH = 32;

export const ADMIN_PIN_PATTERN = /^\d{4,12}$/;

/** `scrypt1$<salt base64>$<hash base64>`, the form kept in the policy file's `adminPinHash`. */
export function hashAdminPin(pin: string, salt: Buffer = randomBytes(16)): string {
  if (!ADMIN_PIN_PATTERN.test(pin)) throw new Error('Mã PIN quản trị phải gồm 4 đến 12 chữ số.');
  return `${PREFIX}$${salt.toString('base64')}$${scryptSync(pin, salt, KEY_LENGTH).toString('base64')}`;
}

export function verifyAdminPin(pin: string, stored: string | undefined): boolean {
  if (!stored || !ADMIN_PIN_PATTERN.test(pin)) return false;
  const [prefix, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  return timingSafeEqual(scryptSync(pin, Buffer.from(salt, 'base64'), KEY_LENGTH), expected);
}

export interface PinAttemptLimiter {
  /** Milliseconds still to wait before another attempt is accepted (0 = now). */
  waitMs(now: number): number;
  record(ok: boolean, now: number): void;
}

/** After `maxFailures` wrong PINs in a row, refuse attempts for `lockMs`, doubling at each further lock. */
export function createPinAttemptLimiter(maxFailures = 5, lockMs = 5 * 60_000): PinAttemptLimiter {
  let failures = 0;
  let locks = 0;
  let lockedUntil = 0;
  return {
    waitMs: (now) => Math.max(0, lockedUntil - now),
    record(ok, now) {
      if (ok) {
        failures = 0;
        locks = 0;
        return;
      }
      failures += 1;
      if (failures >= maxFailures) {
        lockedUntil = now + lockMs * 2 ** locks;
        locks += 1;
        failures = 0;
      }
    },
  };
}
