// Waiting and serving times per line (field) and per counter, and the citizens' ratings per officer
// and per counter, from the queue's journaled facts over a period: what Theo dõi › Báo cáo shows and exports.
import type { Officer, QueueLine, QueueRecord, Rating } from './model';
import { RATINGS, replayDay } from './model';

export interface TimesRow {
  key: string;
  label: string;
  /** Numbers taken in the line; for a counter, the numbers it called. */
  issued: number;
  served: number;
  skipped: number;
  /** Average minutes from the ticket to its first call, over the tickets called; undefined when none. */
  waitMinutes?: number;
  /** Average minutes from the (last) call to «Xong», over the tickets served. */
  serveMinutes?: number;
}

export interface RatingsRow {
  key: string;
  label: string;
  counts: Record<Rating, number>;
  total: number;
  /** Share rated Rất hài lòng or Hài lòng (0–1); undefined without ratings. */
  satisfied?: number;
}

export interface QueueReport {
  byLine: TimesRow[];
  byCounter: TimesRow[];
  total: TimesRow;
  ratingsByOfficer: RatingsRow[];
  ratingsByCounter: RatingsRow[];
  ratingsTotal: RatingsRow;
  /** Each rating with what it is tied to, for the export to the national scorecard. */
  ratings: { at: string; number: number; counter: number; officer: Officer; rating: Rating; reason: string; dossiers: string[] }[];
}

interface Acc {
  issued: number;
  served: number;
  skipped: number;
  wait: number[];
  serve: number[];
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const average = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : undefined);
const acc = (): Acc => ({ issued: 0, served: 0, skipped: 0, wait: [], serve: [] });

function timesRow(key: string, label: string, a: Acc): TimesRow {
  const row: TimesRow = { key, label, issued: a.issued, served: a.served, skipped: a.skipped };
  const wait = average(a.wait);
  const serve = average(a.serve);
  if (wait !== undefined) row.waitMinutes = wait;
  if (serve !== undefined) row.serveMinutes = serve;
  return row;
}

function ratingsRow(key: string, label: string, ratings: Rating[]): RatingsRow {
  const counts = Object.fromEntries(RATINGS.map((r) => [r, ratings.filter((x) => x === r).length])) as Record<Rating, number>;
  const row: RatingsRow = { key, label, counts, total: ratings.length };
  if (ratings.length) row.satisfied = (counts.veryGood + counts.good) / ratings.length;
  return row;
}

/** `days`: each day's records, in journal order (numbers restart daily, so days are replayed apart). */
export function queueReport(days: readonly (readonly QueueRecord[])[], lines: readonly QueueLine[]): QueueReport {
  const perLine = new Map<string, Acc>();
  const perCounter = new Map<number, Acc>();
  const total = acc();
  const officerRatings = new Map<string, { officer: Officer; ratings: Rating[] }>();
  const counterRatings = new Map<number, Rating[]>();
  const ratings: QueueReport['ratings'] = [];
  for (const records of days) {
    const day = replayDay(records);
    for (const t of day.tickets.values()) {
      const line = perLine.get(t.line) ?? perLine.set(t.line, acc()).get(t.line)!;
      const counter = t.counter !== undefined && t.state !== 'waiting' ? (perCounter.get(t.counter) ?? perCounter.set(t.counter, acc()).get(t.counter)!) : undefined;
      for (const a of [line, counter, total]) if (a) a.issued++;
      for (const a of [line, counter, total]) {
        if (!a) continue;
        if (t.firstCalledAt) a.wait.push(minutes(t.issuedAt, t.firstCalledAt));
        if (t.state === 'served') {
          a.served++;
          a.serve.push(minutes(t.calledAt!, t.doneAt!));
        }
        if (t.state === 'skipped') a.skipped++;
      }
    }
    for (const r of records) {
      if (r.type !== 'rated') continue;
      ratings.push({ at: r.at, number: r.number, counter: r.counter, officer: r.officer, rating: r.rating, reason: r.reason, dossiers: r.dossiers });
      (officerRatings.get(r.officer.id) ?? officerRatings.set(r.officer.id, { officer: r.officer, ratings: [] }).get(r.officer.id)!).ratings.push(r.rating);
      (counterRatings.get(r.counter) ?? counterRatings.set(r.counter, []).get(r.counter)!).push(r.rating);
    }
  }
  const lineName = (id: string) => lines.find((l) => l.id === id)?.name ?? id;
  return {
    byLine: [...perLine].map(([id, a]) => timesRow(id, lineName(id), a)).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    byCounter: [...perCounter].sort(([a], [b]) => a - b).map(([n, a]) => timesRow(String(n), `Quầy ${n}`, a)),
    total: timesRow('all', 'Tổng cộng', total),
    ratingsByOfficer: [...officerRatings.values()].map((o) => ratingsRow(o.officer.id, o.officer.name, o.ratings)).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    ratingsByCounter: [...counterRatings].sort(([a], [b]) => a - b).map(([n, rs]) => ratingsRow(String(n), `Quầy ${n}`, rs)),
    ratingsTotal: ratingsRow(
      'all',
      'Tổng cộng',
      ratings.map((r) => r.rating),
    ),
    ratings,
  };
}
