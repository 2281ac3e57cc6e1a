// One strict IndexedDB transaction issued straight on the connection Dexie opened, for the write on
// a counter's hot path that must answer within a frame: a batch scan decided on what the screen
// already knows (features/handoff/scanTransaction.ts). Through Dexie's layers the same reads and
// writes cost an inbound scan about 2 ms more at the median and 2.5 ms more at the 95th percentile
// (bench/scan.bench.ts on disk: 9.6/14.0 and 9.6/14.1 ms through Dexie, 9.0/13.4, 7.1/11.9 and
// 7.6/11.5 ms here).
// The reads by key and the writes go out at once; when the reads come back, `unchanged` is asked
// whether they are what the caller decided on, and if not the transaction is aborted: nothing is
// written. Once committed, the change is announced the way Dexie announces its own
// (`Dexie.on.storagemutated`), so live queries in this window and in others see it; the database
// runs with Dexie's query cache off (schema.ts), so no cached answer hides it.
import { Dexie, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { RowWrite, WrittenTable } from './command';
import { DURABILITY, type MotCuaDb } from './schema';

export interface KeyRead {
  table: WrittenTable;
  key: string;
}

/**
 * Returns true once committed, false when `unchanged` said no (nothing written); rejects when the
 * database refuses a write (the transaction aborts, nothing written). Needs the database open
 * (`db.isOpen()`).
 */
export function writeIfUnchanged(db: MotCuaDb, reads: readonly KeyRead[], writes: readonly RowWrite[], unchanged: (found: unknown[]) => boolean): Promise<boolean> {
  const stores = [...new Set([...reads.map((r) => r.table), ...writes.map((w) => w.table)])];
  const tx = db.backendDB().transaction(stores, 'readwrite', { durability: DURABILITY });
  return new Promise<boolean>((resolve, reject) => {
    const found: unknown[] = [];
    let waiting = reads.length;
    let stale = false;
    let failure: unknown;
    const written = new Map<WrittenTable, IndexableType[]>();
    tx.oncomplete = () => {
      announce(db, written);
      if (written.has('outbox')) db.outboxWritten();
      resolve(true);
    };
    tx.onabort = () => (stale ? resolve(false) : reject(failure ?? tx.error ?? new Error('Giao dịch ghi bị hủy.')));
    reads.forEach((read, i) => {
      const request = tx.objectStore(read.table).get(read.key);
      request.onsuccess = () => {
        found[i] = request.result;
        if (--waiting > 0) return;
        // Still inside the request's success event: the transaction is active, nothing committed yet.
        try {
          stale = !unchanged(found);
        } catch (error) {
          failure = error;
        }
        if (stale || failure) tx.abort();
      };
    });
    for (const w of writes) {
      const store = tx.objectStore(w.table);
      const request = w.op === 'delete' ? store.delete(w.key) : w.op === 'add' ? store.add(w.row) : store.put(w.row);
      request.onsuccess = () => written.set(w.table, [...(written.get(w.table) ?? []), w.op === 'delete' ? w.key : (request.result as IndexableType)]);
    }
  });
}

/** Tells live queries what changed: the written keys, and every index of their tables (the rows' old index values are not at hand). */
function announce(db: MotCuaDb, written: ReadonlyMap<WrittenTable, IndexableType[]>): void {
  if (written.size === 0) return;
  const parts: ObservabilitySet = {};
  for (const [table, keys] of written) {
    const part = `idb://${db.name}/${table}/`;
    parts[part] = new RangeSet().addKeys(keys);
    for (const index of db.table(table).schema.indexes) parts[part + index.name] = new RangeSet(Dexie.minKey, Dexie.maxKey);
  }
  Dexie.on.storagemutated.fire(parts);
}
