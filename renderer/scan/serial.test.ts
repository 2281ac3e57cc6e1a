import { describe, expect, test } from 'vitest';
import type { ScanEvent } from '../../shared/host';
import type { Scan } from './scanStream';
import { startSerialScans } from './serial';

/** A host scanner like electron/services/scanner.ts: a sequenced buffer and long polls that wake on a new scan. */
function fakeScanner() {
  const buffer: ScanEvent[] = [];
  const waiters = new Set<() => void>();
  const calls: [number, number][] = [];
  let failures: Error[] = [];
  return {
    calls,
    failNext(...errors: Error[]) {
      failures = errors;
    },
    push(code: string, seq = buffer.length + 1) {
      buffer.push({ seq, source: 'serial', code, at: `2026-01-12T08:00:0${seq % 10}.000Z` });
      for (const wake of waiters) wake();
    },
    async next(afterSeq: number, waitMs: number): Promise<ScanEvent[]> {
      calls.push([afterSeq, waitMs]);
      const failure = failures.shift();
      if (failure) throw failure;
      const after = () => buffer.filter((s) => s.seq > afterSeq);
      if (after().length === 0 && waitMs > 0) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, waitMs);
          waiters.add(wake);
        });
      }
      return after();
    },
  };
}

const until = async (check: () => boolean, ms = 2000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('startSerialScans', () => {
  test('skips scans buffered before it started, then emits each new scan once, classified, in order', async () => {
    const scanner = fakeScanner();
    scanner.push('000.00.15.H41-260111-0099');
    const scans: Scan[] = [];
    const poller = startSerialScans(scanner, (scan) => scans.push(scan), { waitMs: 200 });
    await until(() => scanner.calls.length >= 2);
    scanner.push('000.00.15.H41-260112-0001');
    scanner.push('BG-260112-07-01');
    await until(() => scans.length >= 2);
    poller.stop();
    await poller.done;
    expect(scans.map((s) => [s.code, s.classification.kind, s.source])).toEqual([
      ['000.00.15.H41-260112-0001', 'dossierCode', 'serial'],
      ['BG-260112-07-01', 'batchCode', 'serial'],
    ]);
    expect(scans[0]!.at).toBe('2026-01-12T08:00:02.000Z');
    expect(scanner.calls[0]).toEqual([0, 0]);
    expect(scanner.calls[1]).toEqual([1, 200]);
    expect(scanner.calls.at(-1)![0]).toBe(3);
  });

  test('backs off on errors, doubling up to the ceiling, then resumes from where it was', async () => {
    const scanner = fakeScanner();
    const errors: number[] = [];
    const scans: Scan[] = [];
    scanner.failNext(...Array.from({ length: 4 }, () => new Error('HOST_UNREACHABLE')));
    const poller = startSerialScans(scanner, (scan) => scans.push(scan), { waitMs: 100, minBackoffMs: 5, maxBackoffMs: 20, onError: (_e, retryIn) => errors.push(retryIn) });
    await until(() => scanner.calls.length >= 6);
    scanner.push('412601120001');
    await until(() => scans.length === 1);
    poller.stop();
    await poller.done;
    expect(errors).toEqual([5, 10, 20, 20]);
    expect(scans[0]!.classification.kind).toBe('barcodeKey');
  });

  test('ignores events at or below the sequence already seen, should a host repeat them', async () => {
    const scanner = fakeScanner();
    const scans: Scan[] = [];
    const poller = startSerialScans(scanner, (scan) => scans.push(scan), { waitMs: 50 });
    await until(() => scanner.calls.length >= 2);
    scanner.push('BG-260112-07-01', 1);
    scanner.push('BG-260112-07-01', 1);
    scanner.push('BG-260112-07-02', 2);
    await until(() => scans.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    poller.stop();
    await poller.done;
    expect(scans.map((s) => s.code)).toEqual(['BG-260112-07-01', 'BG-260112-07-02']);
  });

  test('stop during a back-off ends the loop at once', async () => {
    const scanner = fakeScanner();
    scanner.failNext(new Error('down'));
    const poller = startSerialScans(scanner, () => undefined, { minBackoffMs: 60_000 });
    await until(() => scanner.calls.length >= 1);
    poller.stop();
    await poller.done;
    expect(scanner.calls.length).toBe(1);
  });
});
