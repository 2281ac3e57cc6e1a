// The queue of the hall as a plain Node service: numbers issued per line, calls from the counters,
// the hall's view, ratings from the citizen screens. Every fact is journaled (fsync) before it is
// answered; the state is the shared reducer over today's journal, so a restart of this machine
// resumes where it stopped: no number twice, none lost. Numbers restart each Vietnam day.
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vnDateKey } from '../../../shared/calendar';
import { queueTicket } from '../../../shared/documents/queueTicket';
import { toRasterJob } from '../../../shared/documents/thermalRender';
import type { KioskHost, PrintOutcome } from '../../../shared/host';
import { applyRecord, checkRecord, currentAt, DESK_LABELS, nextFor, nextNumber, QueueError, RATINGS, replayDay, waitingIn } from '../../../shared/queue/model';
import type { Officer, QueueDay, QueueLine, QueueRecord, Rating, Ticket } from '../../../shared/queue/model';
import { queueReport, type QueueReport } from '../../../shared/queue/report';
import { callAnnouncement } from '../../../shared/queue/words';
import type { CounterView, HallView, RatingView, TicketView } from '../../../shared/queue/api';
import { journalDays, openJournal, readDay, type QueueJournal } from './journal';
import { renderThermalNode } from '../printing/nodeCanvas';

export interface QueueConfig {
  /** The Center's name in lines, printed on the ticket and shown on the pages. */
  center: string[];
  lines: QueueLine[];
}

export interface QueueServiceOptions {
  /** The journal's folder (one file per day) and the counters' pairing codes. */
  dir: string;
  config: QueueConfig;
  /** The machine's printers: the ticket goes to the one set for «Phiếu số thứ tự». */
  printers?: KioskHost['printers'];
  now?: () => Date;
}

export interface IssuedTicket {
  number: number;
  line: QueueLine;
  issuedAt: string;
  waitingAhead: number;
  /** The printer's answer; undefined when this machine has no ticket printer. */
  printed?: PrintOutcome;
}

interface Served {
  number: number;
  officer: Officer;
  dossiers: string[];
}

