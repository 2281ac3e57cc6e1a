// The counter's sync client: pushes the outbox in order in bounded chunks, pulls dossier snapshots
// after its cursor page by page, and keeps doing so while online, with backoff and jitter when
// not. Runtime-neutral (fetch + Dexie): the same code runs in Chromium and under Node in tests.
import { COUNTER_REPORT_HEADER, encodeCounterReport, type CounterReport } from '../../shared/sync/adminProtocol';
import type { CatalogueResponse, CountersResponse, LeaseRequest, LeaseResponse, PullResponse, PushResponse, StaffRecord } from '../../shared/sync/protocol';
import { CLOCK_SKEW_WARNING_MS, MAX_EVENTS_PER_PUSH, MAX_PULL_WAIT_SECONDS } from '../../shared/sync/protocol';
import type { MotCuaDb } from '../db/schema';
import { storeLeases } from '../db/leases';
import { applyPushResults, applySnapshots } from './apply';
import { badAnswerProblem, httpProblem, offlineProblem, SyncFailure, timeoutProblem } from './problems';
import type { SyncProblem } from './problems';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** Events recorded here and not yet acknowledged by the server. */
  pendingCount: number;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: SyncProblem;
  /** Server clock minus device clock, measured on the last exchange. */
  clockSkewMs?: number;
  clockSkewWarning: boolean;
  /** Dossiers here with conflicts a supervisor has not resolved. */
  openConflicts: number;
  /** Events the server refused for good, set aside here for a supervisor (features/conflicts). */
  setAsideCount: number;
  nextAttemptAt?: string;
}

export interface SyncClientOptions {
  db: MotCuaDb;
  baseUrl: string;
  credential: string;
  fetch?: typeof fetch;
  pushChunk?: number;
  pullLimit?: number;
  requestTimeoutMs?: number;
  /** Idle poll interval while online: the pause after an exchange before the next pull is sent. */
  pollIntervalMs?: number;
  /**
   * How long the idle pull may wait at the server for the next change of the counter's site (long
   * poll), in seconds; 0 polls. A server that does not know long polls (400) is polled.
   */
  longPollSeconds?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  /** What the counter tells the administrator with its pulls (version, printers); the client adds its pending outbox. */
  report?: () => Promise<Omit<CounterReport, 'pendingOutbox'>>;
}

/** The printers are asked for their state at most this often for the report, not on every pull. */
const REPORT_REFRESH_MS = 60_000;

type Listener = (status: SyncStatus) => void;

/** The settings row holding every counter's name (CounterName[]), refreshed with the staff list. */
export const COUNTER_NAMES_SETTING = 'counterNames';

/** How often the staff list (names, roles, password hashes for offline sign-in) and the counters' names are refreshed. */
const STAFF_REFRESH_MS = 5 * 60_000;

export class SyncClient {
  private status: SyncStatus = { online: false, syncing: false, pendingCount: 0, clockSkewWarning: false, openConflicts: 0, setAsideCount: 0 };
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private failures = 0;
  private inFlight: Promise<void> | undefined;
  private staffPulledAt = -Infinity;
  /** An outbox row was written while an exchange ran: exchange again at once when it ends. */
  private again = false;
  /** The next tick is the idle pull, which may wait at the server (long poll). */
  private idleNext = false;
  /** Ends the idle pull's wait at the server when there is something to push. */
  private waiting: AbortController | undefined;
  /** The server refused a long poll (older server): poll instead. */
  private longPollRefused = false;
  /** The catalogue's version the last pull reported, when the server reports it. */
  private catalogueAt: number | undefined;
  private stopWatchingOutbox: (() => void) | undefined;
  private readonly o: Required<Omit<SyncClientOptions, 'fetch' | 'report'>> & Pick<SyncClientOptions, 'report'> & { fetch: typeof fetch };
  private report: { at: number; value: Omit<CounterReport, 'pendingOutbox'> } | undefined;
  private readonly onOnline = () => this.kick();
  private readonly onOffline = () => this.update({ online: false, lastError: offlineProblem('thiết bị báo mất mạng') });

