import { describe, expect, test } from 'vitest';
import { makeScan, ScanRouter, ScanStream, type Scan } from './scanStream';

describe('ScanRouter', () => {
  test('the latest claim takes scans; releasing it hands them back; with no claim the fallback gets them', () => {
    const stream = new ScanStream();
    const router = new ScanRouter(stream);
    const got: string[] = [];
    const scan = (code: string) => stream.emit(makeScan(code, 'keyboard', '2026-01-12T08:00:00.000Z'));

    scan('BG-260112-07-01');
    const stopFallback = router.setFallback((s) => got.push(`fallback:${s.code}`));
    scan('000.00.15.H41-260112-0001');
    const releaseScreen = router.claim((s) => void got.push(`screen:${s.code}`));
    const releaseDialog = router.claim((s) => void got.push(`dialog:${s.code}`));
    expect(router.claimed()).toBe(true);
    scan('412601120001');
    releaseDialog();
    scan('BG-260112-07-02');
    releaseDialog();
    scan('BG-260112-07-03');
    releaseScreen();
    scan('BG-260112-07-04');
    stopFallback();
    scan('BG-260112-07-05');
    expect(got).toEqual(['fallback:000.00.15.H41-260112-0001', 'dialog:412601120001', 'screen:BG-260112-07-02', 'screen:BG-260112-07-03', 'fallback:BG-260112-07-04']);
  });

  test('a screen that passes a scan hands it to the screen below, then to the fallback', () => {
    const stream = new ScanStream();
    const router = new ScanRouter(stream);
    const got: string[] = [];
    router.setFallback((s) => void got.push(`fallback:${s.code}`));
    router.claim((s) => void got.push(`screen:${s.code}`));
    router.claim((s) => (s.classification.kind === 'batchCode' ? void got.push(`card reader:${s.code}`) : 'pass'));
    stream.emit(makeScan('BG-260112-07-01', 'keyboard'));
    stream.emit(makeScan('412601120001', 'keyboard'));
    expect(got).toEqual(['card reader:BG-260112-07-01', 'screen:412601120001']);
    const lone = new ScanStream();
    const passing = new ScanRouter(lone);
    passing.setFallback((s) => void got.push(`fallback:${s.code}`));
    passing.claim(() => 'pass');
    lone.emit(makeScan('412601120001', 'keyboard'));
    expect(got.at(-1)).toBe('fallback:412601120001');
  });

  test('a screen released out of order leaves the others in place', () => {
    const stream = new ScanStream();
    const router = new ScanRouter(stream);
    const got: string[] = [];
    const releaseA = router.claim(() => void got.push('a'));
    router.claim(() => void got.push('b'));
    const releaseC = router.claim(() => void got.push('c'));
    releaseA();
    releaseC();
    stream.emit(makeScan('x', 'serial'));
    expect(got).toEqual(['b']);
  });

  test('a failing listener does not keep the scan from the others; scans carry their classification', () => {
    const stream = new ScanStream();
    const seen: Scan[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      stream.subscribe(() => {
        throw new Error('boom');
      });
      stream.subscribe((scan) => seen.push(scan));
      stream.emit(makeScan(' 000.00.15.h41-260112-0001 ', 'keyboard', new Date('2026-01-12T01:02:03Z')));
    } finally {
      console.error = original;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.at).toBe('2026-01-12T01:02:03.000Z');
    expect(seen[0]!.classification).toMatchObject({ kind: 'dossierCode', parts: { agency: '000.00.15.H41', seq: 1 } });
  });
});
