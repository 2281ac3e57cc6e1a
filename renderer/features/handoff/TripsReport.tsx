// "Báo cáo chuyến": trips and dossiers per department and month, both directions, exportable as
// XLSX for reconciliation with the post office.
import { useEffect, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { downloadBytes } from '../../ui/files';
import { listBatches } from './batch';
import { monthLabel, TRIPS_COLUMNS, tripsReport, type TripsRow } from './trips';
import { tripsWorkbook } from './tripsXlsx';

export function TripsReport({ departmentName, centerName }: { departmentName(id: string): string; centerName?(code: string): string }) {
  const { db, credential } = useKiosk();
  const [rows, setRows] = useState<TripsRow[]>();
  const [note, setNote] = useState<string>();
  useEffect(() => void listBatches(db).then((batches) => setRows(tripsReport(batches, departmentName, centerName))), [db, departmentName, centerName]);

  const exportXlsx = async () => {
    if (!rows) return;
    try {
      const title = `Báo cáo chuyến bưu điện – ${credential.counterName}`;
      const bytes = await tripsWorkbook(rows, title);
      downloadBytes(bytes, `bao-cao-chuyen-${credential.counterId}.xlsx`);
      setNote('Đã tạo tệp Excel báo cáo chuyến.');
    } catch (e) {
      setNote(`Không tạo được tệp Excel: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  if (!rows) return null;
  return (
    <section className="trips-report" aria-label="Báo cáo chuyến">
      <p className="hint">Số chuyến và số hồ sơ theo cơ quan, theo tháng, cả hai chiều, để đối chiếu với bưu điện. Tính các lô đã đóng tại quầy này.</p>
      <button type="button" className="primary" onClick={() => void exportXlsx()} disabled={rows.length === 0}>
        Xuất Excel (XLSX)
      </button>
      {note ? <p role="status">{note}</p> : null}
      {rows.length === 0 ? (
        <p className="hint">Chưa có chuyến nào.</p>
      ) : (
        <table className="batch-list" data-testid="trips-table">
          <thead>
            <tr>
              {TRIPS_COLUMNS.map((c) => (
                <th key={c.key}>{c.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.month}|${r.departmentId}`}>
                {TRIPS_COLUMNS.map((c) => (
                  <td key={c.key}>{c.key === 'month' ? monthLabel(r.month) : r[c.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
