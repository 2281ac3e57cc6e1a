// One server per PGlite data folder. Two servers on one folder would both hand out counter index 1
// and the same sequence numbers, and after a restart half of what they acknowledged would be gone;
// so the server takes a lock file in the folder before opening the database and a second one
// refuses to start. The file names its holder (pid, machine, boot time); a lock whose process is
// gone (SIGKILL, power cut, the machine restarted) is stale and taken over.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'motcua-server.lock';

/** Exit status of a start refused because another server holds the folder (sysexits EX_TEMPFAIL: try again once it stops). */
export const DATA_DIR_LOCKED_EXIT_CODE = 75;

interface Holder {
  pid: number;
  hostname: string;
  /** When the holder's machine booted (ms since the epoch): a lock from before the last boot is stale whatever its pid. */
  bootedAt: number;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: Holder | undefined,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một máy chủ MotCua khác sử dụng${holder ? ` (tiến trình ${holder.pid} trên máy ${holder.hostname}, chạy từ ${holder.startedAt})` : ''}. ` +
        'Hai máy chủ trên cùng một thư mục sẽ cấp trùng số và làm mất dữ liệu, nên máy chủ này không khởi động. ' +
        `Hãy dùng máy chủ đang chạy, hoặc dừng nó trước. Nếu chắc chắn không còn máy chủ nào chạy trên thư mục này, xoá tệp ${lockFile} rồi khởi động lại.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const bootedAt = () => Date.now() - uptime() * 1000;
/** Boot times computed at different moments differ by rounding; a real reboot moves it by far more. */
const SAME_BOOT_MS = 60_000;

function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.hostname === 'string' && typeof h.bootedAt === 'number' && typeof h.startedAt === 'string') return h as Holder;
  } catch {
    // not ours to read: stale
  }
  return undefined;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the holder may still be running: on another machine (cannot be checked) or a live process on this one since this boot. */
function mayBeRunning(holder: Holder): boolean {
  if (holder.hostname !== hostname()) return true;
  // Our own pid in the file is a server that ran before us (a container restarted with the same pid).
  if (holder.pid === process.pid) return false;
  if (Math.abs(holder.bootedAt - bootedAt()) > SAME_BOOT_MS) return false;
  return processExists(holder.pid);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Takes the folder's lock or throws DataDirLockedError naming the holder. Returns the release,
 * which removes the file only while it is still this server's.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, LOCK_FILE_NAME);
  const mine = `${JSON.stringify({ pid: process.pid, hostname: hostname(), bootedAt: bootedAt(), startedAt: new Date().toISOString() } satisfies Holder)}\n`;
  // Written whole beside the lock, then hard-linked into place: the lock never exists half-written.
  const draft = `${lockFile}.${process.pid}.new`;
  writeFileSync(draft, mine);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(draft, lockFile);
        return () => {
          if (readIfExists(lockFile) === mine) unlinkSync(lockFile);
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const held = readIfExists(lockFile);
      if (held === undefined) continue;
      const holder = parseHolder(held);
      if (holder && mayBeRunning(holder)) throw new DataDirLockedError(dataDir, lockFile, holder);
      // Stale. Moved aside rather than deleted, so of two servers starting at once only one removes
      // it; should the moved file not be the stale one (a live lock written meanwhile), it goes back.
      const aside = `${lockFile}.${process.pid}.stale`;
      try {
        renameSync(lockFile, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      if (readFileSync(aside, 'utf8') !== held) {
        try {
          linkSync(aside, lockFile);
        } catch {
          // another live lock is in place already; it stands
        }
      }
      unlinkSync(aside);
    }
    throw new DataDirLockedError(dataDir, lockFile, parseHolder(readIfExists(lockFile) ?? ''));
  } finally {
    unlinkSync(draft);
  }
}