export function createQueueService(options: QueueServiceOptions) {
  const now = options.now ?? (() => new Date());
  const lines = options.config.lines;
  let journal: QueueJournal = openJournal(options.dir, vnDateKey(now()));
  let day: QueueDay = replayDay(journal.records);
  // The service each counter last finished, until it is rated or the counter calls again.
  const lastServed = new Map<number, Served>();
  const pairingFile = join(options.dir, 'pairings.json');
  const pairings = new Map<number, string>(Object.entries(readPairings()).map(([k, v]) => [Number(k), v]));

  function readPairings(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(pairingFile, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  /** The day turns at midnight Vietnam time: a new file, numbers from 1 again. */
  function today(): QueueDay {
    const key = vnDateKey(now());
    if (key !== journal.day) {
      journal.close();
      journal = openJournal(options.dir, key);
      day = replayDay(journal.records);
      lastServed.clear();
    }
    return day;
  }

  function record(r: QueueRecord): void {
    checkRecord(today(), r);
    journal.append(r);
    applyRecord(day, r);
  }

  const lineOf = (id: string) => lines.find((l) => l.id === id);
  const view = (t: Ticket): TicketView => ({ number: t.number, line: t.line, lineName: lineOf(t.line)?.name ?? t.line, issuedAt: t.issuedAt, ...(t.calledAt ? { calledAt: t.calledAt } : {}) });
  const at = () => now().toISOString();

  function checkCounter(counter: unknown): asserts counter is number {
    if (!Number.isInteger(counter) || (counter as number) < 1 || (counter as number) > 99) throw new QueueError('BAD_INPUT', 'Số quầy phải là số nguyên từ 1 đến 99.');
  }

  function current(counter: number): Ticket {
    const t = currentAt(today(), counter);
    if (!t) throw new QueueError('NOT_HERE', `Quầy ${counter} chưa gọi số nào.`);
    return t;
  }

  function pairingCode(counter: number): string {
    let code = pairings.get(counter);
    if (!code) {
      const taken = new Set(pairings.values());
      do code = String(randomInt(100_000, 1_000_000));
      while (taken.has(code));
      pairings.set(counter, code);
      const tmp = `${pairingFile}.tmp`;
      writeFileSync(tmp, JSON.stringify(Object.fromEntries(pairings)));
      renameSync(tmp, pairingFile);
    }
    return code;
  }

  async function printTicket(ticket: IssuedTicket): Promise<PrintOutcome | undefined> {
    const printer = (await options.printers?.list())?.find((p) => p.roles.includes('ticket') && (p.paper === '80mm' || p.paper === '58mm'));
    if (!printer || !options.printers) return undefined;
    const doc = queueTicket({
      center: options.config.center,
      number: ticket.number,
      lineName: ticket.line.name,
      deskLabel: DESK_LABELS[ticket.line.desk],
      issuedAt: ticket.issuedAt,
      waitingAhead: ticket.waitingAhead,
    });
    const raster = renderThermalNode(doc, printer.paper === '58mm' ? '58mm' : '80mm');
    return options.printers.printRaster(toRasterJob(raster, { jobId: randomUUID(), printerId: printer.id }));
  }

  return {
    config: options.config,

    /** A number for a line, on disk before it is answered, then printed. */
    async issue(lineId: string): Promise<IssuedTicket> {
      const line = lineOf(lineId);
      if (!line) throw new QueueError('NO_LINE', 'Không có hàng chờ này. Hãy chọn lại trên màn hình.');
      const waitingAhead = waitingIn(today(), line.id);
      const r: QueueRecord = { type: 'issued', at: at(), number: nextNumber(day, line), line: line.id };
      record(r);
      const ticket: IssuedTicket = { number: r.number, line, issuedAt: r.at, waitingAhead };
      const printed = await printTicket(ticket).catch((error: Error): PrintOutcome => ({ ok: false, retryable: false, status: { state: 'error', message: `Không in được phiếu: ${error.message}` } }));
      return printed ? { ...ticket, printed } : ticket;
    },

    callNext(counter: number, serves: string[], officer: Officer): TicketView {
      checkCounter(counter);
      const busy = currentAt(today(), counter);
      if (busy) throw new QueueError('BUSY', `Quầy ${counter} đang phục vụ số ${busy.number}: bấm «Xong» hoặc «Bỏ qua» trước khi gọi số mới.`);
      const t = nextFor(day, counter, serves);
      if (!t) throw new QueueError('EMPTY', 'Không còn ai chờ ở các hàng quầy này phục vụ.');
      record({ type: 'called', at: at(), number: t.number, counter, officer });
      lastServed.delete(counter);
      return view(t);
    },

    callAgain(counter: number, officer: Officer): TicketView {
      checkCounter(counter);
      const t = current(counter);
      record({ type: 'called', at: at(), number: t.number, counter, officer, again: true });
      return view(t);
    },

    skip(counter: number): TicketView {
      checkCounter(counter);
      const t = current(counter);
      record({ type: 'skipped', at: at(), number: t.number, counter });
      return view(t);
    },

    /** «Xong»: the service ends; the citizen screen of this counter asks for a rating of it. */
    serve(counter: number, officer: Officer, dossiers: string[]): TicketView {
      checkCounter(counter);
      const t = current(counter);
      record({ type: 'served', at: at(), number: t.number, counter, officer, dossiers });
      lastServed.set(counter, { number: t.number, officer, dossiers });
      return view(t);
    },

    transfer(counter: number, to: number): TicketView {
      checkCounter(counter);
      checkCounter(to);
      const t = current(counter);
      record({ type: 'transferred', at: at(), number: t.number, from: counter, to });
      return view(t);
    },

    counterView(counter: number, serves: string[]): CounterView {
      checkCounter(counter);
      const d = today();
      const t = currentAt(d, counter);
      let waiting = 0;
      for (const w of d.tickets.values()) if (w.state === 'waiting' && (w.counter === counter || (w.counter === undefined && serves.includes(w.line)))) waiting++;
      const toRate = lastServed.get(counter);
      return {
        counter,
        ...(t ? { current: view(t) } : {}),
        waiting,
        pairingCode: pairingCode(counter),
        ...(toRate && !d.tickets.get(toRate.number)?.rated ? { toRate: { number: toRate.number } } : {}),
      };
    },

    hallView(): HallView {
      const d = today();
      const serving: HallView['serving'] = [];
      for (const t of d.tickets.values()) if (t.state === 'called') serving.push({ counter: t.counter!, number: t.number, lineName: lineOf(t.line)?.name ?? t.line });
      serving.sort((a, b) => a.counter - b.counter);
      const calls = d.calls
        .map((c, i) => ({ seq: i + 1, ...c, announcement: callAnnouncement(c.number, c.counter) }))
        .slice(-8)
        .reverse();
      return { center: options.config.center, serving, calls, waiting: lines.map((l) => ({ line: l.id, lineName: l.name, count: waitingIn(d, l.id) })) };
    },

    counterOfPairing(code: string): number {
      for (const [counter, c] of pairings) if (c === code) return counter;
      throw new QueueError('BAD_INPUT', 'Mã ghép không đúng. Hãy nhập mã đang hiện trên màn hình của quầy.');
    },

    ratingView(code: string): RatingView {
      const counter = this.counterOfPairing(code);
      const served = lastServed.get(counter);
      const pending = served && !today().tickets.get(served.number)?.rated ? { number: served.number, officerName: served.officer.name } : undefined;
      return { counter, ...(pending ? { pending } : {}) };
    },

    rate(code: string, number: number, rating: Rating, reason: string): void {
      const counter = this.counterOfPairing(code);
      if (!RATINGS.includes(rating)) throw new QueueError('BAD_INPUT', 'Hãy chọn một mức đánh giá.');
      if (reason.length > 500) throw new QueueError('BAD_INPUT', 'Ý kiến dài quá 500 ký tự.');
      const served = lastServed.get(counter);
      if (!served || served.number !== number) throw new QueueError('NOT_HERE', `Lượt phục vụ số ${number} ở quầy ${counter} không còn chờ đánh giá.`);
      record({ type: 'rated', at: at(), number, counter, officer: served.officer, rating, reason: reason.trim(), dossiers: served.dossiers });
    },

    /** Report over Vietnam days `from`–`to` (date keys, inclusive), read back from the journal. */
    report(from: string, to: string): QueueReport {
      const days = journalDays(options.dir, from, to).map((d) => (d === journal.day ? [...journal.records] : readDay(options.dir, d).records));
      return queueReport(days, lines);
    },

    close(): void {
      journal.close();
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
