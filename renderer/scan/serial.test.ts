import { describe, expect, test } from 'vitest';
import type { ScanEvent } from '../../shared/host';
import type { Scan } from './scanStream';
import { createScannerService } from '../../electron/services/scanner';
import { startSerialScans } from './serial';

/** The real host scanner service (electron/services/scanner.ts), with failures and misbehaving answers injected. */
function hostScanner() {
  let ticks = 0;
  const real = createScannerService({ now: () => new Date(Date.parse('2026-01-12T08:00:00.000Z') + 1000 * ticks++) });
  const calls: [number, number][] = [];
  let failures: Error[] = [];
  const scripted: ScanEvent[][] = [];
  return {
    calls,
    failNext(...errors: Error[]) {
      failures = errors;
    },
    push(code: string) {
      real.feed(`${code}\r\n`);
    },
    bytes(chunk: Uint8Array) {
      real.feed(chunk);
    },
    /** The next answer, verbatim, as a host that repeats itself would give it. */
    answerNext(events: ScanEvent[]) {
      scripted.push(events);
    },
    async next(afterSeq: number, waitMs: number): Promise<ScanEvent[]> {
      calls.push([afterSeq, waitMs]);
      const failure = failures.shift();
      if (failure) throw failure;
      return scripted.shift() ?? real.next(afterSeq, waitMs);
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
  test('the citizen’s card from a scanner in virtual-COM mode: UTF-8 bytes, a letter split across two reads, read whole as a card', async () => {
    const scanner = hostScanner();
    const scans: Scan[] = [];
    const poller = startSerialScans(scanner, (scan) => scans.push(scan), { waitMs: 200 });
    await until(() => scanner.calls.length >= 2);
    // Fake data.
    const card = '040195012346|186123456|Trần Thị Bình|02111995|Nữ|Xóm 5, xã Diễn Châu, tỉnh Nghệ An|15082021';
    const bytes = new TextEncoder().encode(`${card}\r\n`);
    const split = bytes.indexOf(0xba) + 1; // inside the three bytes of «ầ»
    scanner.bytes(bytes.slice(0, split));
    scanner.bytes(bytes.slice(split));
    await until(() => scans.length === 1);
    poller.stop();
    expect(scans[0]!.code).toBe(card);
    expect(scans[0]!.classification.kind === 'citizenCard' && scans[0]!.classification.card.fullName).toBe('Trần Thị Bình');
  });

  test('skips scans buffered before it started, then emits each new scan once, classified, in order', async () => {
    const scanner = hostScanner();
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
    // The host's time of the scan is kept: the second scan the service read.
    expect(scans[0]!.at).toBe('2026-01-12T08:00:01.000Z');
    expect(scanner.calls[0]).toEqual([0, 0]);
    expect(scanner.calls[1]).toEqual([1, 200]);
    expect(scanner.calls.at(-1)![0]).toBe(3);
  });

  test('backs off on errors, doubling up to the ceiling, then resumes from where it was', async () => {
    const scanner = hostScanner();
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
    const scanner = hostScanner();
    const scans: Scan[] = [];
    const poller = startSerialScans(scanner, (scan) => scans.push(scan), { waitMs: 50 });
    await until(() => scanner.calls.length >= 2);
    const at = '2026-01-12T08:00:00.000Z';
    scanner.answerNext([
      { seq: 1, source: 'serial', code: 'BG-260112-07-01', at },
      { seq: 1, source: 'serial', code: 'BG-260112-07-01', at },
      { seq: 2, source: 'serial', code: 'BG-260112-07-02', at },
    ]);
    scanner.answerNext([{ seq: 2, source: 'serial', code: 'BG-260112-07-02', at }]);
    await until(() => scans.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    poller.stop();
    await poller.done;
    expect(scans.map((s) => s.code)).toEqual(['BG-260112-07-01', 'BG-260112-07-02']);
  });

  test('stop during a back-off ends the loop at once', async () => {
    const scanner = hostScanner();
    scanner.failNext(new Error('down'));
    const poller = startSerialScans(scanner, () => undefined, { minBackoffMs: 60_000 });
    await until(() => scanner.calls.length >= 1);
    poller.stop();
    await poller.done;
    expect(scanner.calls.length).toBe(1);
  });
});