  constructor(options: SyncClientOptions) {
    this.o = {
      pushChunk: 200,
      pullLimit: 500,
      requestTimeoutMs: 15_000,
      pollIntervalMs: 5_000,
      longPollSeconds: MAX_PULL_WAIT_SECONDS,
      backoffBaseMs: 1_000,
      backoffMaxMs: 60_000,
      random: Math.random,
      ...options,
      fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    };
    this.o.pushChunk = Math.min(Math.max(1, this.o.pushChunk), MAX_EVENTS_PER_PUSH);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Syncs continuously until stop(); reacts at once to the browser's online event and to kick(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    const g = globalThis as { addEventListener?: (t: string, f: () => void) => void };
    g.addEventListener?.('online', this.onOnline);
    g.addEventListener?.('offline', this.onOffline);
    this.stopWatchingOutbox = this.o.db.onOutboxWritten(() => this.outboxWritten());
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const g = globalThis as { removeEventListener?: (t: string, f: () => void) => void };
    g.removeEventListener?.('online', this.onOnline);
    g.removeEventListener?.('offline', this.onOffline);
    this.stopWatchingOutbox?.();
    this.waiting?.abort();
    await this.inFlight?.catch(() => undefined);
  }

  /** Sync soon (an event was just recorded, or the network is back). */
  kick(): void {
    this.waiting?.abort();
    this.idleNext = false;
    if (this.running) this.schedule(0);
  }

  // Every committed outbox write lands here (db/schema.ts): no screen has to remember to wake sync.
  // While backing off after a failure the timer (or the browser's online event) brings the push.
  // What waits is counted by whoever shows it, from the outbox itself (kiosk/syncStatus.ts), not here
  // on every write.
  private outboxWritten(): void {
    if (this.failures > 0) return;
    if (this.inFlight) {
      this.again = true;
      // An idle pull waiting at the server ends now, so the push goes at once.
      this.waiting?.abort();
    } else this.kick();
  }

  /** One full exchange: push everything pending, then pull everything new. Throws SyncFailure. */
  async syncOnce(): Promise<void> {
    return this.exchangeOnce(false);
  }

  // `idle`: the first pull may wait at the server for the site's next change (long poll).
  private exchangeOnce(idle: boolean): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.exchange(idle).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async exchange(idle: boolean): Promise<void> {
    this.update({ syncing: true, lastAttemptAt: new Date().toISOString() });
    try {
      await this.pushAll();
      await this.pullAll(idle ? this.o.longPollSeconds : 0);
      await this.refreshReferenceData();
      const at = new Date().toISOString();
      await this.saveSyncState({ lastSuccessAt: at, lastError: undefined });
      this.update({ online: true, lastSuccessAt: at, lastError: undefined });
    } catch (err) {
      const problem = err instanceof SyncFailure ? err.problem : offlineProblem(String((err as Error)?.message ?? err));
      await this.saveSyncState({ lastError: { code: problem.code, message: problem.message, at: problem.at } }).catch(() => undefined);
      this.update({ online: problem.code !== 'OFFLINE' && problem.code !== 'TIMEOUT', lastError: problem });
      throw err instanceof SyncFailure ? err : new SyncFailure(problem);
    } finally {
      await this.refreshCounts();
      this.update({ syncing: false });
    }
  }

  /** Pushes every pending event; an event the server refuses is set aside (applyPushResults) and the rest go on. */
  async pushAll(): Promise<void> {
    for (;;) {
      const chunk = await this.o.db.outbox.where('status').equals('pending').limit(this.o.pushChunk).sortBy('ord');
      if (chunk.length === 0) return;
      // The index returns pending rows in key order of status, then ord; sorting keeps outbox order.
      const answer = await this.request<PushResponse>('POST', '/v1/push', { events: chunk.map((r) => r.event) });
      if (!Array.isArray(answer.results)) throw new SyncFailure(badAnswerProblem());
      await applyPushResults(this.o.db, answer.results);
      await this.refreshCounts();
    }
  }

  /** Pulls every page after the cursor; with `waitSeconds` the first pull may wait that long at the server for news. */
  async pullAll(waitSeconds = 0): Promise<void> {
    const cursor = (await this.o.db.syncState.get('main'))?.pullCursor ?? 0;
    let pending = waitSeconds > 0 && !this.longPollRefused ? this.waitingPull(cursor, waitSeconds) : this.pullPage(cursor);
    for (;;) {
      const page = await pending;
      if (!page) return;
      this.catalogueAt = page.catalogueVersion;
      // The next page is fetched while this one is written: the cursor it needs is in the answer.
      if (page.more) {
        pending = this.pullPage(page.next);
        pending.catch(() => undefined);
      }
      await applySnapshots(this.o.db, page.dossiers, page.next);
      if (!page.more) return;
    }
  }

