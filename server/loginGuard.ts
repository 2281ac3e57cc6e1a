// Password guessing against POST /v1/sessions. Failures are counted per username at one address, per
// address and per username; past a threshold each further failure locks that key for a growing time
// (10 s doubling, at most 15 min), and a locked attempt is refused before any password work, the
// right password included. Hash work runs through a small pool, one attempt per address at a time,
// so a flood of logins can neither take the CPU from pushes nor queue an officer's sign-in behind it.
// In memory, per server process: a restart forgets the counts (the locks are minutes long anyway).
import { availableParallelism } from 'node:os';
import { ApiError } from './errors';

interface Failures {
  count: number;
  lockedUntil: number;
  last: number;
}

/** Failures before the lock starts, per kind of key. */
const THRESHOLDS = { pair: 5, address: 20, user: 50 } as const;
const FIRST_LOCK_MS = 10_000;
const MAX_LOCK_MS = 15 * 60_000;
/** A key with no failure for this long starts again from zero. */
const FORGET_MS = 24 * 3600_000;
/** Most keys remembered; the oldest are dropped first (a flood of made-up names cannot fill memory). */
const MAX_KEYS = 20_000;

export interface LoginGuardOptions {
  now?: () => number;
  /** Password hashes computed at once; default: all cores but one, at least 1, at most 2. */
  concurrency?: number;
  /** Logins waiting for the pool (one per address) before the server answers 503. */
  maxWaiting?: number;
}

/** "45 giây", "3 phút": how long to wait, as staff read it. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} giây`;
  return `${Math.ceil(seconds / 60)} phút`;
}

export class LoginGuard {
  private readonly failures = new Map<string, Failures>();
  private readonly now: () => number;
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly busyAddresses = new Set<string>();

  constructor(options: LoginGuardOptions = {}) {
    this.now = options.now ?? Date.now;
    this.concurrency = options.concurrency ?? Math.min(2, Math.max(1, availableParallelism() - 1));
    this.maxWaiting = options.maxWaiting ?? 64;
  }

  private keys(username: string, address: string): [string, number][] {
    return [
      [`pair:${username}|${address}`, THRESHOLDS.pair],
      [`address:${address}`, THRESHOLDS.address],
      [`user:${username}`, THRESHOLDS.user],
    ];
  }

  private record(key: string): Failures | undefined {
    const r = this.failures.get(key);
    if (r && this.now() - r.last > FORGET_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return r;
  }

  /** Throws 429 while any key of this attempt is locked, saying how long to wait. */
  checkNotLocked(username: string, address: string): void {
    const until = Math.max(0, ...this.keys(username, address).map(([key]) => this.record(key)?.lockedUntil ?? 0));
    const wait = until - this.now();
    if (wait > 0) throw tooManyAttempts(wait);
  }

  recordFailure(username: string, address: string): void {
    const now = this.now();
    for (const [key, threshold] of this.keys(username, address)) {
      const r = this.record(key) ?? { count: 0, lockedUntil: 0, last: now };
      r.count++;
      r.last = now;
      if (r.count >= threshold) r.lockedUntil = now + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (r.count - threshold));
      // Re-inserted so the map's order is least recently failed first.
      this.failures.delete(key);
      this.failures.set(key, r);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A right password clears this username's count at this address; the address's and the username's own counts stay. */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(`pair:${username}|${address}`);
  }

  /**
   * Runs `work` (the account lookup and the password hash) in the bounded pool: one attempt per
   * address at a time, at most `concurrency` at once, at most `maxWaiting` waiting; beyond that 429 /
   * 503 before any database or hash work.
   */
  async attemptSlot<T>(address: string, work: () => Promise<T>): Promise<T> {
    if (this.busyAddresses.has(address)) throw new ApiError(429, 'TOO_MANY_ATTEMPTS', 'Máy này đang có một lần đăng nhập chưa xong. Hãy đợi vài giây rồi thử lại.');
    if (this.running >= this.concurrency && this.waiting.length >= this.maxWaiting) {
      const busy = new ApiError(503, 'SERVER_BUSY');
      busy.retryAfterSeconds = 5;
      throw busy;
    }
    this.busyAddresses.add(address);
    try {
      if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
      else this.running++;
      try {
        return await work();
      } finally {
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      }
    } finally {
      this.busyAddresses.delete(address);
    }
  }
}

function tooManyAttempts(waitMs: number): ApiError {
  const err = new ApiError(429, 'TOO_MANY_ATTEMPTS', `Đăng nhập sai quá nhiều lần. Hãy đợi ${waitText(waitMs)} rồi thử lại; nếu quên mật khẩu, liên hệ quản trị viên.`, {
    retryAfterSeconds: Math.ceil(waitMs / 1000),
  });
  err.retryAfterSeconds = Math.ceil(waitMs / 1000);
  return err;
}
