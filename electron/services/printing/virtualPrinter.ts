// A network thermal printer in software: listens like a real one on TCP 9100, answers status
// queries, turns each job's raster back into a PNG, and can have its plug pulled. End-to-end tests
// print through it; `npx tsx electron/services/printing/virtualPrinter.ts --port 9100 --out dir` runs it for demos.
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MonoRaster } from '../../../shared/documents/thermalRender';
import { EscPosDecoder, stackBands } from './escposDecoder';
import { rasterToPng } from './png';

export interface VirtualJob {
  seq: number;
  raster: MonoRaster;
  png: Buffer;
  beeps: number;
  drawerKicks: number;
  /** Printable bytes sent outside raster commands (Vietnamese as code-page text would show here). */
  textBytes: number;
  receivedAt: Date;
}

export interface VirtualPrinterOptions {
  port?: number;
  host?: string;
  /** Folder to write `job-0001.png` files into. */
  outDir?: string;
  /** A real printer's pace; without it every byte is taken at once. */
  mechanism?: PrintMechanism;
}

/**
 * Bytes wait in the network until the printer's buffer has room, and leave the buffer as the head
 * prints them; a status query is read, and answered, only when it reaches the buffer, as a real one is.
 */
export interface PrintMechanism {
  bufferBytes: number;
  speedMmPerS: number;
  paper: '58mm' | '80mm';
}

/** Bytes of one dot line, 8 dot lines to the mm at 203 dpi. */
const LINE_BYTES = { '58mm': 48, '80mm': 72 } as const;

interface Inbox {
  socket: Socket;
  chunks: Buffer[];
  bytes: number;
  take: (chunk: Buffer) => void;
}

export type PaperLevel = 'ok' | 'low' | 'out';

export class VirtualPrinter {
  readonly jobs: VirtualJob[] = [];
  /** Jobs whose connection ended before the cut: on paper they would be a torn half slip. */
  partialJobs = 0;
  paper: PaperLevel = 'ok';
  coverOpen = false;
  /** False: a printer that prints the job but never answers the status query after it. */
  confirmsJobs = true;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;
  private unplugAfterBytes: number | undefined;
  private jobWaiters: { count: number; resolve: () => void }[] = [];
  private inboxes: Inbox[] = [];
  private buffered = 0;
  private pump: ReturnType<typeof setInterval> | undefined;
  private pumpedAt = 0;

  constructor(private readonly options: VirtualPrinterOptions = {}) {}

  get port(): number {
    return this.boundPort;
  }

  get address(): string {
    return `${this.options.host ?? '127.0.0.1'}:${this.boundPort}`;
  }

