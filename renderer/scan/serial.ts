// Serial-mode scanners: the host reads the port and buffers scans with a sequence number; we
// long-poll `scanner.next` and put each scan into the same stream as keyboard scans.
import type { KioskHost } from '../../shared/host';
import { makeScan, type Scan } from './scanStream';

export type SerialScanOptions = {
  /** How long the host may hold one poll open (the host accepts up to 30 s). */
  waitMs?: number;
  /** First wait after a failed poll; doubles on each failure up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told about each failed poll, e.g. to show "máy quét cổng COM không phản hồi". */
  onError?: (error: unknown, retryInMs: number) => void;
};

export type SerialScanPoller = {
  stop(): void;
  /** Settles once the loop has ended after `stop()`. */
  readonly done: Promise<void>;
};

// A poll that comes back empty sooner than this did not wait; pause so a misbehaving host cannot spin us.
const EMPTY_POLL_FLOOR_MS = 100;

export function startSerialScans(scanner: Pick<KioskHost['scanner'], 'next'>, emit: (scan: Scan) => void, options: SerialScanOptions = {}): SerialScanPoller {
  const { waitMs = 25_000, minBackoffMs = 500, maxBackoffMs = 30_000, onError } = options;
  let stopped = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    // Scans buffered before this page listened are stale (a screen that no longer exists asked for
    // them), so the first poll only learns where the host's sequence stands.
    let afterSeq: number | undefined;
    let backoff = minBackoffMs;
    while (!stopped) {
      const started = Date.now();
      try {
        if (afterSeq === undefined) {
          const stale = await scanner.next(0, 0);
          afterSeq = stale.reduce((max, event) => Math.max(max, event.seq), 0);
          backoff = minBackoffMs;
          continue;
        }
        const events = await scanner.next(afterSeq, waitMs);
        backoff = minBackoffMs;
        if (stopped) break;
        for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
          if (event.seq <= afterSeq) continue;
          afterSeq = event.seq;
          emit(makeScan(event.code, 'serial', event.at));
        }
        if (events.length === 0 && Date.now() - started < EMPTY_POLL_FLOOR_MS) await pause(EMPTY_POLL_FLOOR_MS);
      } catch (error) {
        if (stopped) break;
        onError?.(error, backoff);
        await pause(backoff);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
  };

  const done = loop();
  return {
    done,
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
