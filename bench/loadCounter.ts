// One simulated counter for the load benchmark, doing over HTTP what renderer/sync/client.ts does:
// its own keep-alive connection; at each desk command (every ~3 s) a few events go into its outbox
// and it exchanges at once: push the outbox in chunks, pull snapshots after its cursor page by
// page, ask for the catalogue after its version. A failed exchange keeps the outbox and backs off
// as the client does. Latencies, bytes and errors go to the shared LoadStats.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { DossierEvent } from '../shared/domain';
import type { CatalogueResponse, LeaseResponse, PullResponse, PushResponse } from '../shared/sync/protocol';
import { backoffDelay } from '../renderer/sync/client';
import { deliveredToDepartment, dossierCode, handedToCourier, received } from '../tests/sync/events';

export type CallKind = 'push' | 'pull' | 'catalogue' | 'staff' | 'leases' | 'health';

export class LoadStats {
  measuring = false;
  readonly latency = new Map<CallKind, number[]>();
  readonly errors = new Map<string, number>();
  eventsAcked = 0;
  bytesIn = 0;
  record(kind: CallKind, ms: number, bytes: number): void {
    if (!this.measuring) return;
    let list = this.latency.get(kind);
    if (!list) this.latency.set(kind, (list = []));
    list.push(ms);
    this.bytesIn += bytes;
  }
  error(kind: CallKind, what: string): void {
    if (!this.measuring) return;
    const key = `${kind} ${what}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }
}

export class HttpFailure extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

const TIMEOUT_MS = 15_000; // the sync client's requestTimeoutMs

/** Reads an answer's body; JSON.parse unless the caller knows a cheaper reading. */
export type BodyReader<T> = (text: Buffer) => T;
const parseJson = <T>(text: Buffer): T => JSON.parse(text.toString('utf8')) as T;

/**
 * A pull answer's short fields, read where the server writes them (the head, or the tail for a server
 * from before the pull wrote them first) rather than parsing the snapshots: the 1,000 counters' JSON
 * parsing (tens of MB/s) is work of 1,000 machines that would take the CPU this one's server needs.
 * One answer in PULL_PARSE_EVERY is still parsed whole, so a malformed answer fails the run.
 */
const PULL_PARSE_EVERY = 10;
let pullsRead = 0;
export function readPull(text: Buffer): PullResponse {
  if (++pullsRead % PULL_PARSE_EVERY === 0) return parseJson<PullResponse>(text);
  const fields = /"next":(\d+),"more":(true|false)(?:,"catalogueVersion":(\d+))?/;
  const m = fields.exec(text.subarray(0, 200).toString('latin1')) ?? fields.exec(text.subarray(-200).toString('latin1'));
  if (!m) return parseJson<PullResponse>(text);
  return { dossiers: [], next: Number(m[1]), more: m[2] === 'true', ...(m[3] !== undefined ? { catalogueVersion: Number(m[3]) } : {}), serverTime: '' };
}

/** One JSON call on a counter's own connection; the latency is from send to the whole body read. */
export function call<T>(
  agent: Agent,
  base: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  token: string | undefined,
  body?: unknown,
  read: BodyReader<T> = parseJson,
): Promise<{ json: T; ms: number; bytes: number }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      base + path,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          const text = Buffer.concat(chunks);
          if (res.statusCode! >= 300) return reject(new HttpFailure(`HTTP ${res.statusCode}`));
          try {
            resolve({ json: read(text), ms, bytes: text.length });
          } catch {
            reject(new HttpFailure('bad JSON'));
          }
        });
        res.on('error', () => reject(new HttpFailure('connection reset')));
      },
    );
    req.on('timeout', () => req.destroy(new HttpFailure('timeout')));
    req.on('error', (err) => reject(err instanceof HttpFailure ? err : new HttpFailure((err as NodeJS.ErrnoException).code ?? 'network')));
    req.end(payload);
  });
}

export interface CounterIdentity {
  counterId: string;
  credential: string;
}

export class SimulatedCounter {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 2 });
  private readonly outbox: DossierEvent[] = [];
  private readonly codes: string[] = [];
  /** Dossiers received here, oldest first, each with how far it has gone (0: received). */
  private readonly open: { id: string; step: number }[] = [];
  private pullCursor = 0;
  private catalogueVersion = 0;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  inFlight: Promise<void> | undefined;
  generated = 0;

  constructor(
    readonly id: CounterIdentity,
    private readonly base: string,
    private readonly stats: LoadStats,
    private readonly intervalMs: number,
    private readonly eventsPerCommand: number,
  ) {}

  private async timed<T>(kind: CallKind, method: 'GET' | 'POST', path: string, body?: unknown, read?: BodyReader<T>): Promise<T> {
    try {
      const r = await call<T>(this.agent, this.base, method, path, this.id.credential, body, read);
      this.stats.record(kind, r.ms, r.bytes);
      return r.json;
    } catch (err) {
      this.stats.error(kind, err instanceof HttpFailure ? err.what : String(err));
      throw err;
    }
  }

  /** Leases dossier numbers for the given days, as the reception desk does at start. */
  async lease(dates: string[], blockSize: number): Promise<void> {
    const l = await this.timed<LeaseResponse>('leases', 'POST', '/v1/leases', { requestId: randomUUID(), dossierDates: dates, blockSize });
    for (const b of l.blocks) {
      // The scope is `<agency code of the counter's center>:<yymmdd>` (shared/sync/leases dossierSeqScope).
      const [agency, date] = b.scope.split(':');
      for (let n = b.first; n <= b.last; n++) this.codes.push(dossierCode(n, date, agency));
    }
  }

  /** The first exchange of a counter that just started: staff list, whole pull, catalogue. */
  async bootstrap(): Promise<void> {
    await this.timed('staff', 'GET', '/v1/staff?after=0');
    await this.exchange();
  }

  start(initialDelayMs: number): void {
    this.running = true;
    this.timer = setTimeout(() => this.tick(), initialDelayMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
  }

  get pending(): number {
    return this.outbox.length;
  }

  /** Pushes what is left after the run (no deadline), so every event can be checked stored once. */
  async drain(): Promise<void> {
    for (let attempt = 0; this.outbox.length > 0 && attempt < 20; attempt++) await this.pushAll().catch(() => new Promise((r) => setTimeout(r, 500)));
  }

  private tick(): void {
    if (!this.running) return;
    this.command();
    this.inFlight = this.exchange().then(
      () => {
        this.failures = 0;
        this.schedule(this.intervalMs * (0.9 + 0.2 * Math.random()));
      },
      () => {
        this.failures++;
        // The client backs off after a failure (renderer/sync/client.ts), from 1 s up to 60 s.
        this.schedule(backoffDelay(this.failures, 1_000, 60_000));
      },
    );
  }

  private schedule(ms: number): void {
    if (this.running) this.timer = setTimeout(() => this.tick(), ms);
  }

  /** A desk command's facts: new receptions, and the next step of dossiers received earlier. */
  private command(): void {
    for (let i = 0; i < this.eventsPerCommand; i++) {
      const next = this.open[0];
      if (i % 2 === 0 && this.codes.length > 0) {
        const r = received(this.id.counterId, this.codes.shift()!);
        this.open.push({ id: r.dossierId, step: 0 });
        this.outbox.push(r);
      } else if (next && next.step === 0) {
        next.step = 1;
        this.outbox.push(handedToCourier(this.id.counterId, next.id));
      } else if (next) {
        this.open.shift();
        this.outbox.push(deliveredToDepartment(this.id.counterId, next.id));
      } else continue;
      this.generated++;
    }
  }

  private async exchange(): Promise<void> {
    await this.pushAll();
    let catalogueVersion: number | undefined;
    for (let more = true; more;) {
      const page = await this.timed<PullResponse>('pull', 'GET', `/v1/pull?after=${this.pullCursor}&limit=500`, undefined, readPull);
      this.pullCursor = page.next;
      more = page.more;
      catalogueVersion = page.catalogueVersion;
    }
    // As the sync client: the catalogue only when the pull says it moved (always, from a server that does not say).
    if (catalogueVersion !== undefined && catalogueVersion <= this.catalogueVersion) return;
    const cat = await this.timed<CatalogueResponse>('catalogue', 'GET', `/v1/catalogue?after=${this.catalogueVersion}`);
    this.catalogueVersion = cat.version;
  }

  private async pushAll(): Promise<void> {
    while (this.outbox.length > 0) {
      const chunk = this.outbox.slice(0, 200);
      const answer = await this.timed<PushResponse>('push', 'POST', '/v1/push', { events: chunk });
      const acked = new Set(answer.results.filter((r) => 'seq' in r && typeof r.seq === 'number').map((r) => r.id));
      this.outbox.splice(0, chunk.length, ...chunk.filter((e) => !acked.has(e.id)));
      if (this.stats.measuring) this.stats.eventsAcked += acked.size;
      if (acked.size < chunk.length) throw new HttpFailure('unacknowledged events');
    }
  }
}
