// The counter's scanner folder as a setting: checked before it is saved, watched from start-up, and
// watched afresh when an administrator points it elsewhere. File numbers keep rising across a change,
// so a screen that already saw number 7 of the old folder still gets the new folder's first file.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { ScannedFile, ScannedFileContent } from '../../shared/host';
import { WatchFolder, type WatchFolderOptions } from './watchFolder';

/** Why `path` cannot be the scanner folder, in Vietnamese for the administrator, or undefined when it can. */
export async function scanFolderProblem(path: string): Promise<string | undefined> {
  if (!isAbsolute(path)) return `"${path}" chưa phải đường dẫn đầy đủ. Hãy nhập cả ổ đĩa hoặc thư mục gốc, ví dụ D:\\MayQuet hoặc /home/quay/may-quet.`;
  const info = await stat(path).catch(() => undefined);
  if (!info) return `Không tìm thấy thư mục ${path} trên máy này. Hãy kiểm tra đường dẫn, hoặc tạo thư mục rồi cài máy quét lưu vào đó.`;
  if (!info.isDirectory()) return `${path} là một tệp, không phải thư mục. Hãy nhập thư mục mà máy quét lưu tệp vào.`;
  return undefined;
}

export class ScanFolder {
  private current?: WatchFolder;
  private lastSeq = 0;

  constructor(private readonly options: Omit<WatchFolderOptions, 'firstSeq'> = {}) {}

  /** The folder being watched, if any. */
  get dir(): string | undefined {
    return this.current?.dir;
  }

  /** Watches `path`, or nothing when it is empty; throws the Vietnamese problem when the path is unusable. */
  async watch(path: string | undefined): Promise<void> {
    const wanted = path?.trim() || undefined;
    if (wanted === this.current?.dir) return;
    if (wanted) {
      const problem = await scanFolderProblem(wanted);
      if (problem) throw new Error(problem);
    }
    this.stop();
    if (!wanted) return;
    const next = new WatchFolder(wanted, { ...this.options, firstSeq: this.lastSeq });
    try {
      next.start();
    } catch (error) {
      throw new Error(`Không theo dõi được thư mục ${wanted}: ${(error as Error).message}. Hãy kiểm tra quyền đọc thư mục.`, { cause: error });
    }
    this.current = next;
  }

  stop(): void {
    if (!this.current) return;
    this.lastSeq = this.current.lastSeq;
    this.current.stop();
    this.current = undefined;
  }

  list(afterSeq: number): ScannedFile[] {
    return this.current?.list(afterSeq) ?? [];
  }

  async read(seq: number): Promise<ScannedFileContent> {
    if (!this.current) throw new Error('Máy quầy chưa có thư mục máy quét. Quản trị viên cài thư mục trong Cài đặt.');
    return this.current.read(seq);
  }
}

/**
 * The scanner folder at start-up, from the saved setting. A folder that has gone (a network drive not
 * mounted yet) is logged and left unwatched: the counter still starts, and saving the setting again retries.
 */
export async function startScanFolder(savedPath: string | undefined, log: (line: string) => void, options: Omit<WatchFolderOptions, 'firstSeq'> = {}): Promise<ScanFolder> {
  const folder = new ScanFolder(options);
  try {
    await folder.watch(savedPath);
  } catch (error) {
    log(`[máy quét] không theo dõi thư mục đã cài: ${(error as Error).message}`);
  }
  return folder;
}
