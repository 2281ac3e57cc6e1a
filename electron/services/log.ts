// The kiosk's log on the machine: JSON lines appended to `<logDir>/motcua.log`, rotated at a size limit into
// motcua.log.1 … .N (newest first), so a counter keeps days of history in a few MiB and an administrator
// can read it from the app or from the disk. Both the renderer (through `log.write`) and the machine's own
// services write here. A disk error is answered, never thrown: a full disk must not break a screen.
import { appendFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostError, LogContext, LogEntry, LogLevel, LogReadOutcome, LogWriteOutcome } from '../../shared/host';

export const LOG_FILE_NAME = 'motcua.log';

export interface KioskLogOptions {
  dir: string;
  /** The file is rotated before a write would take it past this size (one batch larger than it still goes in whole). */
  maxBytes?: number;
  /** How many rotated files to keep beside the current one. */
  keep?: number;
  now?: () => Date;
}

export interface KioskLog {
  readonly path: string;
  /** The renderer's entries, already checked by dispatch. */
  write(entries: LogEntry[]): Promise<LogWriteOutcome>;
  read(options: { maxBytes: number }): Promise<LogReadOutcome>;
  /** A line from the machine itself (main, the web host, the services); never rejects. */
  note(level: LogLevel, message: string, context?: LogContext): Promise<void>;
}

const failure = (code: string, message: string, error: unknown): { ok: false; error: HostError } => ({
  ok: false,
  error: { code, message: `${message} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Hãy báo bộ phận CNTT: ổ đĩa có thể đã đầy hoặc thư mục không cho ghi.` },
});

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function createKioskLog(options: KioskLogOptions): KioskLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  const now = options.now ?? (() => new Date());
  const path = join(options.dir, LOG_FILE_NAME);
  const rotated = (n: number) => `${path}.${n}`;
  // Writes and rotations run one after another, so two batches never interleave or rotate twice.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function rotate() {
    await rm(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      await rename(rotated(n), rotated(n + 1)).catch((error: unknown) => {
        if (!missing(error)) throw error;
      });
    }
    await rename(path, rotated(1));
  }

  async function append(text: string) {
    await mkdir(options.dir, { recursive: true });
    const size = await stat(path).then(
      (s) => s.size,
      (error: unknown) => {
        if (missing(error)) return 0;
        throw error;
      },
    );
    if (size > 0 && size + Buffer.byteLength(text) > maxBytes) await rotate();
    await appendFile(path, text, 'utf8');
  }

  const line = (entry: LogEntry, source: 'renderer' | 'machine') =>
    `${JSON.stringify({ at: entry.at, level: entry.level, source, message: entry.message, ...(entry.context ? { context: entry.context } : {}) })}\n`;

  /** The last `limit` bytes of one file, or nothing when it does not exist. */
  async function tail(file: string, limit: number): Promise<{ bytes: Buffer; whole: boolean }> {
    const handle = await open(file, 'r').catch((error: unknown) => {
      if (missing(error)) return undefined;
      throw error;
    });
    if (!handle) return { bytes: Buffer.alloc(0), whole: true };
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, limit);
      const bytes = Buffer.alloc(length);
      await handle.read(bytes, 0, length, size - length);
      return { bytes, whole: length === size };
    } finally {
      await handle.close();
    }
  }

  return {
    path,
    write: (entries) =>
      serial(async (): Promise<LogWriteOutcome> => {
        try {
          await append(entries.map((entry) => line(entry, 'renderer')).join(''));
          return { ok: true, written: entries.length };
        } catch (error) {
          return failure('LOG_WRITE_FAILED', `Không ghi được nhật ký của quầy vào ${path}`, error);
        }
      }),
    read: ({ maxBytes: limit }) =>
      serial(async (): Promise<LogReadOutcome> => {
        try {
          // Newest first: the current file, then motcua.log.1, … until the budget is spent.
          const parts: Buffer[] = [];
          let left = limit;
          let truncated = false;
          let cutInsideLine = false;
          for (const file of [path, ...Array.from({ length: keep }, (_, i) => rotated(i + 1))]) {
            if (left <= 0) {
              truncated = await stat(file).then(
                (s) => s.size > 0,
                () => false,
              );
              break;
            }
            const { bytes, whole } = await tail(file, left);
            parts.unshift(bytes);
            left -= bytes.length;
            if (!whole) {
              truncated = cutInsideLine = true;
              break;
            }
          }
          let text = Buffer.concat(parts);
          // A cut made by the budget falls inside a line: start at the next whole one.
          if (cutInsideLine) {
            const end = text.indexOf(0x0a);
            text = end < 0 ? Buffer.alloc(0) : text.subarray(end + 1);
          }
          return { ok: true, text: text.toString('utf8'), truncated, path };
        } catch (error) {
          return failure('LOG_READ_FAILED', `Không đọc được nhật ký của quầy ở ${path}`, error);
        }
      }),
    async note(level, message, context) {
      const entry: LogEntry = { level, at: now().toISOString(), message, ...(context ? { context } : {}) };
      await serial(() => append(line(entry, 'machine'))).catch(() => undefined);
    },
  };
}
