// A counter for the sync model tests: its own IndexedDB (fake-indexeddb) and the real sync client,
// talking to the server in process through a faulty network (network.ts).
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MotCuaDb } from '../../renderer/db/schema';
import { SyncClient } from '../../renderer/sync/client';
import type { TestServer } from './harness';
import { FakeNetwork } from './network';

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
