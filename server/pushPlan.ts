// What a push stores, decided without the database: each new event re-validated with the shared
// reducer, its conflict (refused by the state machine, or a number the counter was not entitled to),
// the dossier snapshots it leaves, the form 06 register numbers and the receipt numbers it uses.
// The caller reads the inputs under the push lock and writes the plan (pushStore.ts).
import { dateFromDayNumber, vnDayNumber } from '../shared/calendar/days';
import { applyEvent } from '../shared/domain';
import type { DossierEvent, DossierState, DossierStatus } from '../shared/domain';
import { CARGO_LABELS, centerLabel } from '../shared/domain/labels';
import { dossierSeqScope, mayIssue, receiptScope } from '../shared/sync/leases';
import type { ConflictInfo } from '../shared/sync/protocol';
import type { DeviceRow } from './auth';
import { addLogContext } from './logContext';

export const CODE_RE = /^(.+)-(\d{6})-(\d{4,9})$/;
/** Calendar year in Việt Nam (UTC+7) of an ISO instant. */
export function vietnamYear(iso: string): number {
  return dateFromDayNumber(vnDayNumber(new Date(iso))).year;
}

/** A dossier's stored snapshot (table `dossiers`, without last_seq, which the write assigns). */
export interface DossierRow {
  id: string;
  code: string | null;
  state: DossierState;
  register_year: number | null;
  register_number: number | null;
  open_conflicts: number;
}

export interface LeaseRow {
  kind: string;
  scope: string;
  first_number: number;
  last_number: number;
}

/** One counter's new events in a push, with what the plan checks them against. */
export interface PlanBatch {
  device: Pick<DeviceRow, 'counter_index' | 'counter_name'>;
  /** New events only (no event already stored, no repeat inside the group), in request order. */
  fresh: readonly DossierEvent[];
  /** This device's leases. */
  leases: readonly LeaseRow[];
  /** The procedures the device's center receives (its setting `scope`, `CenterScope`); absent: every procedure. */
  scope?: { centerName: string; procedures: ReadonlySet<string> };
  /**
   * The device's center and the names of the province's centers by agency code, read when the batch
   * records where a dossier is (a batch between centers, a result taken in at a center); absent: not checked.
   */
  centers?: { agencyCode: string; names: ReadonlyMap<string, string> };
}

/** What the database holds that the plan depends on, read under the push lock. */
export interface PlanState {
  /** Current snapshots of the dossiers the events name, by lower-case id. */
  dossiers: ReadonlyMap<string, DossierRow>;
  /** Dossier id owning each code that a `received` event in the batch uses. */
  codeOwners: ReadonlyMap<string, string>;
  /** `scope#number` of receipt numbers already used, for the scopes the batch's fees use. */
  usedReceipts: ReadonlySet<string>;
  /** Last form 06 number given in each year the batch's receptions fall in (absent: none yet). */
  registerLast: ReadonlyMap<number, number>;
}

/** One counter's push planned alone. */
export type PlanInput = PlanBatch & PlanState;

export interface PlannedEvent {
  event: DossierEvent;
  /** Index of the batch (the counter's push) the event came in. */
  batch: number;
  conflict: ConflictInfo | null;
  registerYear?: number;
  registerNumber?: number;
  /** The dossier's status before the event, and the state the shared reducer gave after it (absent when refused): what the notices are decided on. */
  from?: DossierStatus;
  state?: DossierState;
}

export interface PushPlan {
  /** One per fresh event, batch after batch, each in request order. */
  events: PlannedEvent[];
  /** Snapshots to upsert; `lastEventId` is the event whose seq becomes the dossier's last_seq. */
  dossiers: { row: DossierRow; lastEventId: string }[];
  conflicts: { event_id: string; dossier_id: string; code: string; message: string }[];
  registerNumbers: { year: number; number: number; dossier_id: string; event_id: string }[];
  /** The new last number of each year that gave numbers. */
  registerCounters: { year: number; last: number }[];
  receipts: { scope: string; number: number; event_id: string; dossier_id: string }[];
}

/** The register years a batch may number: read their counters before planning. */
export function receptionYears(fresh: readonly DossierEvent[]): number[] {
  return [...new Set(fresh.flatMap((e) => (e.type === 'received' ? [vietnamYear(e.payload.receivedAt)] : [])))];
}

export function planPush(input: PlanInput): PushPlan {
  return planPushes(input, [input]);
}

