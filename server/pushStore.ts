// The SQL side of a push: read what the plan depends on, then write the plan (pushPlan.ts), both
// inside the push transaction and its advisory lock. A failed write names its table in the log.
import { receiptScope } from '../shared/sync/leases';
import type { DossierEvent, DossierState } from '../shared/domain';
import type { CenterScope, DossierSnapshot } from '../shared/sync/protocol';
import type { DeviceRow } from './auth';
import { DEFAULT_CENTER_ID } from './centers';
import type { Queryable } from './db';
import { addLogContext } from './logContext';
import { insertNotices, noticeRows, type NoticeRoute } from './notices/outbox';
import { effectiveItem } from './routes/catalogue';
import { receptionYears, type DossierRow, type LeaseRow, type PlanBatch, type PlanState, type PushPlan } from './pushPlan';

/** A counter's new events in the group being committed. */
export interface FreshBatch {
  device: DeviceRow;
  fresh: readonly DossierEvent[];
}

export async function readPlanInput(tx: Queryable, batches: readonly FreshBatch[]): Promise<{ state: PlanState; batches: PlanBatch[] }> {
  const fresh = batches.flatMap((b) => b.fresh);
  const dossierIds = [...new Set(fresh.map((e) => e.dossierId.toLowerCase()))];
  const dossierRows = await tx.query<DossierRow>('SELECT id::text AS id, code, state, register_year, register_number, open_conflicts FROM dossiers WHERE id = ANY($1::uuid[])', [dossierIds]);

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
  const deviceIds = [...new Set(batches.map((b) => b.device.id))];
  const leases = await tx.query<LeaseRow & { device_id: string }>('SELECT device_id, kind, scope, first_number, last_number FROM leases WHERE device_id = ANY($1::text[])', [deviceIds]);
  const years = receptionYears(fresh);
  const registerLast = new Map<number, number>();
  if (years.length > 0) {
    const r = await tx.query<{ year: number; last_number: number }>('SELECT year, last_number FROM register_counters WHERE year = ANY($1::int[])', [years]);
    for (const row of r.rows) registerLast.set(Number(row.year), Number(row.last_number));
  }
  const scopes = await readScopes(
    tx,
    batches.filter((b) => b.fresh.some((e) => e.type === 'received')).map((b) => b.device.site),
  );
  const centers = fresh.some(saysWhere) ? await readCenters(tx) : undefined;
  return {
    state: { dossiers: new Map(dossierRows.rows.map((r) => [r.id, r])), codeOwners, usedReceipts, registerLast },
    batches: batches.map((b) => {
      const scope = scopes.get(b.device.site);
      const agencyCode = centers?.agencyOf.get(b.device.site);
      return {
        device: b.device,
        fresh: b.fresh,
        leases: leases.rows.filter((l) => l.device_id === b.device.id),
        ...(scope ? { scope } : {}),
        ...(centers && agencyCode !== undefined && b.fresh.some(saysWhere) ? { centers: { agencyCode, names: centers.names } } : {}),
      };
    }),
  };
}

/** An event that says at which center the dossier is: checked against the pushing counter's center (pushPlan.ts `checkCenter`). */
function saysWhere(e: DossierEvent): boolean {
  return e.type === 'sentToCenter' || e.type === 'arrivedAtCenter' || (e.type === 'resultReceived' && e.payload.atCenter !== undefined);
}

/** Each center's agency code (a center without its own issues the default center's) and the centers' names by agency code. */
async function readCenters(tx: Queryable): Promise<{ agencyOf: Map<string, string>; names: Map<string, string> }> {
  const { rows } = await tx.query<{ id: string; agency_code: string | null; own: boolean; name: string }>(
    `SELECT c.id, COALESCE(c.agency_code, d.agency_code) AS agency_code, c.agency_code IS NOT NULL AS own, c.name
     FROM centers c LEFT JOIN centers d ON d.id = $1 ORDER BY own DESC, c.id`,
    [DEFAULT_CENTER_ID],
  );
  const agencyOf = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of rows) {
    if (r.agency_code === null) continue;
    agencyOf.set(r.id, r.agency_code);
    if (!names.has(r.agency_code)) names.set(r.agency_code, r.name);
  }
  return { agencyOf, names };
}

