// The transaction every batch scan runs in, and what lets most scans take one trip to the database
// instead of two. A scan must read the batch and the dossier before it knows what to write; those
// reads are a round trip of their own, and on a busy counter PC each trip is a few milliseconds of
// the one frame staff may wait (bench/scan.bench.ts). So the scan screen keeps a session: its last
// known batch and the dossiers it expects (the department's dossiers in a status the scan can
// move). A scan that names one of them is decided on that snapshot; its writes go out with the same
// reads by key in one strict transaction, written straight on IndexedDB (db/writeIfUnchanged.ts). If
// the reads find anything different (another window, sync or a removal changed the batch or the
// dossier), the transaction is aborted — nothing it wrote stays — and the scan is decided again,
// through Dexie, on what the database holds. The snapshot is only ever a guess. Each panel (and each
// test) owns its session (createScanSession, useScanSession): two screens never share one.
import { dossierCodeOfScan, type ScanClassification } from '../../../shared/codes';
import type { DossierStatus } from '../../../shared/domain';
import { applyWrites, dossiersInStatus, writeIfUnchanged, type DossierRow, type MotCuaDb, type RowWrite, type WrittenTable } from '../../db';
import { getBatch, type HandoffBatch } from './batch';
import { resolveScan, type ResolvedScan } from './resolve';

/** What a scan is decided on: the batch and the scanned dossier, read or remembered. */
export interface ScanSeen {
  batch: HandoffBatch | undefined;
  found: ResolvedScan;
}

/** What one scan screen knows between its scans; only this module changes it. */
export interface ScanSession {
  readonly db: MotCuaDb;
  /** The batch as opened (rememberOpenedBatch) or as this session's last scan left it. */
  batch?: HandoffBatch;
  /** The candidates by code: the batch department's dossiers (or, between centers, those routed) in a status a scan can move. */
  rows: Map<string, DossierRow>;
  /** What `rows` holds, as `statuses@departmentId` (`statuses@center:code` between centers). */
  key?: string;
  /** The candidates being loaded, if they are. */
  loading?: Promise<void>;
  readonly stats: ScanTransactionStats;
}

/** How scans were decided: on the snapshot in one trip, or on what the transaction read. */
export interface ScanTransactionStats {
  oneTrip: number;
  /** Snapshot guesses the reads contradicted: aborted, then decided again. */
  stale: number;
  twoTrips: number;
}

export function createScanSession(db: MotCuaDb): ScanSession {
  return { db, rows: new Map(), stats: { oneTrip: 0, stale: 0, twoTrips: 0 } };
}

/** The batch just opened: the first scan into it is decided on it, without reading it first. */
export function rememberOpenedBatch(session: ScanSession, batch: HandoffBatch): void {
  session.batch = batch;
}

