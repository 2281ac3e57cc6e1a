// The digitisation rate of the national scorecard (QĐ 766/QĐ-TTg): dossiers fully digitised at
// reception over dossiers received, per department, for a period of Vietnam calendar days.
// Computed from dossier states, which every counter pulls for the whole Center, so the rate is the
// Center's and not one counter's.
import { vnDateKey } from '../calendar/days';
import { digitisationProgress } from '../domain/digitisation';
import type { DossierState } from '../domain/types';

export interface DigitisationFact {
  departmentId: string;
  /** Vietnam date key of reception, "2026-01-12". */
  receivedOn: string;
  /** Every ticked line digitised or exempt (`digitisationProgress(state).complete`). */
  complete: boolean;
}

export interface DigitisationRate {
  departmentId: string;
  received: number;
  digitised: number;
  /** 0..1; 0 when nothing was received, so an idle department never shows as 100 %. */
  rate: number;
}

/**
 * One fact per received dossier (it carries the official code). A dossier whose clock restarted
 * after a department's supplement request counts on its new reception day, as the state keeps it.
 */
export function digitisationFacts(states: Iterable<DossierState>): DigitisationFact[] {
  const facts: DigitisationFact[] = [];
  for (const s of states) {
    if (s.code === undefined || s.receivedAt === undefined) continue;
    facts.push({ departmentId: s.departmentId ?? '', receivedOn: vnDateKey(new Date(s.receivedAt)), complete: digitisationProgress(s).complete });
  }
  return facts;
}

/** Rates per department for receptions in [from, to] (inclusive date keys), sorted by department. */
export function digitisationRates(facts: readonly DigitisationFact[], from: string, to: string): DigitisationRate[] {
  const byDepartment = new Map<string, { received: number; digitised: number }>();
  for (const f of facts) {
    if (f.receivedOn < from || f.receivedOn > to) continue;
    const row = byDepartment.get(f.departmentId) ?? { received: 0, digitised: 0 };
    row.received++;
    if (f.complete) row.digitised++;
    byDepartment.set(f.departmentId, row);
  }
  return [...byDepartment.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([departmentId, r]) => ({ departmentId, ...r, rate: r.received === 0 ? 0 : r.digitised / r.received }));
}

/** All departments together, for the total line of the report. */
export function digitisationTotal(rates: readonly DigitisationRate[]): Omit<DigitisationRate, 'departmentId'> {
  const received = rates.reduce((n, r) => n + r.received, 0);
  const digitised = rates.reduce((n, r) => n + r.digitised, 0);
  return { received, digitised, rate: received === 0 ? 0 : digitised / received };
}