/**
 * Several counters' pushes committed together (server/push.ts groups the pushes that wait for the
 * lock): planned one after the other as if each had committed alone, in the order given, each
 * batch seeing the dossiers, codes, receipts and register numbers of the batches before it.
 */
export function planPushes(input: PlanState, batches: readonly PlanBatch[]): PushPlan {
  const dossiers = new Map(input.dossiers);
  const codeOwners = new Map(input.codeOwners);
  const usedReceipts = new Set(input.usedReceipts);
  const registerLast = new Map<number, number>();
  const touched = new Map<string, { row: DossierRow; lastEventId: string }>();
  const plan: PushPlan = { events: [], dossiers: [], conflicts: [], registerNumbers: [], registerCounters: [], receipts: [] };
  const planEvent = (e: DossierEvent, batch: number): PlannedEvent => {
    const { device, leases, scope, centers } = batches[batch]!;
    const leasesIn = (kind: string, scope: string) => leases.filter((l) => l.kind === kind && l.scope === scope).map((l) => ({ first: l.first_number, last: l.last_number }));
    const id = e.id.toLowerCase();
    const dossierId = e.dossierId.toLowerCase();
    const row = dossiers.get(dossierId);
    const result = applyEvent(row?.state, e);
    let conflict: ConflictInfo | null;
    let state: DossierState | undefined;
    if (!result.ok) {
      conflict = { code: result.error.code, message: result.error.message };
    } else {
      state = result.state;
      conflict = checkNumbers(e, device, dossierId, codeOwners, usedReceipts, leasesIn) ?? checkScope(e, scope) ?? checkCenter(e, device, centers);
    }
    const planned: PlannedEvent = { event: e, batch, conflict, ...(row ? { from: row.state.status } : {}), ...(state ? { state } : {}) };
    if (conflict) plan.conflicts.push({ event_id: id, dossier_id: dossierId, code: conflict.code, message: conflict.message });
    // A rejected fact leaves the state as it was; a suspicious number (flagged only) still happened.
    const next: DossierRow | undefined = state
      ? {
          id: dossierId,
          code: state.code ?? row?.code ?? null,
          state,
          register_year: row?.register_year ?? null,
          register_number: row?.register_number ?? null,
          open_conflicts: row?.open_conflicts ?? 0,
        }
      : row && { ...row };
    if (next) {
      if (conflict) next.open_conflicts += 1;
      if (e.type === 'received' && state && next.register_number === null) {
        const year = vietnamYear(e.payload.receivedAt);
        const number = (registerLast.get(year) ?? input.registerLast.get(year) ?? 0) + 1;
        registerLast.set(year, number);
        next.register_year = year;
        next.register_number = number;
        plan.registerNumbers.push({ year, number, dossier_id: dossierId, event_id: id });
        planned.registerYear = year;
        planned.registerNumber = number;
      }
      if (e.type === 'received' && state) codeOwners.set(e.payload.code, dossierId);
      if (e.type === 'feeCollected' && state) {
        const { formSymbol, series, number } = e.payload.receipt;
        const scope = receiptScope(formSymbol, series);
        if (!usedReceipts.has(`${scope}#${number}`)) {
          usedReceipts.add(`${scope}#${number}`);
          plan.receipts.push({ scope, number, event_id: id, dossier_id: dossierId });
        }
      }
      dossiers.set(dossierId, next);
      touched.set(dossierId, { row: next, lastEventId: id });
    }
    return planned;
  };

  batches.forEach((b, batch) => {
    for (const e of b.fresh) {
      try {
        plan.events.push(planEvent(e, batch));
      } catch (err) {
        const code = dossiers.get(e.dossierId.toLowerCase())?.code ?? (e.type === 'received' ? e.payload.code : undefined);
        throw addLogContext(err, { eventId: e.id, eventType: e.type, dossierId: e.dossierId, dossierCode: code });
      }
    }
  });
  plan.dossiers = [...touched.values()];
  plan.registerCounters = [...registerLast].map(([year, last]) => ({ year, last }));
  return plan;
}

/**
 * A reception of a procedure outside the receiving center's scope is flagged, not refused: the
 * papers were taken and the slip printed (perhaps offline, before the scope changed), so the fact
 * stands and a supervisor settles it.
 */
