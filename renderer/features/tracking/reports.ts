// Reports for a period, computed from the counter's dossier projections (bounded by the retention
// rule): early / on-time / late per department and procedure, the officers with two or more
// late dossiers whose delay had no valid reason (the province's discipline rule), and the share of
// dossiers fully digitised at reception (national scorecard, QĐ 766/QĐ-TTg). Counters pull every
// dossier of the Center, so these are the Center's figures, not one counter's.
import { digitisationFacts, digitisationRates, digitisationTotal } from '../../../shared/attachments/stats';
import { vnDateKey } from '../../../shared/calendar';
import { judgedInPeriod, timeliness, type DossierState } from '../../../shared/domain';
import type { MotCuaDb } from '../../db';
import { inPeriod, type Period } from '../../../shared/calendar';

export interface TimelinessRow {
  key: string;
  label: string;
  early: number;
  onTime: number;
  late: number;
  total: number;
  /** Share of early + on time, 0–1; undefined with nothing judged. */
  onTimeRate?: number;
}

export interface TimelinessStats {
  byDepartment: TimelinessRow[];
  byProcedure: TimelinessRow[];
  total: TimelinessRow;
}

function emptyRow(key: string, label: string): TimelinessRow {
  return { key, label, early: 0, onTime: 0, late: 0, total: 0 };
}

function finish(row: TimelinessRow): TimelinessRow {
  return { ...row, onTimeRate: row.total > 0 ? (row.early + row.onTime) / row.total : undefined };
}

export function timelinessStats(states: Iterable<DossierState>, period: Period, now: Date, departmentName: (id: string) => string | undefined): TimelinessStats {
  const byDepartment = new Map<string, TimelinessRow>();
  const byProcedure = new Map<string, TimelinessRow>();
  const total = emptyRow('all', 'Tổng cộng');
  for (const s of states) {
    const judged = judgedInPeriod(s, period, now);
    if (!judged) continue;
    const dep = s.departmentId ?? '';
    const proc = s.procedureCode ?? '';
    const d = byDepartment.get(dep) ?? emptyRow(dep, departmentName(dep) ?? (dep || 'Chưa rõ cơ quan'));
    const p = byProcedure.get(proc) ?? emptyRow(proc, s.procedureName ?? (proc || 'Chưa rõ thủ tục'));
    for (const r of [d, p, total]) {
      r[judged]++;
      r.total++;
    }
    byDepartment.set(dep, d);
    byProcedure.set(proc, p);
  }
  const sorted = (m: Map<string, TimelinessRow>) => [...m.values()].map(finish).sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'vi'));
  return { byDepartment: sorted(byDepartment), byProcedure: sorted(byProcedure), total: finish(total) };
}

export interface LateOfficer {
  departmentId: string;
  departmentName: string;
  officer: string;
  dossierCodes: string[];
}

/**
 * Officers named responsible in apologies whose reason was not accepted, for dossiers late against
 * their original deadline that fell in the period, with two or more such dossiers per department.
 */
export function lateOfficersReport(states: Iterable<DossierState>, period: Period, now: Date, departmentName: (id: string) => string | undefined): LateOfficer[] {
  const groups = new Map<string, LateOfficer>();
  // In code order, so the officer's name is spelled as in the earliest dossier, whatever the store order.
  const ordered = [...states].sort((a, b) => (a.code ?? a.id).localeCompare(b.code ?? b.id));
  for (const s of ordered) {
    const officer = s.flags.apologyResponsibleOfficer?.trim();
    if (!officer || s.flags.apologyReasonValid !== false || !inPeriod(s.dueAt, period)) continue;
    if (timeliness(s, undefined, now) !== 'late') continue;
    const dep = s.departmentId ?? '';
    const key = `${dep}|${officer.toLocaleLowerCase('vi')}`;
    const g = groups.get(key) ?? { departmentId: dep, departmentName: departmentName(dep) ?? (dep || 'Chưa rõ cơ quan'), officer, dossierCodes: [] };
    g.dossierCodes.push(s.code ?? s.id);
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.dossierCodes.length >= 2).sort((a, b) => b.dossierCodes.length - a.dossierCodes.length || a.departmentName.localeCompare(b.departmentName, 'vi'));
}

/** Every dossier state the counter holds, read in one pass (reports are on demand, not per render). */
export async function allStates(db: MotCuaDb): Promise<DossierState[]> {
  const out: DossierState[] = [];
  await db.dossiers.each((r) => void out.push(r.state));
  return out;
}

export interface DigitisationRow {
  key: string;
  label: string;
  received: number;
  /** Dossiers whose every ticked document is digitised or exempt with a reason. */
  digitised: number;
  /** 0–1; undefined with nothing received. */
  rate?: number;
}

export interface DigitisationStats {
  byDepartment: DigitisationRow[];
  total: DigitisationRow;
}

/**
 * The digitisation rate per department for dossiers received in the period, largest first, from
 * the dossiers' states: each carries its checklist size and the synced `documentDigitised` facts.
 */
export function digitisationStats(states: Iterable<DossierState>, period: Period, departmentName: (id: string) => string | undefined): DigitisationStats {
  const facts = digitisationFacts(states);
  const lastInstant = new Date(Date.parse(period.to) - 1);
  const rates = digitisationRates(facts, vnDateKey(new Date(period.from)), vnDateKey(lastInstant));
  const row = (key: string, label: string, r: { received: number; digitised: number; rate: number }): DigitisationRow => ({
    key,
    label,
    received: r.received,
    digitised: r.digitised,
    rate: r.received > 0 ? r.rate : undefined,
  });
  const byDepartment = rates
    .map((r) => row(r.departmentId, departmentName(r.departmentId) ?? (r.departmentId || 'Chưa rõ cơ quan'), r))
    .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'vi'));
  return { byDepartment, total: row('all', 'Tổng cộng', digitisationTotal(rates)) };
}
