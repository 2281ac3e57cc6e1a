// The audit log of personal data at this counter: who viewed, printed in full or exported a
// citizen's ID number or phone. Entries are kept locally first (table `auditLog`) and pushed to
// `POST /v1/audit` until the server acknowledges them, so a counter offline for a day loses none.
import { Dexie } from 'dexie';
import { MAX_AUDIT_ENTRIES, type AuditAction, type AuditEntry } from '../../shared/sync/protocol';
import type { MotCuaDb } from '../db';

export type { AuditAction, AuditEntry };

export const MAX_AUDIT_BATCH = MAX_AUDIT_ENTRIES;

export type PersonalDataField = 'idNumber' | 'phone';

/** An entry as the settings screen lists it: whether the server has it yet. */
export interface ListedAuditEntry {
  entry: AuditEntry;
  acked: boolean;
}

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  view: 'Xem đầy đủ',
  print: 'In đầy đủ',
  export: 'Xuất dữ liệu',
};

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { id?: string; at?: string };

/** Records one entry durably; resolves once it is on disk. */
export async function recordAudit(db: MotCuaDb, input: NewAuditEntry, now = new Date()): Promise<AuditEntry> {
  const entry: AuditEntry = { ...input, id: input.id ?? crypto.randomUUID(), at: input.at ?? now.toISOString() };
  await db.auditLog.put({ id: entry.id, entry, acked: 0, recordedAt: now.toISOString() });
  return entry;
}

/** Entries not yet acknowledged by the server, oldest first. */
export async function pendingAudit(db: MotCuaDb, limit = MAX_AUDIT_BATCH): Promise<AuditEntry[]> {
  const rows = await db.auditLog.where('[acked+recordedAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).limit(limit).toArray();
  return rows.map((r) => r.entry);
}

/** The counter's own log, newest first, for the settings screen. */
export async function recentAudit(db: MotCuaDb, limit = 50): Promise<ListedAuditEntry[]> {
  const rows = await db.auditLog.orderBy('recordedAt').reverse().limit(limit).toArray();
  return rows.map((r) => ({ entry: r.entry, acked: r.acked === 1 }));
}

export async function markAuditAcked(db: MotCuaDb, ids: readonly string[]): Promise<void> {
  await db.auditLog.where('id').anyOf(ids).modify({ acked: 1 });
}

export interface AuditTransport {
  serverUrl: string;
  /** The device credential: audit entries travel like events, as the counter's own. */
  token: string;
  fetch?: typeof fetch;
}

export type PushOutcome = { ok: true; acked: number } | { ok: false; message: string };

/** Sends every pending entry in batches; stops at the first failure, keeping the rest for the next try. */
export async function pushAudit(db: MotCuaDb, transport: AuditTransport): Promise<PushOutcome> {
  const send = transport.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  let acked = 0;
  for (;;) {
    const entries = await pendingAudit(db);
    if (entries.length === 0) return { ok: true, acked };
    let response: Response;
    try {
      response = await send(new URL('/v1/audit', transport.serverUrl).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${transport.token}` },
        body: JSON.stringify({ entries }),
      });
    } catch {
      return { ok: false, message: 'Chưa gửi được nhật ký truy cập dữ liệu cá nhân: mất kết nối máy chủ. Máy quầy sẽ tự gửi lại.' };
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      return { ok: false, message: `Máy chủ chưa nhận nhật ký truy cập dữ liệu cá nhân: ${body?.error?.message ?? `lỗi ${response.status}`}` };
    }
    const answer = (await response.json()) as { acked?: unknown };
    const ids = Array.isArray(answer.acked) ? answer.acked.filter((x): x is string => typeof x === 'string') : [];
    if (ids.length === 0) return { ok: false, message: 'Máy chủ trả lời nhật ký không đúng định dạng. Máy quầy sẽ tự gửi lại.' };
    await markAuditAcked(db, ids);
    acked += ids.length;
  }
}

/**
 * Pushes pending entries now and after each new one, retrying with backoff until acknowledged.
 * `onOutcome` lets a screen show the last failure.
 */
export class AuditSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private inFlight: Promise<PushOutcome> | undefined;
  private failures = 0;

  constructor(
    private readonly db: MotCuaDb,
    private readonly transport: AuditTransport,
    private readonly options: { idleMs?: number; baseMs?: number; maxMs?: number; onOutcome?: (o: PushOutcome) => void } = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  kick(): void {
    if (this.running) this.schedule(0);
  }

  /** One pass; resolves with its outcome (a call during a pass shares that pass). */
  runOnce(): Promise<PushOutcome> {
    this.inFlight ??= pushAudit(this.db, this.transport)
      .catch((e: unknown): PushOutcome => ({ ok: false, message: `Lỗi gửi nhật ký: ${(e as Error).message}` }))
      .then((o) => {
        this.failures = o.ok ? 0 : this.failures + 1;
        this.options.onOutcome?.(o);
        return o;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => {
        if (!this.running) return;
        const base = this.options.baseMs ?? 2_000;
        const max = this.options.maxMs ?? 60_000;
        this.schedule(this.failures > 0 ? Math.min(max, base * 2 ** (this.failures - 1)) : (this.options.idleMs ?? 30_000));
      });
    }, delayMs);
  }
}