  private async pullPage(after: number, waitSeconds = 0, signal?: AbortSignal): Promise<PullResponse> {
    const wait = waitSeconds > 0 ? `&wait=${waitSeconds}` : '';
    const page = await this.request<PullResponse>('GET', `/v1/pull?after=${after}&limit=${this.o.pullLimit}${wait}`, undefined, {
      signal,
      extraMs: waitSeconds * 1000,
      headers: await this.reportHeader(),
    });
    if (!Array.isArray(page.dossiers) || typeof page.next !== 'number') throw new SyncFailure(badAnswerProblem());
    return page;
  }

  /**
   * The idle pull: the server answers at once when the site changed after `after`, else at its next
   * change or after `waitSeconds`. Something to push ends the wait (undefined: the exchange ends and
   * the next one pushes). A server that refuses `wait` (400: before long polls) is polled from then on.
   */
  private async waitingPull(after: number, waitSeconds: number): Promise<PullResponse | undefined> {
    const waiting = (this.waiting = new AbortController());
    try {
      return await this.pullPage(after, waitSeconds, waiting.signal);
    } catch (err) {
      if (waiting.signal.aborted) return undefined;
      if (err instanceof SyncFailure && err.problem.httpStatus === 400) {
        this.longPollRefused = true;
        return this.pullPage(after);
      }
      throw err;
    } finally {
      if (this.waiting === waiting) this.waiting = undefined;
    }
  }

  /** Staff accounts with their password hashes, so the counter can verify a sign-in offline. */
  async pullStaff(): Promise<number> {
    const db = this.o.db;
    const after = (await db.syncState.get('main'))?.staffVersion ?? 0;
    const answer = await this.request<{ staff: StaffRecord[]; version: number }>('GET', `/v1/staff?after=${after}`);
    if (!Array.isArray(answer.staff) || typeof answer.version !== 'number') throw new SyncFailure(badAnswerProblem());
    await db.transaction('rw', [db.staff, db.syncState], async () => {
      if (answer.staff.length > 0) await db.staff.bulkPut(answer.staff);
      const cur = await db.syncState.get('main');
      await db.syncState.put({ key: 'main', pullCursor: 0, catalogueVersion: 0, ...cur, staffVersion: Math.max(cur?.staffVersion ?? 0, answer.version) });
    });
    this.staffPulledAt = Date.now();
    return answer.staff.length;
  }

  /** Every counter's name by id, kept in the settings row COUNTER_NAMES_SETTING for history lists and conflicts. */
  async pullCounters(): Promise<number> {
    const answer = await this.request<CountersResponse>('GET', '/v1/counters');
    if (!Array.isArray(answer.counters)) throw new SyncFailure(badAnswerProblem());
    await this.o.db.settings.put({ key: COUNTER_NAMES_SETTING, value: answer.counters });
    return answer.counters.length;
  }

  // Reference data, not the counter's work: a failure here is retried on the next exchange and
  // does not mark the counter offline. The catalogue (procedures, holidays, settings such as the
  // idle-lock time) is asked for on every exchange: the answer is empty unless its version moved.
  // A server that reports the catalogue's version with each pull is asked for the catalogue only when it moved.
  private async refreshReferenceData(): Promise<void> {
    const held = (await this.o.db.syncState.get('main'))?.catalogueVersion ?? 0;
    if (this.catalogueAt === undefined || this.catalogueAt > held) await this.pullCatalogue().catch(() => undefined);
    if (Date.now() - this.staffPulledAt < STAFF_REFRESH_MS) return;
    await this.pullStaff().catch(() => undefined);
    await this.pullCounters().catch(() => undefined);
  }

  async requestLeases(request: LeaseRequest): Promise<LeaseResponse> {
    const answer = await this.request<LeaseResponse>('POST', '/v1/leases', request);
    await storeLeases(this.o.db, answer.blocks);
    return answer;
  }

  async pullCatalogue(): Promise<number> {
    const s = await this.o.db.syncState.get('main');
    const answer = await this.request<CatalogueResponse>('GET', `/v1/catalogue?after=${s?.catalogueVersion ?? 0}`);
    await this.o.db.transaction('rw', [this.o.db.catalogue, this.o.db.syncState], async () => {
      for (const item of answer.items) {
        const id = `${item.kind}:${item.key}`;
        if (item.deleted) await this.o.db.catalogue.delete(id);
        else await this.o.db.catalogue.put({ id, kind: item.kind, key: item.key, body: item.body, version: item.version, ...(Array.isArray(item.centerKeys) ? { centerKeys: item.centerKeys } : {}) });
      }
      const cur = await this.o.db.syncState.get('main');
      await this.o.db.syncState.put({ key: 'main', pullCursor: 0, staffVersion: 0, ...cur, catalogueVersion: answer.version });
    });
    return answer.items.length;
  }

