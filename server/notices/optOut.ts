// The applicant's "no more notices about this dossier", however it is asked for (a supervisor at a
// counter, the link in a notice): recorded once, and whatever still waits is cancelled in the same
// transaction. The outbox insert and the dispatcher's claim both skip an opted-out dossier.
import type { Db } from '../db';

/** The page of the link in a notice: `<status page>/<code>/ngung-thong-bao?k=<secret>`. */
export const OPT_OUT_SEGMENT = 'ngung-thong-bao';

/** How many waiting notices were cancelled. */
export async function optOut(db: Db, dossierId: string, by: string, note?: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO notice_optouts (dossier_id, by, note) VALUES ($1::uuid, $2, $3) ON CONFLICT (dossier_id) DO NOTHING', [dossierId, by, note ?? null]);
    const cancelled = await tx.query("UPDATE notices SET state = 'cancelled', last_error = NULL WHERE dossier_id = $1::uuid AND state IN ('pending', 'failed') RETURNING id", [dossierId]);
    return cancelled.rows.length;
  });
}
