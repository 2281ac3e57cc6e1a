// Serial (COM/tty) barcode scanners: each line the scanner sends is one scan.
// Scans are buffered with a sequence number so the renderer can long-poll without losing any.
import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { ScanEvent, SerialPortInfo } from '../../shared/host';

const MAX_BUFFER = 500;

export interface ScannerService {
  listPorts(): Promise<SerialPortInfo[]>;
  next(afterSeq: number, waitMs: number): Promise<ScanEvent[]>;
  /**
   * Reads the scanner on `port` from now on (undefined: no serial scanner). The port is kept: when it
   * cannot be opened, or vanishes (the cable pulled, the USB-serial device re-enumerated), it is tried
   * again every `retryMs` until it is back. Rejects when the first attempt fails, so whoever saved the
   * setting hears why; the retries go on regardless.
   */
  use(port: { path: string; baudRate: number } | null | undefined): Promise<void>;
  /**
   * Feed what the port read (used by the port reader and by tests of the line framing): bytes are
   * UTF-8, as a scanner in virtual-COM mode sends the citizen's card, a character possibly split
   * across two reads; a string is taken as already decoded.
   */
  feed(chunk: string | Uint8Array): void;
  close(): Promise<void>;
}

export interface ScannerServiceOptions {
  now?: () => Date;
  /** The ports as the serialport library lists them (on Linux it asks udevadm). */
  listSerialPorts?: () => Promise<{ path: string; manufacturer?: string }[]>;
  /** Where a Linux machine's device files are, read when udevadm is missing. */
  devDir?: string;
  /** How long to wait before opening a port again that failed to open or vanished. */
  retryMs?: number;
  /** Told when the port cannot be opened, vanishes, or is back (for the kiosk log). */
  log?: (line: string) => void;
}

// USB scanners in virtual-COM mode appear as ttyACM* (CDC) or ttyUSB* (a USB-serial chip).
const USB_SERIAL_DEVICE = /^tty(ACM|USB)\d+$/;

/** A machine without udevadm (a minimal Linux install) still has the device files: list those. */
async function listFromDevices(devDir: string): Promise<SerialPortInfo[]> {
  const names = await readdir(devDir);
  return names
    .filter((n) => USB_SERIAL_DEVICE.test(n))
    .sort()
    .map((n) => ({ path: `${devDir}/${n}` }));
}

const isMissingProgram = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

export function createScannerService(options: ScannerServiceOptions = {}): ScannerService {
  const { now = () => new Date(), listSerialPorts = () => SerialPort.list(), devDir = '/dev', retryMs = 2_000, log = () => undefined } = options;
  let seq = 0;
  let pending = '';
  let decoder = new TextDecoder('utf-8');
  const buffer: ScanEvent[] = [];
  const waiters = new Set<() => void>();
  let port: SerialPort | undefined;
  let wanted: { path: string; baudRate: number } | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** The port was reported missing and not yet back: say so once, not on every retry. */
  let missing = false;

  function push(code: string) {
    buffer.push({ seq: ++seq, source: 'serial', code, at: now().toISOString() });
    if (buffer.length > MAX_BUFFER) buffer.shift();
    for (const wake of waiters) wake();
  }

  const service: ScannerService = {
    async listPorts() {
      let ports: { path: string; manufacturer?: string }[];
      try {
        ports = await listSerialPorts();
      } catch (error) {
        if (!isMissingProgram(error) || process.platform === 'win32') throw error;
        return listFromDevices(devDir);
      }
      return ports.map((p) => ({ path: p.path, ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}) }));
    },
    async next(afterSeq, waitMs) {
      const after = () => buffer.filter((s) => s.seq > afterSeq);
      if (after().length > 0 || waitMs <= 0) return after();
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        waiters.add(wake);
      });
      return after();
    },
    feed(chunk) {
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      const lines = pending.split(/\r\n|\r|\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const code = line.trim();
        if (code) push(code);
      }
    },
    async use(next) {
      wanted = next ? { path: next.path, baudRate: next.baudRate } : undefined;
      await closePort();
      missing = false;
      if (wanted) await attempt(wanted);
    },
    async close() {
      wanted = undefined;
      await closePort();
    },
  };

  async function closePort() {
    clearTimeout(retry);
    retry = undefined;
    const current = port;
    port = undefined;
    if (current?.isOpen) await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  function retryLater(target: { path: string; baudRate: number }) {
    clearTimeout(retry);
    retry = setTimeout(() => {
      retry = undefined;
      if (wanted === target && !port) attempt(target).catch(() => undefined);
    }, retryMs);
    retry.unref?.();
  }

  async function attempt(target: { path: string; baudRate: number }): Promise<void> {
    const { path, baudRate } = target;
    const opened = new SerialPort({ path, baudRate, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => opened.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      if (wanted === target) retryLater(target);
      const message = `Không mở được cổng máy quét ${path}: ${(error as Error).message}. Kiểm tra cáp và cài đặt cổng COM.`;
      if (!missing) log(`[máy quét] ${message} Máy sẽ thử mở lại mỗi ${Math.round(retryMs / 1000)} giây.`);
      missing = true;
      throw new Error(message, { cause: error });
    }
    if (wanted !== target) {
      // The setting changed while this port was opening.
      opened.close(() => undefined);
      return;
    }
    if (missing) log(`[máy quét] Cổng máy quét ${path} đã mở lại.`);
    missing = false;
    // A line the scanner had half sent when the port went is no scan: start clean.
    pending = '';
    decoder = new TextDecoder('utf-8');
    opened.on('data', (data: Buffer) => service.feed(data));
    // Without a listener an 'error' would end the whole host.
    opened.on('error', (error: Error) => log(`[máy quét] Lỗi cổng ${path}: ${error.message}`));
    opened.on('close', (error?: Error & { disconnected?: boolean }) => {
      if (port !== opened) return;
      port = undefined;
      if (wanted !== target) return;
      missing = true;
      log(`[máy quét] Mất kết nối cổng máy quét ${path}${error?.message ? ` (${error.message})` : ''}. Máy sẽ thử mở lại mỗi ${Math.round(retryMs / 1000)} giây.`);
      retryLater(target);
    });
    port = opened;
  }

  return service;
}