  /** The report header for a pull (COUNTER_REPORT_HEADER); none without a `report` option or when it fails. */
  private async reportHeader(): Promise<Record<string, string>> {
    if (!this.o.report) return {};
    if (!this.report || Date.now() - this.report.at > REPORT_REFRESH_MS) {
      const value = await this.o.report().catch(() => undefined);
      if (!value) return {};
      this.report = { at: Date.now(), value };
    }
    return { [COUNTER_REPORT_HEADER]: encodeCounterReport({ ...this.report.value, pendingOutbox: this.status.pendingCount }) };
  }

  // `extraMs`: how long the server may hold the request on purpose (a long poll), on top of the timeout; `signal` ends it early.
  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { signal?: AbortSignal; extraMs?: number; headers?: Record<string, string> } = {}): Promise<T> {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.o.requestTimeoutMs + (opts.extraMs ?? 0));
    const stop = () => controller.abort();
    opts.signal?.addEventListener('abort', stop);
    const t0 = Date.now();
    let res: Response;
    try {
      res = await this.o.fetch(`${this.o.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.o.credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (err) {
      if (controller.signal.aborted) throw new SyncFailure(timeoutProblem(Math.round(this.o.requestTimeoutMs / 1000)));
      // The browser's own wording ("Failed to fetch") means nothing to staff; the address does.
      throw new SyncFailure(offlineProblem(`địa chỉ ${this.o.baseUrl}`));
    } finally {
      clearTimeout(timeout);
      opts.signal?.removeEventListener('abort', stop);
    }
    const t1 = Date.now();
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new SyncFailure(res.ok ? badAnswerProblem() : httpProblem(res.status, undefined));
    }
    this.measureSkew(t0, t1, res, json);
    if (!res.ok) throw new SyncFailure(httpProblem(res.status, json));
    return json as T;
  }

  // Server time against the midpoint of the exchange; never used to order anything.
  private measureSkew(t0: number, t1: number, res: Response, json: unknown): void {
    const bodyTime = (json as { serverTime?: unknown } | null)?.serverTime;
    const serverMs = typeof bodyTime === 'string' ? Date.parse(bodyTime) : Date.parse(res.headers.get('date') ?? '');
    if (!Number.isFinite(serverMs)) return;
    const skew = Math.round(serverMs - (t0 + t1) / 2);
    this.status = { ...this.status, clockSkewMs: skew, clockSkewWarning: Math.abs(skew) > CLOCK_SKEW_WARNING_MS };
    void this.saveSyncState({ clockSkewMs: skew }).catch(() => undefined);
  }

  private async saveSyncState(patch: Partial<{ lastSuccessAt: string; lastError: { code: string; message: string; at: string } | undefined; clockSkewMs: number }>): Promise<void> {
    await this.o.db.transaction('rw', this.o.db.syncState, async () => {
      const cur = await this.o.db.syncState.get('main');
      await this.o.db.syncState.put({ key: 'main', pullCursor: 0, catalogueVersion: 0, staffVersion: 0, ...cur, ...patch });
    });
  }

  async refreshCounts(): Promise<void> {
    const [pendingCount, openConflicts, setAsideCount] = await Promise.all([
      this.o.db.outbox.where('status').equals('pending').count(),
      this.o.db.dossiers.where('openConflicts').above(0).count(),
      this.o.db.outbox.where('status').equals('refused').count(),
    ]);
    this.update({ pendingCount, openConflicts, setAsideCount });
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.update({ nextAttemptAt: new Date(Date.now() + delayMs).toISOString() });
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  // After an exchange the counter pauses pollIntervalMs (so a busy site is pulled at most that often),
  // then sends the idle pull, which waits at the server until the site changes (long poll).
  private async tick(): Promise<void> {
    this.timer = undefined;
    const idle = this.idleNext;
    this.idleNext = false;
    try {
      this.again = false;
      await this.exchangeOnce(idle && this.o.longPollSeconds > 0);
      this.failures = 0;
      this.idleNext = !this.again;
      this.schedule(this.again ? 0 : this.o.pollIntervalMs);
    } catch {
      this.failures++;
      this.schedule(backoffDelay(this.failures, this.o.backoffBaseMs, this.o.backoffMaxMs, this.o.random));
    }
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }
}

/** Exponential backoff with "equal jitter": between half and all of min(max, base·2^(n−1)). */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
