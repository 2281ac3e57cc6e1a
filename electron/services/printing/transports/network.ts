// Raw TCP (port 9100, "JetDirect"): status is asked on the same connection before the job, and a
// status query after it acknowledges that the printer read every byte before we call the job done.
// A printer answers that query only once the job has drained into its buffer, so the wait grows
// with the job's length and the printer's speed; a job that got no answer is reported unconfirmed.
import { Socket } from 'node:net';
import type { PrintOutcome, PrinterStatus } from '../../../../shared/host';
import { blocksPrinting, concatBytes, makeStatus, parseStatus, statusQuery } from '../escpos';
import type { PrinterTransportDriver } from './types';
import { failure, unconfirmed } from './types';

export interface NetworkOptions {
  connectTimeoutMs?: number;
  /** How long to wait for a status byte; printers without status support simply stay silent. */
  statusTimeoutMs?: number;
  /** Idle limit while sending: a printer that stops reading (buffer full, plug pulled) fails the job. */
  writeTimeoutMs?: number;
  /** The printer's speed; without it, slower than any roll printer a Center buys (90 mm/s and up). */
  speedMmPerS?: number;
}

const SLOWEST_MM_PER_S = 50;
/** Without the job's length, the bytes of a 58 mm raster (48 bytes a dot line, 8 lines a mm): the longest it can be. */
const NARROWEST_BYTES_PER_MM = 48 * 8;

/** How long to wait for the reply after a job: the status wait plus printing all of it, with a margin. */
export function acknowledgeTimeoutMs(lengthMm: number, speedMmPerS: number, statusTimeoutMs: number): number {
  return statusTimeoutMs + Math.ceil(((lengthMm / speedMmPerS) * 1000 * 5) / 4);
}

export function parseHostPort(address: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(address.trim());
  if (!match?.[1]) throw new RangeError(`Địa chỉ máy in "${address}" không hợp lệ (cần dạng 192.168.1.50:9100).`);
  return { host: match[1], port: match[2] ? Number(match[2]) : 9100 };
}

function unreachable(address: string, error: NodeJS.ErrnoException): PrinterStatus {
  const why: Record<string, string> = {
    ECONNREFUSED: 'máy in từ chối kết nối',
    EHOSTUNREACH: 'không tìm thấy máy in trên mạng',
    ENETUNREACH: 'máy tính chưa nối mạng',
    ETIMEDOUT: 'quá thời gian chờ',
    ECONNRESET: 'kết nối bị ngắt giữa chừng',
    EPIPE: 'kết nối bị ngắt giữa chừng',
    ENOTFOUND: 'không tìm thấy tên máy in',
  };
  return makeStatus('offline', `${address}: ${why[error.code ?? ''] ?? error.message}`);
}

/** A connection that reads replies as a queue of bytes and fails every waiter when it breaks. */
class PrinterLink {
  private readonly received: number[] = [];
  private waiters: (() => void)[] = [];
  private failed: NodeJS.ErrnoException | undefined;
  private closed = false;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.wake();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      this.failed = e;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  get error(): NodeJS.ErrnoException | undefined {
    return this.failed ?? (this.closed ? Object.assign(new Error('closed'), { code: 'ECONNRESET' }) : undefined);
  }

  /** Next `count` reply bytes, or undefined after `timeoutMs` of silence; throws if the link broke. */
  async read(count: number, timeoutMs: number): Promise<number[] | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (this.error) throw this.error;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received.splice(0, count);
  }

  write(bytes: Uint8Array, idleMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.error) return reject(this.error);
      this.socket.setTimeout(idleMs, () => this.socket.destroy(Object.assign(new Error('write timeout'), { code: 'ETIMEDOUT' })));
      this.socket.write(bytes, (e) => {
        this.socket.setTimeout(0);
        if (e) reject(this.error ?? e);
        else resolve();
      });
    });
  }
}

function connect(host: string, port: number, timeoutMs: number): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.setNoDelay(true);
      resolve(new PrinterLink(socket));
    });
  });
}

async function queryStatus(link: PrinterLink, timeoutMs: number): Promise<PrinterStatus> {
  await link.write(concatBytes([statusQuery(1), statusQuery(2), statusQuery(4)]), timeoutMs);
  const first = await link.read(1, timeoutMs);
  if (!first) return makeStatus('unknown');
  const rest = (await link.read(2, timeoutMs)) ?? [];
  return parseStatus({ printer: first[0], offlineCause: rest[0], paper: rest[1] });
}

export function networkTransport(address: string, options: NetworkOptions = {}): PrinterTransportDriver {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1500;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const speedMmPerS = options.speedMmPerS ?? SLOWEST_MM_PER_S;

  async function withLink<T>(body: (link: PrinterLink) => Promise<T>, onError: (status: PrinterStatus) => T): Promise<T> {
    let link: PrinterLink | undefined;
    try {
      const { host, port } = parseHostPort(address);
      link = await connect(host, port, connectTimeoutMs);
      return await body(link);
    } catch (error) {
      if (error instanceof RangeError) return onError(makeStatus('error', error.message));
      return onError(unreachable(address, error as NodeJS.ErrnoException));
    } finally {
      link?.socket.end();
    }
  }

  return {
    status: () =>
      withLink(
        (link) => queryStatus(link, statusTimeoutMs),
        (status) => status,
      ),
    send: (bytes, job) =>
      withLink<PrintOutcome>(
        async (link) => {
          const before = await queryStatus(link, statusTimeoutMs);
          if (blocksPrinting(before)) return failure(true, before);
          const ackMs = acknowledgeTimeoutMs(job?.lengthMm ?? bytes.length / NARROWEST_BYTES_PER_MM, speedMmPerS, statusTimeoutMs);
          // A write that fails never handed over the job's last bytes (the cut): nothing whole printed, a retry is safe.
          await link.write(bytes, Math.max(writeTimeoutMs, ackMs));
          const noAnswer = unconfirmed({ state: 'unknown', message: `Đã gửi hết lệnh in nhưng máy in ${address} không xác nhận đã nhận xong. Hãy xem giấy đã ra chưa.` });
          let ack: number[] | undefined;
          try {
            // The reply to a query sent after the job proves the printer read the job's last byte.
            await link.write(statusQuery(1), ackMs);
            ack = await link.read(1, ackMs);
          } catch {
            return noAnswer;
          }
          if (!ack && before.state !== 'unknown') return noAnswer;
          if (!ack) {
            // A printer that never answers status: a clean close after the last write is the best proof we get.
            await new Promise<void>((resolve, reject) => {
              link!.socket.end(() => resolve());
              link!.socket.once('error', reject);
            });
          }
          return { ok: true, bytes: bytes.length };
        },
        (status) => failure(true, status),
      ),
  };
}
