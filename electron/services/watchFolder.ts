// The office scanner saves into a folder; the host watches it and offers each new file to the
// counter once it has stopped growing (scanners write a page at a time, so a file seen mid-write
// must not be taken). fs.watch only says "something changed"; a stat that stays the same for
// `settleMs` says the file is complete.
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ScannedFile, ScannedFileContent } from '../../shared/host';

const MEDIA_TYPES: Record<string, ScannedFile['mediaType']> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};
/** Same bound as an attachment upload (shared/attachments/protocol.ts). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface WatchFolderOptions {
  /** How long size and modification time must stay unchanged. */
  settleMs?: number;
  now?: () => Date;
  /** The first file gets `firstSeq + 1`: a folder watched after another keeps the counter's numbering going. */
  firstSeq?: number;
}

export class WatchFolder {
  private watcher?: FSWatcher;
  private readonly offered: ScannedFile[] = [];
  private readonly pending = new Map<string, { size: number; mtimeMs: number; timer: ReturnType<typeof setTimeout> }>();
  private readonly seen = new Set<string>();
  private seq = 0;
  private readonly settleMs: number;
  private readonly now: () => Date;

  constructor(
    readonly dir: string,
    options: WatchFolderOptions = {},
  ) {
    this.settleMs = options.settleMs ?? 1500;
    this.now = options.now ?? (() => new Date());
    this.seq = options.firstSeq ?? 0;
  }

  /** The number of the newest file offered (or `firstSeq` while none was). */
  get lastSeq(): number {
    return this.seq;
  }

  start(): void {
    if (this.watcher) return;
    this.watcher = watch(this.dir, (_event, name) => {
      if (name) this.check(String(name));
    });
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = undefined;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  /** Files offered after `afterSeq`, oldest first. */
  list(afterSeq: number): ScannedFile[] {
    return this.offered.filter((f) => f.seq > afterSeq);
  }

  async read(seq: number): Promise<ScannedFileContent> {
    const file = this.offered.find((f) => f.seq === seq);
    if (!file) throw new Error(`Không còn tệp quét số ${seq} trong thư mục theo dõi.`);
    const bytes = await readFile(join(this.dir, file.name));
    return { ...file, base64: bytes.toString('base64') };
  }

  private check(name: string): void {
    const mediaType = MEDIA_TYPES[extname(name).toLowerCase()];
    if (!mediaType || name.startsWith('.') || this.seen.has(name)) return;
    void stat(join(this.dir, name))
      .then((s) => {
        if (!s.isFile()) return;
        const prior = this.pending.get(name);
        if (prior) clearTimeout(prior.timer);
        const timer = setTimeout(() => void this.settle(name, s.size, s.mtimeMs, mediaType), this.settleMs);
        this.pending.set(name, { size: s.size, mtimeMs: s.mtimeMs, timer });
      })
      .catch(() => this.pending.delete(name));
  }

  private async settle(name: string, size: number, mtimeMs: number, mediaType: ScannedFile['mediaType']): Promise<void> {
    this.pending.delete(name);
    const s = await stat(join(this.dir, name)).catch(() => undefined);
    if (!s) return;
    // Still growing: look again after another quiet period.
    if (s.size !== size || s.mtimeMs !== mtimeMs || s.size === 0) return this.check(name);
    if (s.size > MAX_FILE_BYTES || this.seen.has(name)) return;
    this.seen.add(name);
    this.offered.push({ seq: ++this.seq, name: basename(name), size: s.size, mediaType, at: this.now().toISOString() });
  }
}
