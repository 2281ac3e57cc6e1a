// A counter for the sync model tests: its own IndexedDB (fake-indexeddb) and the real sync client,
// talking to the server in process through a faulty network (network.ts).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MotCuaDb } from '../../renderer/db/schema';
import { SyncClient } from '../../renderer/sync/client';
import type { TestServer } from './harness';
import { FakeNetwork, type Fault } from './network';

export class SyncCounter {
  db!: MotCuaDb;
  client!: SyncClient;
  readonly net: FakeNetwork;
  private readonly idb = new IDBFactory();

  constructor(
    readonly counterId: string,
    readonly counterIndex: number,
    private readonly credential: string,
    server: TestServer,
    private readonly leaseOf: { day: string; series: { formSymbol: string; series: string } },
  ) {
    this.net = new FakeNetwork(server.app);
    this.open();
  }

  open(): void {
    this.db = new MotCuaDb('motcua', { indexedDB: this.idb, IDBKeyRange });
    // Small chunks and pages so chunking and paging are exercised on every run.
    this.client = new SyncClient({ db: this.db, baseUrl: 'http://server.test', credential: this.credential, fetch: this.net.fetch, pushChunk: 3, pullLimit: 4 });
  }

  restart(): void {
    this.db.close();
    this.open();
  }

  async sync(): Promise<void> {
    await this.client.syncOnce().catch(() => undefined);
  }

  async lease(): Promise<void> {
    await this.client.requestLeases({ requestId: randomUUID(), dossierDates: [this.leaseOf.day], receiptSeries: [this.leaseOf.series], blockSize: 3 }).catch(() => undefined);
  }
}

/** What the model tests do to one counter's link besides its desk's facts: exchange, lease, go off and online, lose or double a request, replay an old one, restart. */
export type NetworkStep =
  | { kind: 'sync'; c: number }
  | { kind: 'lease'; c: number }
  | { kind: 'offline'; c: number }
  | { kind: 'online'; c: number }
  | { kind: 'fault'; c: number; fault: Fault }
  | { kind: 'replay'; c: number; pick: number }
  | { kind: 'restart'; c: number };

/** The network steps on counter `c`, weighted as the model tests draw them (for `fc.oneof`). */
export function networkSteps(c: fc.Arbitrary<number>): fc.WeightedArbitrary<NetworkStep>[] {
  return [
    { weight: 7, arbitrary: fc.record({ kind: fc.constant('sync' as const), c }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('lease' as const), c }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), c }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('online' as const), c }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('fault' as const), c, fault: fc.constantFrom<Fault>('dropRequest', 'dropResponse', 'duplicate') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), c, pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), c }) },
  ];
}

export async function applyNetworkStep(k: SyncCounter, step: NetworkStep): Promise<void> {
  switch (step.kind) {
    case 'sync':
      return k.sync();
    case 'lease':
      return k.lease();
    case 'offline':
      k.net.online = false;
      return;
    case 'online':
      k.net.online = true;
      k.client.kick();
      return;
    case 'fault':
      k.net.injectFault(step.fault);
      return;
    case 'replay':
      return k.net.replay(step.pick);
    case 'restart':
      k.restart();
      return;
  }
}

/** The network heals: every counter pushes everything, then every counter pulls everything. */
export async function healAndSync(counters: readonly SyncCounter[]): Promise<void> {
  for (const k of counters) k.net.heal();
  for (let pass = 0; pass < 2; pass++) for (const k of counters) await k.client.syncOnce();
}

/** Empties what the model tests write (the enrolled counters stay) between runs. */
export async function resetSyncData(server: TestServer): Promise<void> {
  await server.db.exec('TRUNCATE events, dossiers, conflicts, register_counters, register_numbers, receipt_numbers, lease_counters, leases RESTART IDENTITY CASCADE');
}
