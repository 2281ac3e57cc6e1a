// One stream for every scan, whether typed by a keyboard-wedge scanner or read from a serial one,
// and a router that hands each scan to exactly one screen.
import { kioskLog } from '../host/log';
import { classifyScan, type ScanClassification } from '../../shared/codes';

/** 'manual': typed by the officer into a screen's code field (a torn or faded barcode). */
export type ScanSource = 'keyboard' | 'serial' | 'manual';

export type Scan = {
  /** The text exactly as the scanner produced it (prefix, suffix and terminator removed). */
  code: string;
  classification: ScanClassification;
  source: ScanSource;
  /** ISO time the scan was read. */
  at: string;
};

export type ScanHandler = (scan: Scan) => void;
/** A screen's handler; 'pass' hands the scan on to the screen below, then to the fallback. */
export type ScanClaim = (scan: Scan) => void | 'pass';

export function makeScan(code: string, source: ScanSource, at: Date | string = new Date()): Scan {
  return { code, classification: classifyScan(code), source, at: typeof at === 'string' ? at : at.toISOString() };
}

/** A scan that could not be read whole (keys held up on a loaded machine): `partial` is what was read. */
export type Misread = { partial: string; at: string };

export class ScanStream {
  private readonly listeners = new Set<ScanHandler>();
  private readonly misreadListeners = new Set<(misread: Misread) => void>();

  /** Told when a scan could not be read whole, so the officer is asked to scan again ("Quét lại"). */
  subscribeMisreads(listener: (misread: Misread) => void): () => void {
    this.misreadListeners.add(listener);
    return () => this.misreadListeners.delete(listener);
  }

  misread(partial: string, at: Date = new Date()): void {
    kioskLog.warn('Mã quét không đọc được trọn vẹn, đã báo cán bộ quét lại', { partial });
    for (const listener of [...this.misreadListeners]) listener({ partial, at: at.toISOString() });
  }

  subscribe(listener: ScanHandler): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(scan: Scan): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(scan);
      } catch (error) {
        // One failing screen must not stop the scan reaching the others; the log carries the code.
        kioskLog.error('Xử lý mã quét bị lỗi', { code: scan.code, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
  }
}

/**
 * Sends each scan to the most recently mounted screen that asked for scans, so a dialog opened over
 * a screen takes the scans while it is open. With no screen asking, the fallback gets it ("a scan
 * anywhere outside a batch opens that dossier").
 */
export class ScanRouter {
  private readonly stack: { handle: ScanClaim }[] = [];
  private fallback: ScanHandler | undefined;

  constructor(stream: ScanStream) {
    stream.subscribe((scan) => this.route(scan));
  }

  /** Takes the scans until the returned function is called. */
  claim(handle: ScanClaim): () => void {
    const entry = { handle };
    this.stack.push(entry);
    return () => {
      const index = this.stack.lastIndexOf(entry);
      if (index >= 0) this.stack.splice(index, 1);
    };
  }

  setFallback(handle: ScanHandler): () => void {
    this.fallback = handle;
    return () => {
      if (this.fallback === handle) this.fallback = undefined;
    };
  }

  /** Whether a screen (not the fallback) takes scans right now. */
  claimed(): boolean {
    return this.stack.length > 0;
  }

  private route(scan: Scan): void {
    for (const { handle } of [...this.stack].reverse()) if (handle(scan) !== 'pass') return;
    this.fallback?.(scan);
  }
}