  get pluggedIn(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<this> {
    await this.listen(this.options.port ?? 0);
    return this;
  }

  private listen(port: number): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    return new Promise((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        this.server = server;
        const addr = server.address();
        this.boundPort = typeof addr === 'object' && addr ? addr.port : port;
        resolvePromise();
      });
    });
  }

  /** Pulls the plug: open connections die, new ones are refused until `plugIn`. */
  async unplug(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.inboxes = [];
    this.buffered = 0;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  /** Pulls the plug once this many bytes of the next connection have arrived: a mid-job power cut. */
  unplugAfter(bytes: number): void {
    this.unplugAfterBytes = bytes;
  }

  async plugIn(): Promise<void> {
    if (!this.server) await this.listen(this.boundPort);
  }

  async stop(): Promise<void> {
    await this.unplug();
  }

  /** Resolves once `count` complete jobs have been printed in total. */
  waitForJobs(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.jobs.length >= count) return Promise.resolve();
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`Máy in ảo: sau ${timeoutMs} ms mới có ${this.jobs.length}/${count} lệnh in.`)), timeoutMs);
      this.jobWaiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolvePromise();
        },
      });
    });
  }

  private statusByte(n: number): number {
    const fixed = 0x12;
    if (n === 1) return fixed;
    if (n === 2) return fixed | (this.coverOpen ? 0x04 : 0) | (this.paper === 'out' ? 0x20 : 0);
    if (n === 4) return fixed | (this.paper === 'low' ? 0x0c : 0) | (this.paper === 'out' ? 0x60 : 0);
    return fixed;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const decoder = new EscPosDecoder();
    let bands: { widthDots: number; rows: number; bits: Uint8Array }[] = [];
    let beeps = 0;
    let drawerKicks = 0;
    let textBytes = 0;
    let received = 0;
    let afterJob = false;
    const take = (chunk: Buffer): void => {
      received += chunk.length;
      const limit = this.unplugAfterBytes;
      if (limit !== undefined && received >= limit) {
        this.unplugAfterBytes = undefined;
        // Only the bytes before the cut-off reach the printer, as with a real power cut.
        decoder.push(chunk.subarray(0, chunk.length - (received - limit)));
        this.partialJobs++;
        bands = [];
        void this.unplug();
        return;
      }
      for (const event of decoder.push(chunk)) {
        if (event.kind === 'raster') bands.push(event);
        else if (event.kind === 'beep') beeps++;
        else if (event.kind === 'drawer') drawerKicks++;
        else if (event.kind === 'text') textBytes += event.bytes;
        else if (event.kind === 'status' && (this.confirmsJobs || !afterJob)) socket.write(Uint8Array.of(this.statusByte(event.n)));
        else if (event.kind === 'cut') {
          afterJob = true;
          this.finishJob(stackBands(bands), beeps, drawerKicks, textBytes);
          bands = [];
          beeps = 0;
          drawerKicks = 0;
          textBytes = 0;
        }
      }
    };
    if (this.options.mechanism) {
      const inbox: Inbox = { socket, chunks: [], bytes: 0, take };
      this.inboxes.push(inbox);
      socket.on('data', (chunk: Buffer) => {
        inbox.chunks.push(chunk);
        inbox.bytes += chunk.length;
        // Not reading is what fills the network's buffers and holds the sender back.
        if (inbox.bytes > this.options.mechanism!.bufferBytes) socket.pause();
        this.startPump();
      });
      socket.on('close', () => (this.inboxes = this.inboxes.filter((i) => i !== inbox)));
    } else {
      socket.on('data', take);
    }
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (bands.length > 0) this.partialJobs++;
    });
  }

  private startPump(): void {
    if (this.pump) return;
    this.pumpedAt = performance.now();
    this.pump = setInterval(() => this.pumpBytes(), 5);
  }

  /** The head prints what the elapsed time allows; the oldest connection's bytes fill the room it frees. */
  private pumpBytes(): void {
    const m = this.options.mechanism!;
    const now = performance.now();
    const bytesPerMs = (m.speedMmPerS * 8 * LINE_BYTES[m.paper]) / 1000;
    this.buffered = Math.max(0, this.buffered - (now - this.pumpedAt) * bytesPerMs);
    this.pumpedAt = now;
    for (const inbox of this.inboxes) {
      while (inbox.chunks.length > 0 && this.buffered < m.bufferBytes) {
        const chunk = inbox.chunks[0]!;
        const n = Math.min(chunk.length, Math.floor(m.bufferBytes - this.buffered));
        if (n <= 0) break;
        if (n === chunk.length) inbox.chunks.shift();
        else inbox.chunks[0] = chunk.subarray(n);
        inbox.bytes -= n;
        this.buffered += n;
        inbox.take(chunk.subarray(0, n));
      }
      if (inbox.bytes <= m.bufferBytes) inbox.socket.resume();
      if (inbox.chunks.length > 0) break;
    }
    if (this.buffered === 0 && this.inboxes.every((i) => i.chunks.length === 0)) {
      clearInterval(this.pump);
      this.pump = undefined;
    }
  }

  private finishJob(raster: MonoRaster, beeps: number, drawerKicks: number, textBytes: number): void {
    if (raster.heightDots === 0) return;
    const job: VirtualJob = { seq: this.jobs.length + 1, raster, png: rasterToPng(raster), beeps, drawerKicks, textBytes, receivedAt: new Date() };
    this.jobs.push(job);
    if (this.options.outDir) {
      const dir = this.options.outDir;
      void mkdir(dir, { recursive: true }).then(() => writeFile(join(dir, `job-${String(job.seq).padStart(4, '0')}.png`), job.png));
    }
    const ready = this.jobWaiters.filter((w) => this.jobs.length >= w.count);
    this.jobWaiters = this.jobWaiters.filter((w) => this.jobs.length < w.count);
    for (const w of ready) w.resolve();
  }
}

export async function startVirtualPrinter(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  return new VirtualPrinter(options).start();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '9100' }, host: { type: 'string', default: '127.0.0.1' }, out: { type: 'string' } } });
  const printer = await startVirtualPrinter({
    port: Number(values.port),
    host: values.host,
    ...(values.out ? { outDir: resolve(values.out) } : {}),
  });
  console.log(`Máy in ảo đang nghe tại ${printer.address}${values.out ? `, lưu ảnh vào ${resolve(values.out)}` : ''}. Nhấn Ctrl+C để dừng.`);
  const stop = (): void => void printer.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  void main();
}