function checkScope(e: DossierEvent, scope: PlanBatch['scope']): ConflictInfo | null {
  if (e.type !== 'received' || !scope || scope.procedures.has(e.payload.procedureCode)) return null;
  return {
    code: 'OUT_OF_SCOPE',
    message: `Thủ tục ${e.payload.procedureCode} (${e.payload.procedureName}) không thuộc danh mục thủ tục ${scope.centerName} tiếp nhận. Cần giám sát viên xử lý.`,
  };
}

/**
 * Where a dossier is, said by a counter of another center, is flagged, not refused: a batch between
 * centers leaves from the pushing counter's center (`sentToCenter.fromCenter`) for a center of the
 * province, arrives at it (`arrivedAtCenter.center`), and a result is taken in there
 * (`resultReceived.atCenter`). The papers moved as recorded (perhaps by a counter enrolled into the
 * wrong center), so the fact stands and a supervisor settles it.
 */
function checkCenter(e: DossierEvent, device: PlanBatch['device'], centers: PlanBatch['centers']): ConflictInfo | null {
  if (!centers) return null;
  const name = (code: string) => centerLabel(code, centers.names.get(code));
  const here = `quầy ghi nhận (${device.counter_name}) thuộc ${name(centers.agencyCode)}`;
  const flag = (message: string): ConflictInfo => ({ code: 'WRONG_CENTER', message: `${message} Cần giám sát viên xử lý.` });
  if (e.type === 'sentToCenter') {
    const p = e.payload;
    if (p.fromCenter !== centers.agencyCode) return flag(`Lô ${p.batchId} ghi chuyển ${CARGO_LABELS[p.carried]} đi từ ${name(p.fromCenter)}, nhưng ${here}.`);
    if (!centers.names.has(p.toCenter)) return flag(`Lô ${p.batchId} chuyển ${CARGO_LABELS[p.carried]} đến trung tâm mã ${p.toCenter}, không phải trung tâm nào của tỉnh trên máy chủ này.`);
  }
  if (e.type === 'arrivedAtCenter' && e.payload.center !== centers.agencyCode) {
    return flag(`Lô ${e.payload.batchId} ghi nhận ${CARGO_LABELS[e.payload.carried]} đến ${name(e.payload.center)}, nhưng ${here}.`);
  }
  if (e.type === 'resultReceived' && e.payload.atCenter !== undefined && e.payload.atCenter !== centers.agencyCode) {
    return flag(`Lô kết quả ${e.payload.batchId} ghi nhận tại ${name(e.payload.atCenter)}, nhưng ${here}.`);
  }
  return null;
}

/** A number the counter was not entitled to, or one already used, is flagged (the fact still stands). */
function checkNumbers(
  e: DossierEvent,
  device: PlanBatch['device'],
  dossierId: string,
  codeOwners: ReadonlyMap<string, string>,
  usedReceipts: ReadonlySet<string>,
  leasesIn: (kind: string, scope: string) => { first: number; last: number }[],
): ConflictInfo | null {
  if (e.type === 'received') {
    const owner = codeOwners.get(e.payload.code);
    if (owner && owner !== dossierId) {
      return { code: 'DUPLICATE_CODE', message: `Mã hồ sơ ${e.payload.code} đã được cấp cho một hồ sơ khác. Cần giám sát viên xử lý.` };
    }
    const m = CODE_RE.exec(e.payload.code)!;
    if (!mayIssue(Number(m[3]), 'dossierSeq', device.counter_index, leasesIn('dossierSeq', dossierSeqScope(m[1]!, m[2]!)))) {
      return { code: 'CODE_NOT_LEASED', message: `Số thứ tự trong mã ${e.payload.code} không thuộc dải số đã cấp cho quầy ${device.counter_name}.` };
    }
  }
  if (e.type === 'feeCollected') {
    const r = e.payload.receipt;
    const scope = receiptScope(r.formSymbol, r.series);
    if (usedReceipts.has(`${scope}#${r.number}`)) {
      return { code: 'DUPLICATE_RECEIPT', message: `Biên lai số ${r.number} (ký hiệu ${r.series}) đã được dùng cho khoản thu khác. Cần giám sát viên xử lý.` };
    }
    if (!mayIssue(r.number, 'receipt', device.counter_index, leasesIn('receipt', scope))) {
      return { code: 'RECEIPT_NOT_LEASED', message: `Biên lai số ${r.number} (ký hiệu ${r.series}) không thuộc dải số đã cấp cho quầy ${device.counter_name}.` };
    }
  }
  return null;
}
