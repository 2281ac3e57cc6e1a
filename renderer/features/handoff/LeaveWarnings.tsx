// Dossiers waiting at the Center that are late leaving, or must leave today (DOMAIN.md: the same
// day when received before 15:00, the start of the next working day when after).
import { useEffect, useState } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import { useKiosk } from '../../kiosk/kiosk';
import { dossiersInStatus, type DossierRow } from '../../db';
import { notHeldHere } from './centers';
import type { HandoffSetup } from './useHandoffSetup';
import { leaveWarnings, type LeaveWarning } from './warnings';

export function LeaveWarnings({ setup }: { setup: HandoffSetup }) {
  const { db } = useKiosk();
  const [warnings, setWarnings] = useState<LeaveWarning<DossierRow>[]>();
  useEffect(() => {
    // A dossier received across boundaries leaves from the center holding it, not from every center on its route.
    void dossiersInStatus(db, 'received')
      .filter((r) => notHeldHere(r.state, setup.ownCenter, setup.centerName) === undefined)
      .toArray()
      .then((waiting) => setWarnings(leaveWarnings(waiting, (r) => r.state.receivedAt, setup.catalogue.calendar, new Date())));
  }, [db, setup]);
  if (!warnings) return null;
  if (warnings.length === 0) return <p className="hint">Không có hồ sơ nào chậm chuyển đi.</p>;
  return (
    <section className="leave-warnings" aria-label="Hồ sơ cần chuyển đi" data-testid="leave-warnings">
      <h3>Hồ sơ cần chuyển đi ({warnings.length})</h3>
      <table className="batch-list">
        <thead>
          <tr>
            <th>Mã hồ sơ</th>
            <th>Cơ quan giải quyết</th>
            <th>Tiếp nhận lúc</th>
            <th>Phải chuyển trước</th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((w) => (
            <tr key={w.item.id} className={w.level}>
              <td className="code">{w.item.code}</td>
              <td>{setup.departmentName(w.item.departmentId)}</td>
              <td>{w.item.state.receivedAt ? formatVietnamDateTime(w.item.state.receivedAt) : ''}</td>
              <td>
                {formatVietnamDateTime(w.leaveBy.toISOString())} · {w.level === 'late' ? 'đã quá giờ chuyển' : 'phải chuyển hôm nay'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
