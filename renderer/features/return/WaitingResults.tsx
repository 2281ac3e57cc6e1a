// Results waiting at the desk: taken in from the courier, not yet handed over. The officer sees who
// to expect and opens a dossier from here when the citizen gives only a name. Live: a result taken
// in at the handoff desk, or a return at another window, shows at once. A result received across
// boundaries and held at another center is not waiting here: it comes in a batch between centers.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { dossiersInStatus, type DossierRow } from '../../db';
import { useKiosk } from '../../kiosk/kiosk';
import { DossierList } from '../dossier/DossierList';
import { resultHeldElsewhere } from '../dossier/card';

/** The most rows shown; beyond them the officer searches. */
export const WAITING_SHOWN = 50;

/** `ownCenter`: this counter's center's agency code. */
export function WaitingResults({ ownCenter, onOpen }: { ownCenter: string; onOpen(row: DossierRow): void }) {
  const { db } = useKiosk();
  const [waiting, setWaiting] = useState<{ rows: DossierRow[]; total: number }>();
  useEffect(() => {
    const subscription = liveQuery(async () => {
      const here = () => dossiersInStatus(db, 'resultReady').filter((r) => !resultHeldElsewhere(r.state, ownCenter));
      const [rows, total] = await Promise.all([here().limit(WAITING_SHOWN).toArray(), here().count()]);
      return { rows, total };
    }).subscribe({ next: setWaiting });
    return () => subscription.unsubscribe();
  }, [db, ownCenter]);
  if (!waiting) return null;
  return (
    <section className="waiting-results" aria-labelledby="waiting-title">
      <h2 id="waiting-title">
        Kết quả chờ trả tại quầy <span className="count">{waiting.total}</span>
      </h2>
      {waiting.total === 0 ? (
        <p className="muted">Không có kết quả nào đang chờ trả.</p>
      ) : (
        <>
          <DossierList rows={waiting.rows} label="Kết quả chờ trả" testId="waiting-results" dated="resultReady" onOpen={onOpen} />
          {waiting.total > waiting.rows.length ? <p className="muted">Còn {waiting.total - waiting.rows.length} hồ sơ nữa (xếp theo hạn trả); tìm theo tên, mã hồ sơ hoặc số định danh.</p> : null}
        </>
      )}
    </section>
  );
}
