// The tracking board: what the desk must chase today. Read through the [status+dueAt] index
// (row.dueAt is the current appointment: the re-set date when there is one).
import { Dexie } from 'dexie';
import { vnDateKey, type WorkCalendar } from '../../../shared/calendar';
import { dayNumberFromDateKey, vnMidnightMs } from '../../../shared/calendar/days';
import type { DossierStatus } from '../../../shared/domain';
import { dossiersInStatus, type DossierRow, type MotCuaDb } from '../../db';

export const DEFAULT_NOT_COLLECTED_DAYS = 10;
/** The most rows per group: a board to act on, not an archive. */
const GROUP_LIMIT = 200;

/** Dossiers still being decided (or re-decided after a correction): their appointment can pass. */
const RUNNING: readonly DossierStatus[] = ['received', 'withCourier', 'atDepartment', 'resultInTransit', 'correctionRequested'];

export interface TrackingBoard {
  overdue: DossierRow[];
  dueToday: DossierRow[];
  /** Due on the next working day: the department must apologise at the latest one day before. */
  dueNextWorkingDay: DossierRow[];
  awaitingSupplement: DossierRow[];
  /** Results at the Center the applicant has not been told about yet, oldest first. */
  notYetNotified: DossierRow[];
  /** Results waiting at least `notCollectedDays` days, counted from the notice when one was given. */
  notCollected: DossierRow[];
  nextWorkingDay: string;
}

/** The date key (YYYY-MM-DD) of the first working day after `now` in Vietnam. */
export function nextWorkingDayKey(now: Date, calendar: WorkCalendar): string {
  let t = now.getTime();
  for (let i = 0; i < 60; i++) {
    t += 86_400_000;
    const key = vnDateKey(new Date(t));
    if (calendar.isWorkingDateKey(key)) return key;
  }
  return vnDateKey(new Date(now.getTime() + 86_400_000));
}

/** The applicant can only be blamed for not collecting from the day they were told, if they were. */
export function waitingSince(row: DossierRow): string | undefined {
  return row.state.notifiedAt ?? row.state.resultReadyAt;
}

export async function loadTrackingBoard(db: MotCuaDb, options: { now: Date; calendar: WorkCalendar; notCollectedDays?: number }): Promise<TrackingBoard> {
  const { now, calendar } = options;
  const today = vnDateKey(now);
  const nextKey = nextWorkingDayKey(now, calendar);
  const nowIso = now.toISOString();
  // Everything due before the end of the next working day, per running status, oldest first.
  const horizon = new Date(vnMidnightMs(dayNumberFromDateKey(nextKey) + 1)).toISOString();
  const running = (
    await Promise.all(
      RUNNING.map((s) =>
        db.dossiers
          .where('[status+dueAt]')
          .between([s, Dexie.minKey], [s, horizon], true, false)
          .limit(GROUP_LIMIT * 3)
          .toArray(),
      ),
    )
  ).flat();
  running.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));

  const board: TrackingBoard = { overdue: [], dueToday: [], dueNextWorkingDay: [], awaitingSupplement: [], notYetNotified: [], notCollected: [], nextWorkingDay: nextKey };
  for (const row of running) {
    if (!row.dueAt) continue;
    const key = vnDateKey(new Date(row.dueAt));
    if (row.dueAt < nowIso) board.overdue.push(row);
    else if (key === today) board.dueToday.push(row);
    else if (key <= nextKey) board.dueNextWorkingDay.push(row);
  }
  board.overdue = board.overdue.slice(0, GROUP_LIMIT);
  board.awaitingSupplement = await dossiersInStatus(db, 'awaitingSupplement').limit(GROUP_LIMIT).toArray();
  const readyBefore = new Date(now.getTime() - (options.notCollectedDays ?? DEFAULT_NOT_COLLECTED_DAYS) * 86_400_000).toISOString();
  const ready = await dossiersInStatus(db, 'resultReady').toArray();
  board.notYetNotified = ready
    .filter((r) => r.state.notifiedAt === undefined)
    .sort((a, b) => (a.state.resultReadyAt ?? '').localeCompare(b.state.resultReadyAt ?? ''))
    .slice(0, GROUP_LIMIT);
  board.notCollected = ready
    .filter((r) => {
      const since = waitingSince(r);
      return since !== undefined && since <= readyBefore;
    })
    .sort((a, b) => (waitingSince(a) ?? '').localeCompare(waitingSince(b) ?? ''))
    .slice(0, GROUP_LIMIT);
  return board;
}
