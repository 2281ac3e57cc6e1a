// The hall's queue as data: the lines a citizen can take a number for, the facts the queue service
// journals (one per line of its day file), and the one reducer that turns them into who waits, who
// is called where and who is to rate. The service, its restart and the reports all go through it.

/** A line of the queue: a desk kind or a group of the catalogue's fields (lĩnh vực). */
export interface QueueLine {
  /** Short ASCII id, e.g. "dn-dt". */
  id: string;
  /** 1–9: the thousands digit of its numbers (line 1 gives 1001, 1002, …). */
  prefix: number;
  /** What the citizen reads on the kiosk button and the ticket, e.g. "Doanh nghiệp, đầu tư". */
  name: string;
  /** Nộp hồ sơ or nhận kết quả. */
  desk: 'receive' | 'return';
  /** The catalogue's fields this line covers (shown under the button); empty for a desk kind alone. */
  fields: string[];
}

export const DESK_LABELS: Record<QueueLine['desk'], string> = { receive: 'Nộp hồ sơ', return: 'Nhận kết quả' };

export interface Officer {
  id: string;
  name: string;
}

export const RATINGS = ['veryGood', 'good', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { veryGood: 'Rất hài lòng', good: 'Hài lòng', poor: 'Chưa hài lòng' };

/** One fact of the queue, as journaled; `at` is the service's clock (ISO). */
export type QueueRecord =
  | { type: 'issued'; at: string; number: number; line: string }
  | { type: 'called'; at: string; number: number; counter: number; officer: Officer; again?: true }
  | { type: 'skipped'; at: string; number: number; counter: number }
  | { type: 'served'; at: string; number: number; counter: number; officer: Officer; dossiers: string[] }
  | { type: 'transferred'; at: string; number: number; from: number; to: number }
  | { type: 'rated'; at: string; number: number; counter: number; officer: Officer; rating: Rating; reason: string; dossiers: string[] };

export type TicketState = 'waiting' | 'called' | 'served' | 'skipped';

export interface Ticket {
  number: number;
  line: string;
  issuedAt: string;
  state: TicketState;
  /** Where it is called or was served; for a waiting ticket, the counter it was transferred to. */
  counter?: number;
  officer?: Officer;
  firstCalledAt?: string;
  calledAt?: string;
  doneAt?: string;
  rated?: Rating;
}

export interface QueueDay {
  tickets: Map<number, Ticket>;
  /** Last number issued per line prefix. */
  lastSeq: Map<number, number>;
  /** The calls in order (the hall shows the latest). */
  calls: { number: number; counter: number; at: string }[];
}

export const emptyDay = (): QueueDay => ({ tickets: new Map(), lastSeq: new Map(), calls: [] });

/** Numbers per line per day: 1–999 after the line's prefix. */
export const LINE_CAPACITY = 999;

export class QueueError extends Error {
  constructor(
    readonly code: 'NO_LINE' | 'LINE_FULL' | 'NO_TICKET' | 'BUSY' | 'EMPTY' | 'NOT_HERE' | 'RATED' | 'BAD_INPUT',
    message: string,
  ) {
    super(message);
    this.name = 'QueueError';
  }
}

/** The next number of a line; throws when its 999 numbers of the day are used. */
export function nextNumber(day: QueueDay, line: QueueLine): number {
  const seq = (day.lastSeq.get(line.prefix) ?? 0) + 1;
  if (seq > LINE_CAPACITY) throw new QueueError('LINE_FULL', `Hàng "${line.name}" đã phát hết ${LINE_CAPACITY} số trong ngày.`);
  return line.prefix * 1000 + seq;
}

export function currentAt(day: QueueDay, counter: number): Ticket | undefined {
  for (const t of day.tickets.values()) if (t.state === 'called' && t.counter === counter) return t;
  return undefined;
}

/**
 * The ticket a counter calls next: one transferred to it first (oldest), else the oldest waiting in
 * the lines it serves that no other counter was given.
 */
export function nextFor(day: QueueDay, counter: number, lines: readonly string[]): Ticket | undefined {
  let best: Ticket | undefined;
  for (const t of day.tickets.values()) {
    if (t.state !== 'waiting') continue;
    const mine = t.counter === counter;
    const open = t.counter === undefined && lines.includes(t.line);
    if (!mine && !open) continue;
    if (!best || (mine && best.counter !== counter) || (mine === (best.counter === counter) && t.issuedAt < best.issuedAt)) best = t;
  }
  return best;
}

export function waitingIn(day: QueueDay, line: string): number {
  let n = 0;
  for (const t of day.tickets.values()) if (t.state === 'waiting' && t.line === line) n++;
  return n;
}

/** Applies one journaled fact. The service checks a fact with `checkRecord` before journaling it. */
export function applyRecord(day: QueueDay, r: QueueRecord): void {
  if (r.type === 'issued') {
    day.tickets.set(r.number, { number: r.number, line: r.line, issuedAt: r.at, state: 'waiting' });
    const prefix = Math.floor(r.number / 1000);
    day.lastSeq.set(prefix, Math.max(day.lastSeq.get(prefix) ?? 0, r.number % 1000));
    return;
  }
  const t = day.tickets.get(r.number);
  if (!t) return;
  switch (r.type) {
    case 'called':
      Object.assign(t, { state: 'called', counter: r.counter, officer: r.officer, calledAt: r.at, firstCalledAt: t.firstCalledAt ?? r.at });
      day.calls.push({ number: r.number, counter: r.counter, at: r.at });
      return;
    case 'skipped':
      Object.assign(t, { state: 'skipped', doneAt: r.at });
      return;
    case 'served':
      Object.assign(t, { state: 'served', doneAt: r.at });
      return;
    case 'transferred':
      Object.assign(t, { state: 'waiting', counter: r.to });
      delete t.officer;
      return;
    case 'rated':
      t.rated = r.rating;
      return;
  }
}

/** Why a fact cannot happen now, as a QueueError in Vietnamese; nothing when it can. */
export function checkRecord(day: QueueDay, r: QueueRecord): void {
  if (r.type === 'issued') return;
  const t = day.tickets.get(r.number);
  if (!t) throw new QueueError('NO_TICKET', `Không có số ${r.number} trong ngày hôm nay.`);
  const here = (counter: number) => {
    if (t.state !== 'called' || t.counter !== counter) throw new QueueError('NOT_HERE', `Số ${r.number} không đang được phục vụ ở quầy ${counter}.`);
  };
  switch (r.type) {
    case 'called':
      if (r.again) return here(r.counter);
      if (t.state !== 'waiting') throw new QueueError('NOT_HERE', `Số ${r.number} không còn chờ.`);
      if (currentAt(day, r.counter)) throw new QueueError('BUSY', `Quầy ${r.counter} đang phục vụ số ${currentAt(day, r.counter)!.number}: bấm «Xong» hoặc «Bỏ qua» trước khi gọi số mới.`);
      return;
    case 'skipped':
    case 'served':
      return here(r.counter);
    case 'transferred':
      here(r.from);
      if (r.to === r.from) throw new QueueError('BAD_INPUT', 'Chọn một quầy khác để chuyển.');
      return;
    case 'rated':
      if (t.state !== 'served') throw new QueueError('NOT_HERE', `Số ${r.number} chưa được phục vụ xong.`);
      if (t.rated) throw new QueueError('RATED', `Số ${r.number} đã được đánh giá.`);
      return;
  }
}

/** A day of facts replayed: what the service holds after a restart. */
export function replayDay(records: readonly QueueRecord[]): QueueDay {
  const day = emptyDay();
  for (const r of records) applyRecord(day, r);
  return day;
}