/** Whose dossiers a batch takes: its department's, or (between centers) those received across boundaries. */
const batchParty = (batch: HandoffBatch) => (batch.centerCode !== undefined ? `center:${batch.centerCode}` : batch.departmentId);
const takes = (batch: HandoffBatch) => (batch.centerCode !== undefined ? (r: DossierRow) => r.state.route !== undefined : (r: DossierRow) => r.departmentId === batch.departmentId);
const candidatesKey = (statuses: readonly DossierStatus[], batch: HandoffBatch) => `${statuses.join(',')}@${batchParty(batch)}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Collects what a scan writes; nothing is written until the scan is decided. */
export type WriteList = (...writes: RowWrite[]) => void;

/**
 * Decides a scan with `decide` — which checks it, hands what it means to `write` and returns the
 * verdict with the batch as it leaves it (and the dossier, when it has one) — and writes it in one
 * strict transaction over `tables`, on the batch and dossier as that transaction reads them.
 * `candidateStatuses`: the statuses in which a dossier of the batch's department can be scanned in.
 */
export async function inScanTransaction<T extends { batch: HandoffBatch; dossier?: DossierRow }>(
  session: ScanSession,
  tables: WrittenTable[],
  batchId: string,
  classification: ScanClassification,
  agencyTable: readonly string[],
  candidateStatuses: (batch: HandoffBatch) => readonly DossierStatus[],
  decide: (seen: ScanSeen, write: WriteList) => T,
): Promise<T> {
  const { db } = session;
  const decided = db.isOpen() ? decideOnGuess(session, batchId, classification, agencyTable, decide) : undefined;
  let result: T | undefined;
  if (decided) {
    const { batch, row, verdict, writes } = decided;
    const reads = [
      { table: 'batches', key: batchId },
      { table: 'dossiers', key: row.id },
    ] as const;
    if (await writeIfUnchanged(db, reads, writes, ([storedBatch, storedRow]) => same(storedBatch, batch) && same(storedRow, row))) {
      result = verdict;
      session.stats.oneTrip += 1;
    } else session.stats.stale += 1;
  }
  if (!result) {
    result = await db.transaction(
      'rw',
      tables.map((t) => db.table(t)),
      async () => {
        // Both reads in one round trip to the database.
        const [batch, found] = await Promise.all([getBatch(db, batchId), resolveScan(db, classification, agencyTable)]);
        const writes: RowWrite[] = [];
        const verdict = decide({ batch, found }, (...w) => writes.push(...w));
        await applyWrites(db, writes);
        return verdict;
      },
    );
    session.stats.twoTrips += 1;
  }
  session.batch = result.batch;
  // Any dossier just scanned is worth keeping: staff scan it again (a duplicate, a second look).
  if (result.dossier?.code) session.rows.set(result.dossier.code, result.dossier);
  const statuses = candidateStatuses(result.batch);
  if (session.key !== candidatesKey(statuses, result.batch)) session.loading = loadCandidates(session, statuses, result.batch);
  return result;
}

/** The counts so far, once the candidates being loaded (if any) are in: for tests and the benchmark. */
export async function scanSessionStats(session: ScanSession): Promise<ScanTransactionStats> {
  await session.loading;
  return { ...session.stats };
}

/** The scan decided on the snapshot, when the snapshot knows its batch and dossier and the decision does not throw. */
function decideOnGuess<T>(session: ScanSession, batchId: string, classification: ScanClassification, agencyTable: readonly string[], decide: (seen: ScanSeen, write: WriteList) => T) {
  const batch = session.batch?.id === batchId ? session.batch : undefined;
  const named = dossierCodeOfScan(classification, agencyTable);
  const row = named.ok ? session.rows.get(named.code) : undefined;
  if (!batch || !row || !named.ok) return undefined;
  const writes: RowWrite[] = [];
  try {
    const verdict = decide({ batch, found: { kind: 'dossier', code: named.code, row } }, (...w) => writes.push(...w));
    return { batch, row, verdict, writes };
  } catch {
    // Refused on the snapshot (a batch no longer open?): decided again on what the database holds.
    return undefined;
  }
}

/**
 * Loads the candidates in the background: a few thousand rows of one department (or of those received
 * across boundaries) at most, open dossiers only, through the status index.
 */
async function loadCandidates(session: ScanSession, statuses: readonly DossierStatus[], batch: HandoffBatch): Promise<void> {
  const key = candidatesKey(statuses, batch);
  const taken = takes(batch);
  session.key = key;
  session.rows = new Map();
  try {
    for (const status of statuses) {
      const rows = await dossiersInStatus(session.db, status).filter(taken).toArray();
      if (session.key !== key) return;
      for (const row of rows) if (row.code) session.rows.set(row.code, row);
    }
  } catch (error) {
    // Only speed is lost: every scan is still decided on what the database holds.
    console.warn('Không nạp trước được hồ sơ của lô; vẫn quét bình thường.', error);
    if (session.key === key) session.key = undefined;
  }
}
