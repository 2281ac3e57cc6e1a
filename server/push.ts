// Push: store each event once (its UUID is the idempotency key), give it the next global sequence,
// re-validate it with the shared reducer, flag what conflicts, and number receptions in form 06.
// Pushes are serialized by an advisory lock so sequence order is commit order: a pull that saw
// seq N can never later miss an event below N. The pushes that arrive while one commits are
// committed together in the next transaction (PushCommitter). What to store is decided by
// planPushes (pushPlan.ts, no database); pushStore.ts reads its inputs and writes it.
import type { DossierEvent } from '../shared/domain';
import type { ConflictInfo, PushEventResult } from '../shared/sync/protocol';
import type { DeviceRow } from './auth';
import type { Db, Queryable } from './db';
import { ApiError } from './errors';
import { addLogContext } from './logContext';
import type { NoticeRoute } from './notices/outbox';
import { CODE_RE, planPushes } from './pushPlan';
import { persistPlan, readPlanInput, type WrittenDossier } from './pushStore';

export const PUSH_LOCK = 7_300_002;

/**
 * Rejects the whole batch (nothing written) when it is not this counter's, or a reception names an
 * agency that is no center of the province on this server (`agencyCodes`, server/centers.ts): its
 * code, or the centers of its route.
 */
export function checkBatchOwnership(events: readonly DossierEvent[], device: DeviceRow, agencyCodes: ReadonlySet<string>): void {
  for (const e of events) {
    if (e.counterId !== device.counter_id) {
      throw new ApiError(403, 'WRONG_COUNTER', undefined, { eventId: e.id, counterId: e.counterId });
    }
    if (e.type === 'received') {
      const m = CODE_RE.exec(e.payload.code);
      if (!m || !agencyCodes.has(m[1]!)) {
        throw new ApiError(422, 'WRONG_CENTER', `Mã hồ sơ ${e.payload.code} không thuộc trung tâm nào của tỉnh trên máy chủ này. Không có dữ liệu nào được ghi.`, {
          eventId: e.id,
          code: e.payload.code,
        });
      }
      const route = e.payload.route;
      for (const agency of route ? [route.receivingCenter, route.returnCenter] : []) {
        if (!agencyCodes.has(agency)) {
          throw new ApiError(422, 'WRONG_CENTER', `Hồ sơ ${e.payload.code} đi qua cơ quan ${agency}, không phải trung tâm nào của tỉnh trên máy chủ này. Không có dữ liệu nào được ghi.`, {
            eventId: e.id,
            code: e.payload.code,
          });
        }
      }
    }
  }
}

/** One counter's push waiting for its turn. */
interface Waiting {
  device: DeviceRow;
  events: readonly DossierEvent[];
  resolve(results: PushEventResult[]): void;
  reject(err: unknown): void;
}

/** At most this many events commit in one group transaction (a few full pushes). */
const GROUP_EVENTS = 2_000;

/**
 * Group commit. Pushes must commit one at a time (sequence order is commit order), so instead of
 * each push holding a pool connection while it waits for the lock, the pushes that arrive while a
 * group commits wait here, without a connection, and then commit together: one transaction, one
 * lock, one query per table and one fsync for all of them. Every other request keeps the rest of
 * the pool. A group that fails is retried push by push, so one bad push fails only itself.
 */
export class PushCommitter {
  private readonly waiting: Waiting[] = [];
  private running = false;

  /** `notices`: the channels notices go by (absent or none: no notice is queued). `committed` hears of the dossiers each group wrote, once its transaction has committed (server/pull.ts: the snapshot cache, the long polls). */
  constructor(
    private readonly db: Db,
    private readonly notices?: NoticeRoute,
    private readonly committed: (written: readonly WrittenDossier[]) => void = () => undefined,
  ) {}

