// This counter's audit log of personal data: recent entries and whether they reached the server.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { formatVietnamDateTime } from '../../shared/domain/time';
import { useKiosk } from '../kiosk/kiosk';
import { AUDIT_ACTION_LABELS, recentAudit, type ListedAuditEntry } from './audit';
import { useSecurity } from './SecurityProvider';

const FIELD_LABELS: Record<string, string> = { idNumber: 'Số định danh', phone: 'Số điện thoại' };

export function AuditPanel() {
  const { db } = useKiosk();
  const { lastPush } = useSecurity();
  const [rows, setRows] = useState<ListedAuditEntry[]>([]);
  useEffect(() => {
    const subscription = liveQuery(() => recentAudit(db, 20)).subscribe({ next: setRows });
    return () => subscription.unsubscribe();
  }, [db]);
  const pending = rows.filter((r) => !r.acked).length;

  return (
    <section className="settings-panel" aria-labelledby="audit-title">
      <h2 id="audit-title">Nhật ký truy cập dữ liệu cá nhân</h2>
      <p className="hint">
        Mỗi lần cán bộ xem đầy đủ, in đầy đủ hoặc xuất số định danh, số điện thoại của người dân đều được ghi lại và gửi về máy chủ Trung tâm.
        {pending > 0 ? ` Còn ${pending} dòng chưa gửi được; máy quầy tự gửi lại.` : ''}
      </p>
      {lastPush && !lastPush.ok && <p className="banner warn">{lastPush.message}</p>}
      {rows.length === 0 ? (
        <p className="hint">Chưa có lượt truy cập nào tại quầy này.</p>
      ) : (
        <table className="queue-table">
          <thead>
            <tr>
              <th scope="col">Lúc</th>
              <th scope="col">Cán bộ</th>
              <th scope="col">Thao tác</th>
              <th scope="col">Hồ sơ</th>
              <th scope="col">Đã gửi máy chủ</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ entry, acked }) => (
              <tr key={entry.id}>
                <td>{formatVietnamDateTime(entry.at)}</td>
                <td>{entry.officerName ?? entry.officerId}</td>
                <td>
                  {AUDIT_ACTION_LABELS[entry.action]} {FIELD_LABELS[entry.field]?.toLowerCase() ?? entry.field}
                </td>
                <td>{entry.dossierCode ?? entry.dossierId ?? '—'}</td>
                <td>{acked ? 'Đã gửi' : 'Chưa gửi'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
