// Early / on time / late (trước hạn / đúng hạn / quá hạn), always against the ORIGINAL deadline:
// an apology's re-set date is kept apart and never turns a late dossier into an on-time one.
import { inPeriod, type Period } from '../calendar/period';
import { parseInstant, vietnamDayNumber } from './time';
import type { DossierState } from './types';

export type Timeliness = 'early' | 'onTime' | 'late';

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  early: 'Trước hạn',
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
};

/** The appointment staff should tell the applicant now: the re-set date if any, else the legal deadline. */
export function currentAppointment(state: DossierState): string | undefined {
  return state.newDueAt ?? state.dueAt;
}

/**
 * Judges a dossier by calendar day in Vietnam (UTC+7): finished on an earlier day than the deadline
 * is early, the same day on time, a later day late. `finishedAt` defaults to when the result first
 * reached the Center (the applicant collecting later is not the agency's delay), else the return.
 * Unfinished: late as soon as `now` passes the deadline, otherwise undefined (not yet judged).
 * Refused, withdrawn and supplement-awaiting dossiers have no running deadline unless a finish is given.
 */
export function timeliness(state: DossierState | undefined, finishedAt?: string, now: string | number | Date = new Date()): Timeliness | undefined {
  const due = state?.dueAt === undefined ? undefined : parseInstant(state.dueAt);
  if (!state || due === undefined) return undefined;
  const stopped = state.status === 'refused' || state.status === 'withdrawn' || state.status === 'awaitingSupplement';
  const finish = finishedAt ?? (stopped ? undefined : (state.resultReadyAt ?? state.returnedAt));
  if (finish !== undefined) {
    const finishMs = parseInstant(finish);
    if (finishMs === undefined) return undefined;
    const finishDay = vietnamDayNumber(finishMs);
    const dueDay = vietnamDayNumber(due);
    return finishDay < dueDay ? 'early' : finishDay === dueDay ? 'onTime' : 'late';
  }
  if (stopped) return undefined;
  const nowMs = typeof now === 'number' ? now : typeof now === 'string' ? parseInstant(now) : now.getTime();
  if (nowMs === undefined || !Number.isFinite(nowMs)) return undefined;
  return nowMs > due ? 'late' : undefined;
}

/**
 * Which dossiers a period judges: those whose result reached the Center in the period, and those
 * still without a result whose original deadline passed in the period (late already).
 */
export function judgedInPeriod(state: DossierState, period: Period, now: Date): Timeliness | undefined {
  if (state.resultReadyAt !== undefined) return inPeriod(state.resultReadyAt, period) ? timeliness(state, undefined, now) : undefined;
  if (!inPeriod(state.dueAt, period)) return undefined;
  return timeliness(state, undefined, now) === 'late' ? 'late' : undefined;
}
