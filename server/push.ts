// Push: store each event once (its UUID is the idempotency key), give it the next global sequence,
// re-validate it with the shared reducer, flag what conflicts, and number receptions in form 06.
// Pushes are serialized by an advisory lock so sequence order is commit order: a pull that saw
// seq N can never later miss an event below N. What to store is decided by planPush (pushPlan.ts,
// no database); pushStore.ts reads its inputs and writes it.
import type { DossierEvent } from '../shared/domain';
import type { ConflictInfo, PushEventResult } from '../shared/sync/protocol';
import type { DeviceRow } from './auth';
import type { CenterConfig } from './config';
import type { Db, Queryable } from './db';
import { ApiError } from './errors';
import { addLogContext } from './logContext';
import { CODE_RE, planPush } from './pushPlan';
import { persistPlan, readPlanInput } from './pushStore';

export const PUSH_LOCK = 7_300_002;

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
  try {
    return await db.transaction((tx) => storeBatch(tx, device, events));
  } catch (err) {
    // The first and last event bound the batch the counter will resend; the failing event, when known, is added deeper.
    throw addLogContext(err, { counterId: device.counter_id, batchSize: events.length, firstEventId: events[0]!.id, lastEventId: events.at(-1)!.id });
  }
}

type Stored = { conflict: ConflictInfo | null; registerYear?: number; registerNumber?: number };

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

  const outcome = new Map<string, Stored>();
  let seqOf = new Map<string, number>();
  if (fresh.length > 0) {
    const plan = planPush(await readPlanInput(tx, device, fresh));
    seqOf = await persistPlan(tx, device, plan);
    for (const p of plan.events) outcome.set(p.event.id.toLowerCase(), p);
  }

  // Answer in request order; in-batch repeats and earlier copies are duplicates with the stored seq.
  const answered = new Set<string>();
  return events.map((e) => {
    const id = e.id.toLowerCase();
    const prior = known.get(id);
    if (prior || answered.has(id)) {
      const p = prior ?? {
        seq: seqOf.get(id)!,
        conflict: outcome.get(id)?.conflict ?? null,
        register_year: outcome.get(id)?.registerYear ?? null,
        register_number: outcome.get(id)?.registerNumber ?? null,
      };
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
