// Push: store each event once (its UUID is the idempotency key), give it the next global sequence,
// re-validate it with the shared reducer, flag what conflicts, and number receptions in form 06.
// Pushes are serialized by an advisory lock so sequence order is commit order: a pull that saw
// seq N can never later miss an event below N.
import { applyEvent } from '../shared/domain';
import type { DossierEvent, DossierState } from '../shared/domain';
import { dossierSeqScope, mayIssue, receiptScope } from '../shared/sync/leases';
import type { ConflictInfo, PushEventResult } from '../shared/sync/protocol';
import type { DeviceRow } from './auth';
import type { Db, Queryable } from './db';
import { ApiError } from './errors';

export const PUSH_LOCK = 7_300_002;

export interface CenterConfig {
  agencyCode: string;
  centerName: string;
}

const CODE_RE = /^(.+)-(\d{6})-(\d{4,9})$/;
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** Calendar year in Việt Nam (UTC+7) of an ISO instant. */
export function vietnamYear(iso: string): number {
  return new Date(Date.parse(iso) + VN_OFFSET_MS).getUTCFullYear();
}

interface DossierRow {
  id: string;
  code: string | null;
  state: DossierState;
  register_year: number | null;
  register_number: number | null;
  open_conflicts: number;
}

interface Touched {
  row: DossierRow;
  lastIndex: number;
}

/** Rejects the whole batch (nothing written) when it is not this counter's or not this Center's. */
export function checkBatchOwnership(events: readonly DossierEvent[], device: DeviceRow, center: CenterConfig): void {
  for (const e of events) {
    if (e.counterId !== device.counter_id) {
      throw new ApiError(403, 'WRONG_COUNTER', undefined, { eventId: e.id, counterId: e.counterId });
    }
    if (e.type === 'received') {
      const m = CODE_RE.exec(e.payload.code);
      if (!m || m[1] !== center.agencyCode) {
        throw new ApiError(422, 'WRONG_CENTER', `Mã hồ sơ ${e.payload.code} không thuộc Trung tâm này (${center.agencyCode}). Không có dữ liệu nào được ghi.`, {
          eventId: e.id,
          code: e.payload.code,
        });
      }
    }
  }
}

export async function pushEvents(db: Db, device: DeviceRow, center: CenterConfig, events: readonly DossierEvent[]): Promise<PushEventResult[]> {
  checkBatchOwnership(events, device, center);
  if (events.length === 0) return [];
  return db.transaction((tx) => storeBatch(tx, device, events));
}