  push(device: DeviceRow, events: readonly DossierEvent[]): Promise<PushEventResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ device, events, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        let group: Waiting[] = [];
        try {
          const { results, written } = await this.db.transaction(async (tx) => {
            await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
            // Taken once the lock is held: every push that arrived while waiting for it goes in.
            group = this.take();
            return storeGroup(tx, group, this.notices);
          });
          this.committed(written);
          group.forEach((w, i) => w.resolve(results[i]!));
        } catch (err) {
          if (group.length === 0) for (const w of this.take()) w.reject(err);
          else if (group.length === 1) group[0]!.reject(withBatch(err, group[0]!));
          else for (const w of group) await this.commitAlone(w).then(w.resolve, w.reject);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private take(): Waiting[] {
    let size = 0;
    let n = 0;
    while (n < this.waiting.length && (n === 0 || size + this.waiting[n]!.events.length <= GROUP_EVENTS)) size += this.waiting[n++]!.events.length;
    return this.waiting.splice(0, n);
  }

  private async commitAlone(w: Waiting): Promise<PushEventResult[]> {
    try {
      const { results, written } = await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
        return storeGroup(tx, [w], this.notices);
      });
      this.committed(written);
      return results[0]!;
    } catch (err) {
      throw withBatch(err, w);
    }
  }
}

// The first and last event bound the batch the counter will resend; the failing event, when known, is added deeper.
function withBatch(err: unknown, w: Waiting): unknown {
  return addLogContext(err, { counterId: w.device.counter_id, batchSize: w.events.length, firstEventId: w.events[0]!.id, lastEventId: w.events.at(-1)!.id });
}

export async function pushEvents(committer: PushCommitter, device: DeviceRow, agencyCodes: ReadonlySet<string>, events: readonly DossierEvent[]): Promise<PushEventResult[]> {
  checkBatchOwnership(events, device, agencyCodes);
  if (events.length === 0) return [];
  return committer.push(device, events);
}

type Stored = { conflict: ConflictInfo | null; registerYear?: number; registerNumber?: number };
type Prior = { id: string; seq: number; conflict: ConflictInfo | null; register_year: number | null; register_number: number | null };

/** Stores a group of pushes under the push lock (held by the caller); answers each push in order, and says which dossiers it wrote. */
async function storeGroup(
  tx: Queryable,
  group: readonly { device: DeviceRow; events: readonly DossierEvent[] }[],
  notices?: NoticeRoute,
): Promise<{ results: PushEventResult[][]; written: WrittenDossier[] }> {
  const ids = [...new Set(group.flatMap((g) => g.events.map((e) => e.id.toLowerCase())))];
  const existing = await tx.query<Prior>(
    `SELECT e.id::text AS id, e.seq, e.conflict, r.year AS register_year, r.number AS register_number
     FROM events e LEFT JOIN register_numbers r ON r.event_id = e.id WHERE e.id = ANY($1::uuid[])`,
    [ids],
  );
  const known = new Map(existing.rows.map((r) => [r.id, r]));

  // An id already stored, or sent earlier in this group (by this push or one before it), is not fresh.
  const seenInGroup = new Set<string>();
  const batches = group.map(({ device, events }) => {
    const fresh: DossierEvent[] = [];
    for (const e of events) {
      const id = e.id.toLowerCase();
      if (known.has(id) || seenInGroup.has(id)) continue;
      seenInGroup.add(id);
      fresh.push(e);
    }
    return { device, fresh };
  });

  const outcome = new Map<string, Stored>();
  let seqOf = new Map<string, number>();
  let written: WrittenDossier[] = [];
  if (seenInGroup.size > 0) {
    const input = await readPlanInput(tx, batches);
    const plan = planPushes(input.state, input.batches);
    ({ seqById: seqOf, written } = await persistPlan(
      tx,
      group.map((g) => g.device),
      plan,
      notices,
    ));
    for (const p of plan.events) outcome.set(p.event.id.toLowerCase(), p);
  }
  const answered = new Set<string>();
  return { results: group.map(({ events }) => answer(events, known, outcome, seqOf, answered)), written };
}

function answer(
  events: readonly DossierEvent[],
  known: ReadonlyMap<string, Prior>,
  outcome: ReadonlyMap<string, Stored>,
  seqOf: ReadonlyMap<string, number>,
  answered: Set<string>,
): PushEventResult[] {
  // Answer in request order; repeats in the group and earlier copies are duplicates with the stored seq.
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