/** The procedure scope of each center, as its counters' catalogue has it (the setting `scope`, the center's over the province's); a center without a list is absent. */
async function readScopes(tx: Queryable, centerIds: readonly string[]): Promise<Map<string, NonNullable<PlanBatch['scope']>>> {
  const scopes = new Map<string, NonNullable<PlanBatch['scope']>>();
  if (centerIds.length === 0) return scopes;
  const ids = [...new Set(centerIds)];
  const { rows } = await tx.query<{ center_id: string | null; body: unknown; deleted: boolean; version: number }>(
    "SELECT center_id, body, deleted, version FROM catalogue_items WHERE kind = 'setting' AND key = 'scope' AND (center_id IS NULL OR center_id = ANY($1::text[]))",
    [ids],
  );
  if (rows.length === 0) return scopes;
  const names = await tx.query<{ id: string; name: string }>('SELECT id, name FROM centers WHERE id = ANY($1::text[])', [ids]);
  const province = rows.find((r) => r.center_id === null) ?? null;
  for (const id of ids) {
    const item = effectiveItem('setting', 'scope', province, rows.find((r) => r.center_id === id) ?? null);
    const listed = item.deleted ? undefined : (item.body as CenterScope).procedures;
    if (!Array.isArray(listed)) continue;
    const centerName = names.rows.find((n) => n.id === id)?.name ?? 'trung tâm này';
    scopes.set(id, { centerName, procedures: new Set(listed.map((p) => p.code)) });
  }
  return scopes;
}

/**
 * The agency codes of the centers besides its own that a dossier concerns, whose counters pull it
 * (route_centers, migration 012): its route's receiving and return centers, every center a batch
 * between centers took it to (`transferCenters`) and the one holding it now (`heldAt`: a department
 * may send a result to a center off the route). The write keeps the centers already there, so a
 * center keeps pulling a dossier after it has left, and its copy never goes stale.
 */
export function concernedCenters(state: DossierState): string[] {
  const route = state.route ? [state.route.receivingCenter, state.route.returnCenter] : [];
  return [...new Set([...route, ...(state.transferCenters ?? []), ...(state.heldAt !== undefined ? [state.heldAt] : [])])];
}

async function write<T>(tx: Queryable, table: string, sql: string, params: unknown[]): Promise<{ rows: T[] }> {
  try {
    return await tx.query<T>(sql, params);
  } catch (err) {
    throw addLogContext(err, { table });
  }
}

/** A dossier as the plan wrote it, the center it belongs to and the other centers it concerns (route_centers as stored). */
export interface WrittenDossier {
  site: string;
  routeCenters: string[];
  snapshot: DossierSnapshot;
}

/**
 * Writes the plan; `devices[i]` sent batch i. Returns the sequence number given to each event, by lower-case id, and the dossiers written.
 * The notices its status changes make go into the outbox in the same transaction (`route`: the channels configured).
 */
