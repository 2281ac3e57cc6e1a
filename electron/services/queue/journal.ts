// The queue's durable journal: one JSON line per fact, one file per Vietnam day
// (`<dir>/YYYY-MM-DD.jsonl`), appended and fsynced before the fact is answered, so a number told to
// a citizen is on disk before the ticket prints. A restart replays today's file; a line torn by a
// crash mid-write (never answered) is cut off before the next append.
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueRecord } from '../../../shared/queue/model';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

export interface QueueJournal {
  /** Today's facts as journaled (after a restart: as read back). */
  readonly day: string;
  readonly records: readonly QueueRecord[];
  /** Appends and fsyncs; returns once the fact is on disk. */
  append(record: QueueRecord): void;
  close(): void;
}

/** The facts of a day file; a torn last line (a crash mid-append) is left out. */
export function readDay(dir: string, day: string): { records: QueueRecord[]; goodBytes: number } {
  let text: string;
  try {
    text = readFileSync(join(dir, `${day}.jsonl`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], goodBytes: 0 };
    throw error;
  }
  const records: QueueRecord[] = [];
  let goodBytes = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    try {
      records.push(JSON.parse(text.slice(start, end)) as QueueRecord);
    } catch {
      break;
    }
    goodBytes += Buffer.byteLength(text.slice(start, end + 1));
  }
  return { records, goodBytes };
}

/** The days that have a journal between `from` and `to` (date keys, inclusive), oldest first. */
export function journalDays(dir: string, from: string, to: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => DAY_FILE.exec(n)?.[1])
    .filter((d): d is string => d !== undefined && d >= from && d <= to)
    .sort();
}

export function openJournal(dir: string, day: string): QueueJournal {
  mkdirSync(dir, { recursive: true });
  const { records, goodBytes } = readDay(dir, day);
  const fd = openSync(join(dir, `${day}.jsonl`), 'a+');
  // What a crash left after the last whole line was never answered: cut it, so the next fact (appended) starts a line.
  ftruncateSync(fd, goodBytes);
  return {
    day,
    records,
    append(record) {
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
      writeSync(fd, bytes);
      fsyncSync(fd);
      records.push(record);
    },
    close: () => closeSync(fd),
  };
}
