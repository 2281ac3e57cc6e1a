// The retention rule (README.md): returned dossiers older than a configurable number of months
// leave the counter's database; the server keeps them and the card fetches them on demand.
import { dossiersInStatus, type MotCuaDb } from './index';
import { RETENTION_SETTING_ID, retentionMonths } from './retentionSetting';

export { DEFAULT_RETENTION_MONTHS } from './retentionSetting';

/** The months this counter keeps returned dossiers, as last synced. */
export async function loadRetentionMonths(db: MotCuaDb): Promise<number> {
  return retentionMonths(await db.catalogue.get(RETENTION_SETTING_ID));
}

export interface PruneOptions {
  months: number;
  now: Date;
}

export interface PruneResult {
  pruned: number;
  /** Old enough but kept because this counter still has events to send for them. */
  keptPending: number;
}

/** The instant `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Removes returned dossiers whose result went out before the cutoff, with their local events and
 * acknowledged outbox rows. A dossier with an event still waiting in the outbox, or set aside
 * because the server refused it, is never removed: that event exists nowhere else.
 */
export async function pruneReturnedDossiers(db: MotCuaDb, options: PruneOptions): Promise<PruneResult> {
  if (!Number.isFinite(options.months) || options.months < 1) throw new RangeError('Số tháng lưu giữ phải từ 1 trở lên.');
  const cutoff = retentionCutoff(options.now, options.months).toISOString();
  return db.transaction('rw', [db.dossiers, db.events, db.outbox], async () => {
    const returned = await dossiersInStatus(db, 'returned').toArray();
    let pruned = 0;
    let keptPending = 0;
    for (const row of returned) {
      const returnedAt = row.state.returnedAt;
      if (!returnedAt || returnedAt >= cutoff) continue;
      const outbox = await db.outbox.where('dossierId').equals(row.id).toArray();
      if (outbox.some((o) => o.status !== 'acked')) {
        keptPending++;
        continue;
      }
      await db.events.where('dossierId').equals(row.id).delete();
      if (outbox.length > 0) await db.outbox.bulkDelete(outbox.map((o) => o.ord!));
      await db.dossiers.delete(row.id);
      pruned++;
    }
    return { pruned, keptPending };
  });
}
