// Events the server refused for good (a broken character, a field it does not know), set aside at
// this counter by the sync client so the rest of its work keeps flowing. Kept here, never sent
// again; the supervisor reads why and has the action recorded again if it is still needed.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { useNames } from '../../kiosk/names';
import { PanelHeader } from '../../ui/PanelHeader';
import { listSetAside, type SetAsideView } from './conflicts';

export function SetAsideEvents() {
  const { db } = useKiosk();
  const names = useNames();
  const [rows, setRows] = useState<SetAsideView[]>([]);

  useEffect(() => {
    const subscription = liveQuery(() => listSetAside(db, names)).subscribe({ next: setRows, error: () => setRows([]) });
    return () => subscription.unsubscribe();
  }, [db, names]);

  if (rows.length === 0) return null;
  return (
    <section className="supervisor-panel conflicts panel" aria-labelledby="set-aside-title">
      <PanelHeader titleId="set-aside-title" title={`Cần xử lý: thao tác máy chủ không nhận (${rows.length})`} />
      <p className="banner warn" role="status">
        Máy chủ Trung tâm đã từ chối hẳn các thao tác dưới đây, nên quầy không gửi lại nữa; các thao tác khác của quầy vẫn được gửi bình thường. Dữ liệu vẫn được giữ ở máy quầy này.
      </p>
      <table className="supervisor-table conflict-table">
        <thead>
          <tr>
            <th scope="col">Mã hồ sơ</th>
            <th scope="col">Lý do bị từ chối</th>
            <th scope="col">Cán bộ</th>
            <th scope="col">Ghi nhận lúc</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.eventId}>
              <td className="code">{r.dossierCode}</td>
              <td>
                <strong>{r.action}</strong>
                <br />
                {r.reason}
              </td>
              <td>{r.officer}</td>
              <td>{r.recordedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
