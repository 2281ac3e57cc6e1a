// The page's one scan stream and router, and the switch that connects both kinds of scanner to them.
import type { KioskHost } from '../../shared/host';
import { getHost } from '../host';
import { installKeyboardScanDetector, type KeyboardScanOptions } from './detector';
import { ScanRouter, ScanStream } from './scanStream';
import { startSerialScans, type SerialScanOptions } from './serial';

export const scanStream = new ScanStream();
export const scanRouter = new ScanRouter(scanStream);

export type ScanningOptions = {
  keyboard?: KeyboardScanOptions;
  /** false: no serial scanner polling (a page with no host, or a test). */
  serial?: SerialScanOptions | false;
  host?: KioskHost;
};

/** Starts keyboard-wedge detection on this window and serial polling through the host; returns the stop. */
export function startScanning(options: ScanningOptions = {}): () => void {
  const emit = (scan: Parameters<ScanStream['emit']>[0]) => scanStream.emit(scan);
  const keyboard = installKeyboardScanDetector(window, emit, { onMisread: (partial) => scanStream.misread(partial), ...options.keyboard });
  const serial = options.serial === false ? undefined : startSerialScans((options.host ?? getHost()).scanner, emit, options.serial);
  return () => {
    keyboard.stop();
    serial?.stop();
  };
}