async function storeBatch(tx: Queryable, device: DeviceRow, events: readonly DossierEvent[]): Promise<PushEventResult[]> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
  const ids = events.map((e) => e.id.toLowerCase());
  const existing = await tx.query<{ id: string; seq: number; conflict: ConflictInfo | null; register_year: number | null; register_number: number | null }>(
    `SELECT e.id::text AS id, e.seq, e.conflict, r.year AS register_year, r.number AS register_number
     FROM events e LEFT JOIN register_numbers r ON r.event_id = e.id WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
  const known = new Map(existing.rows.map((r) => [r.id, r]));

  const fresh: DossierEvent[] = [];
  const seenInBatch = new Set<string>();
  for (const e of events) {
    const id = e.id.toLowerCase();
    if (known.has(id) || seenInBatch.has(id)) continue;
    seenInBatch.add(id);
    fresh.push(e);
  }

  const outcome = new Map<string, { conflict: ConflictInfo | null; registerYear?: number; registerNumber?: number }>();
  if (fresh.length > 0) await storeFresh(tx, device, fresh, outcome);

  // Answer in request order; in-batch repeats and earlier copies are duplicates with the stored seq.
  const stored = await tx.query<{ id: string; seq: number }>('SELECT id::text AS id, seq FROM events WHERE id = ANY($1::uuid[])', [
    fresh.map((e) => e.id.toLowerCase()),
  ]);
  const seqOf = new Map(stored.rows.map((r) => [r.id, Number(r.seq)]));
  const answered = new Set<string>();
  return events.map((e) => {
    const id = e.id.toLowerCase();
    const prior = known.get(id);
    if (prior || answered.has(id)) {
      const p = prior ?? { seq: seqOf.get(id)!, conflict: outcome.get(id)?.conflict ?? null, register_year: outcome.get(id)?.registerYear ?? null, register_number: outcome.get(id)?.registerNumber ?? null };
      return {
        id: e.id,
        status: 'duplicate',
        seq: Number(p.seq),
        ...(p.register_number != null ? { registerNumber: p.register_number, registerYear: p.register_year! } : {}),
        ...(p.conflict ? { conflict: p.conflict } : {}),
      } satisfies PushEventResult;
    }
    answered.add(id);
    const o = outcome.get(id)!;
    return {
      id: e.id,
      status: o.conflict ? 'conflict' : 'stored',
      seq: seqOf.get(id)!,
      ...(o.registerNumber !== undefined ? { registerNumber: o.registerNumber, registerYear: o.registerYear! } : {}),
      ...(o.conflict ? { conflict: o.conflict } : {}),
    } satisfies PushEventResult;
  });
}

async function storeFresh(
  tx: Queryable,
  device: DeviceRow,
  fresh: DossierEvent[],
  outcome: Map<string, { conflict: ConflictInfo | null; registerYear?: number; registerNumber?: number }>,
): Promise<void> {
  const dossierIds = [...new Set(fresh.map((e) => e.dossierId.toLowerCase()))];
  const dossierRows = await tx.query<DossierRow>(
    'SELECT id::text AS id, code, state, register_year, register_number, open_conflicts FROM dossiers WHERE id = ANY($1::uuid[])',
    [dossierIds],
  );
  const dossiers = new Map(dossierRows.rows.map((r) => [r.id, r]));

  const codes = fresh.flatMap((e) => (e.type === 'received' ? [e.payload.code] : []));
  const codeOwners = new Map<string, string>();
  if (codes.length > 0) {
    const r = await tx.query<{ id: string; code: string }>('SELECT id::text AS id, code FROM dossiers WHERE code = ANY($1::text[])', [codes]);
    for (const row of r.rows) codeOwners.set(row.code, row.id);
  }
  const receipts = fresh.flatMap((e) => (e.type === 'feeCollected' ? [receiptScope(e.payload.receipt.formSymbol, e.payload.receipt.series)] : []));
  const usedReceipts = new Set<string>();
  if (receipts.length > 0) {
    const r = await tx.query<{ scope: string; number: number }>('SELECT scope, number FROM receipt_numbers WHERE scope = ANY($1::text[])', [receipts]);
    for (const row of r.rows) usedReceipts.add(`${row.scope}#${row.number}`);
  }
  const leaseRows = await tx.query<{ kind: string; scope: string; first_number: number; last_number: number }>(
    'SELECT kind, scope, first_number, last_number FROM leases WHERE device_id = $1',
    [device.id],
  );
  const leasesIn = (kind: string, scope: string) =>
    leaseRows.rows.filter((l) => l.kind === kind && l.scope === scope).map((l) => ({ first: l.first_number, last: l.last_number }));

  const registerYears = new Map<number, number>();
  const loadRegister = async (year: number) => {
    if (!registerYears.has(year)) {
      const r = await tx.query<{ last_number: number }>('SELECT last_number FROM register_counters WHERE year = $1', [year]);
      registerYears.set(year, r.rows[0]?.last_number ?? 0);
    }
    return registerYears.get(year)!;
  };

  const touched = new Map<string, Touched>();
  const conflictRows: { event_id: string; dossier_id: string; code: string; message: string }[] = [];
  const registerRows: { year: number; number: number; dossier_id: string; event_id: string }[] = [];
  const receiptRows: { scope: string; number: number; event_id: string; dossier_id: string }[] = [];

  for (let i = 0; i < fresh.length; i++) {
    const e = fresh[i]!;
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
      conflict = checkNumbers(e, device, dossierId, codeOwners, usedReceipts, leasesIn);
    }
    const out: { conflict: ConflictInfo | null; registerYear?: number; registerNumber?: number } = { conflict };
    if (conflict) conflictRows.push({ event_id: id, dossier_id: dossierId, code: conflict.code, message: conflict.message });
    // A rejected fact leaves the state as it was; a suspicious number (flagged only) still happened.
    const next: DossierRow | undefined = state
      ? { id: dossierId, code: state.code ?? row?.code ?? null, state, register_year: row?.register_year ?? null, register_number: row?.register_number ?? null, open_conflicts: row?.open_conflicts ?? 0 }
      : row;
    if (next) {
      if (conflict) next.open_conflicts += 1;
      if (e.type === 'received' && state && next.register_number === null) {
        const year = vietnamYear(e.payload.receivedAt);
        const number = (await loadRegister(year)) + 1;
        registerYears.set(year, number);
        next.register_year = year;
        next.register_number = number;
        registerRows.push({ year, number, dossier_id: dossierId, event_id: id });
        out.registerYear = year;
        out.registerNumber = number;
      }
      if (e.type === 'received' && state) codeOwners.set(e.payload.code, dossierId);
      if (e.type === 'feeCollected' && state) {
        const scope = receiptScope(e.payload.receipt.formSymbol, e.payload.receipt.series);
        if (!usedReceipts.has(`${scope}#${e.payload.receipt.number}`)) {
          usedReceipts.add(`${scope}#${e.payload.receipt.number}`);
          receiptRows.push({ scope, number: e.payload.receipt.number, event_id: id, dossier_id: dossierId });
        }
      }
      dossiers.set(dossierId, next);
      touched.set(dossierId, { row: next, lastIndex: i });
    }
    outcome.set(id, out);
  }

  const inserted = await tx.query<{ id: string; seq: number }>(
    `INSERT INTO events (id, dossier_id, type, body, device_id, counter_id, officer_id, conflict)
     SELECT (x->>'id')::uuid, (x->>'dossierId')::uuid, x->>'type', x, $2, $3, x->>'officerId', c.conflict
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, ord)
     JOIN jsonb_array_elements($4::jsonb) WITH ORDINALITY AS c(conflict, ord2) ON c.ord2 = t.ord
     ORDER BY t.ord
     RETURNING id::text AS id, seq`,
    [JSON.stringify(fresh), device.id, device.counter_id, JSON.stringify(fresh.map((e) => outcome.get(e.id.toLowerCase())!.conflict))],
  );
  const seqById = new Map(inserted.rows.map((r) => [r.id, Number(r.seq)]));

  const upserts = [...touched.values()].map(({ row, lastIndex }) => ({
    id: row.id,
    code: row.code,
    status: row.state.status,
    state: row.state,
    last_seq: seqById.get(fresh[lastIndex]!.id.toLowerCase()),
    register_year: row.register_year,
    register_number: row.register_number,
    open_conflicts: row.open_conflicts,
  }));
  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO dossiers (id, code, status, state, last_seq, register_year, register_number, open_conflicts)
       SELECT (x->>'id')::uuid, x->>'code', x->>'status', x->'state', (x->>'last_seq')::bigint,
              (x->>'register_year')::int, (x->>'register_number')::int, (x->>'open_conflicts')::int
       FROM jsonb_array_elements($1::jsonb) AS t(x)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, status = EXCLUDED.status, state = EXCLUDED.state,
         last_seq = EXCLUDED.last_seq, register_year = EXCLUDED.register_year,
         register_number = EXCLUDED.register_number, open_conflicts = EXCLUDED.open_conflicts`,
      [JSON.stringify(upserts)],
    );
  }
  if (conflictRows.length > 0) {
    await tx.query(
      `INSERT INTO conflicts (event_id, dossier_id, code, message)
       SELECT (x->>'event_id')::uuid, (x->>'dossier_id')::uuid, x->>'code', x->>'message' FROM jsonb_array_elements($1::jsonb) AS t(x)`,
      [JSON.stringify(conflictRows)],
    );
  }
  if (registerRows.length > 0) {
    await tx.query(
      `INSERT INTO register_numbers (year, number, dossier_id, event_id)
       SELECT (x->>'year')::int, (x->>'number')::int, (x->>'dossier_id')::uuid, (x->>'event_id')::uuid FROM jsonb_array_elements($1::jsonb) AS t(x)`,
      [JSON.stringify(registerRows)],
    );
    for (const [year, last] of registerYears) {
      await tx.query(
        `INSERT INTO register_counters (year, last_number) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_number = GREATEST(register_counters.last_number, EXCLUDED.last_number)`,
        [year, last],
      );
    }
  }
  if (receiptRows.length > 0) {
    await tx.query(
      `INSERT INTO receipt_numbers (scope, number, event_id, dossier_id)
       SELECT x->>'scope', (x->>'number')::int, (x->>'event_id')::uuid, (x->>'dossier_id')::uuid FROM jsonb_array_elements($1::jsonb) AS t(x)`,
      [JSON.stringify(receiptRows)],
    );
  }
}

/** A number the counter was not entitled to, or one already used, is flagged (the fact still stands). */
function checkNumbers(
  e: DossierEvent,
  device: DeviceRow,
  dossierId: string,
  codeOwners: Map<string, string>,
  usedReceipts: Set<string>,
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