export async function persistPlan(tx: Queryable, devices: readonly DeviceRow[], plan: PushPlan, route?: NoticeRoute): Promise<{ seqById: Map<string, number>; written: WrittenDossier[] }> {
  const inserted = await write<{ id: string; seq: number }>(
    tx,
    'events',
    `INSERT INTO events (id, dossier_id, type, body, device_id, counter_id, officer_id, conflict)
     SELECT (x->>'id')::uuid, (x->>'dossierId')::uuid, x->>'type', x, m->>'device_id', m->>'counter_id', x->>'officerId', m->'conflict'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, ord)
     JOIN jsonb_array_elements($2::jsonb) WITH ORDINALITY AS c(m, ord2) ON c.ord2 = t.ord
     ORDER BY t.ord
     RETURNING id::text AS id, seq`,
    [JSON.stringify(plan.events.map((p) => p.event)), JSON.stringify(plan.events.map((p) => ({ device_id: devices[p.batch]!.id, counter_id: devices[p.batch]!.counter_id, conflict: p.conflict })))],
  );
  const seqById = new Map(inserted.rows.map((r) => [r.id, Number(r.seq)]));

  // A dossier stored for the first time belongs to the site of the counter that sent its first event.
  const siteOf = new Map<string, string>();
  for (const p of plan.events) if (!siteOf.has(p.event.dossierId.toLowerCase())) siteOf.set(p.event.dossierId.toLowerCase(), devices[p.batch]!.site);
  const upserts = plan.dossiers.map(({ row, lastEventId }) => ({
    id: row.id,
    code: row.code,
    status: row.state.status,
    state: row.state,
    last_seq: seqById.get(lastEventId),
    register_year: row.register_year,
    register_number: row.register_number,
    open_conflicts: row.open_conflicts,
    site: siteOf.get(row.id) ?? '',
    route_codes: concernedCenters(row.state),
  }));
  const written: WrittenDossier[] = [];
  if (upserts.length > 0) {
    const stored = await write<{ id: string; site: string; route_centers: string[] }>(
      tx,
      'dossiers',
      `INSERT INTO dossiers (id, code, status, state, last_seq, register_year, register_number, open_conflicts, site, route_centers)
       SELECT (x->>'id')::uuid, x->>'code', x->>'status', x->'state', (x->>'last_seq')::bigint,
              (x->>'register_year')::int, (x->>'register_number')::int, (x->>'open_conflicts')::int, x->>'site',
              ARRAY(SELECT c.id FROM centers c WHERE c.agency_code IN (SELECT jsonb_array_elements_text(x->'route_codes')) ORDER BY c.id)
       FROM jsonb_array_elements($1::jsonb) AS t(x)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, status = EXCLUDED.status, state = EXCLUDED.state,
         last_seq = EXCLUDED.last_seq, register_year = EXCLUDED.register_year,
         register_number = EXCLUDED.register_number, open_conflicts = EXCLUDED.open_conflicts,
         route_centers = ARRAY(SELECT DISTINCT u FROM unnest(dossiers.route_centers || EXCLUDED.route_centers) AS u ORDER BY u)
       RETURNING id::text AS id, site, route_centers`,
      [JSON.stringify(upserts)],
    );
    const storedRow = new Map(stored.rows.map((r) => [r.id, r]));
    for (const u of upserts) {
      const snapshot = {
        id: u.id,
        code: u.code,
        status: u.status,
        state: u.state,
        lastSeq: u.last_seq!,
        registerYear: u.register_year,
        registerNumber: u.register_number,
        openConflicts: u.open_conflicts,
      };
      const row = storedRow.get(u.id);
      written.push({ site: row?.site ?? u.site, routeCenters: row?.route_centers ?? [], snapshot });
    }
  }
  if (plan.conflicts.length > 0) {
    await write(
      tx,
      'conflicts',
      `INSERT INTO conflicts (event_id, dossier_id, code, message)
       SELECT (x->>'event_id')::uuid, (x->>'dossier_id')::uuid, x->>'code', x->>'message' FROM jsonb_array_elements($1::jsonb) AS t(x)`,
      [JSON.stringify(plan.conflicts)],
    );
  }
  if (plan.registerNumbers.length > 0) {
    await write(
      tx,
      'register_numbers',
      `INSERT INTO register_numbers (year, number, dossier_id, event_id)
       SELECT (x->>'year')::int, (x->>'number')::int, (x->>'dossier_id')::uuid, (x->>'event_id')::uuid FROM jsonb_array_elements($1::jsonb) AS t(x)`,
      [JSON.stringify(plan.registerNumbers)],
    );
    for (const { year, last } of plan.registerCounters) {
      await write(
        tx,
        'register_counters',
        `INSERT INTO register_counters (year, last_number) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_number = GREATEST(register_counters.last_number, EXCLUDED.last_number)`,
        [year, last],
      );
    }
  }
  if (plan.receipts.length > 0) {
    await write(
      tx,
      'receipt_numbers',
      `INSERT INTO receipt_numbers (scope, number, event_id, dossier_id)
       SELECT x->>'scope', (x->>'number')::int, (x->>'event_id')::uuid, (x->>'dossier_id')::uuid FROM jsonb_array_elements($1::jsonb) AS t(x)`,
      [JSON.stringify(plan.receipts)],
    );
  }
  if (route) {
    try {
      await insertNotices(tx, noticeRows(plan.events, route));
    } catch (err) {
      throw addLogContext(err, { table: 'notices' });
    }
  }
  return { seqById, written };
}
