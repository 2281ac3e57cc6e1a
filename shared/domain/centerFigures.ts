// A center's figures for the province's view (NĐ 118/2025 reporting, QĐ 766 scorecard): received,
// judged early / on time / late, digitised at reception, and still waiting, for a period. Computed
// from dossier states by the same rules as a counter's own reports (judgedInPeriod, digitisationProgress).
import { inPeriod, type Period } from '../calendar/period';
import { digitisationProgress } from './digitisation';
import { judgedInPeriod } from './timeliness';
import type { DossierState } from './types';

export interface CenterFigures {
  /** Dossiers received (with a code) in the period. */
  received: number;
  /** Judged in the period (result in it, or deadline passed in it without one). */
  early: number;
  onTime: number;
  late: number;
  /** Of those received in the period, every ticked paper digitised or exempt (TT 03/2025, Điều 5). */
  digitised: number;
  /** Received and not finished now: neither returned, refused nor withdrawn. */
  waiting: number;
}

export const emptyFigures = (): CenterFigures => ({ received: 0, early: 0, onTime: 0, late: 0, digitised: 0, waiting: 0 });

const FINISHED: readonly DossierState['status'][] = ['returned', 'refused', 'withdrawn'];

export function centerFigures(states: Iterable<DossierState>, period: Period, now: Date): CenterFigures {
  const f = emptyFigures();
  for (const s of states) {
    if (s.code === undefined) continue;
    if (inPeriod(s.receivedAt, period)) {
      f.received++;
      if (digitisationProgress(s).complete) f.digitised++;
    }
    const judged = judgedInPeriod(s, period, now);
    if (judged) f[judged]++;
    if (!FINISHED.includes(s.status)) f.waiting++;
  }
  return f;
}

/** The province's line: the sum of its centers'. */
export function addFigures(rows: readonly CenterFigures[]): CenterFigures {
  const total = emptyFigures();
  for (const r of rows) for (const k of Object.keys(total) as (keyof CenterFigures)[]) total[k] += r[k];
  return total;
}
