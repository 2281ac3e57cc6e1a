// The province's view in Báo cáo, for the provincial administrator and supervisors (a center's own
// account sees its center): per center and for the province, today and for the period, from the
// server (GET /v1/admin/province), exportable as the server's CSV. Needs the server: it is the only
// place that holds every center's dossiers.
import { useCallback, useEffect, useState } from 'react';
import type { CenterFigures } from '../../../shared/domain';
import type { ProvinceReport } from '../../../shared/sync/protocol';
import { callServer } from '../../kiosk/api';
import { downloadBytes } from '../../ui/files';

const COLUMNS = ['Trung tâm', 'Tiếp nhận', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tỷ lệ đúng hạn', 'Số hóa đầy đủ', 'Đang chờ'] as const;

const rate = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1).replace('.', ',')}%` : '—');

function Cells({ f }: { f: CenterFigures }) {
  return (
    <>
      <td>{f.received}</td>
      <td>{f.early}</td>
      <td>{f.onTime}</td>
      <td>{f.late}</td>
      <td>{rate(f.early + f.onTime, f.early + f.onTime + f.late)}</td>
      <td>
        {f.digitised} ({rate(f.digitised, f.received)})
      </td>
      <td>{f.waiting}</td>
    </>
  );
}

function ProvinceTable({ caption, report, testId }: { caption: string; report: ProvinceReport; testId: string }) {
  return (
    <table className="report-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.centers.map((c) => (
          <tr key={c.id}>
            <td>
              {c.name} <span className="muted">({c.level === 'tinh' ? 'tỉnh' : 'xã'})</span>
            </td>
            <Cells f={c.figures} />
          </tr>
        ))}
        <tr className="total">
          <td>Toàn tỉnh</td>
          <Cells f={report.province} />
        </tr>
      </tbody>
    </table>
  );
}

export function ProvinceView({ serverUrl, token, from, to }: { serverUrl: string; token: string; from: string; to: string }) {
  const [reports, setReports] = useState<{ today: ProvinceReport; period: ProvinceReport }>();
  const [problem, setProblem] = useState<string>();
  const load = useCallback(async () => {
    try {
      const [today, period] = await Promise.all([
        callServer<ProvinceReport>(serverUrl, '/v1/admin/province', { token }),
        callServer<ProvinceReport>(serverUrl, `/v1/admin/province?from=${from}&to=${to}`, { token }),
      ]);
      setReports({ today, period });
      setProblem(undefined);
    } catch (error) {
      setProblem(`Chưa lấy được số liệu toàn tỉnh từ máy chủ: ${(error as Error).message}`);
    }
  }, [serverUrl, token, from, to]);
  useEffect(() => void load(), [load]);

  const exportCsv = async () => {
    try {
      const response = await fetch(new URL(`/v1/admin/province?from=${from}&to=${to}&format=csv`, serverUrl), { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`máy chủ trả lỗi ${response.status}`);
      downloadBytes(new Uint8Array(await response.arrayBuffer()), `toan-tinh-${from}-${to}.csv`, 'text/csv');
    } catch (error) {
      setProblem(`Chưa xuất được tệp: ${(error as Error).message}. Kiểm tra kết nối máy chủ rồi thử lại.`);
    }
  };

  return (
    <section aria-label="Toàn tỉnh" data-testid="province-view">
      <h2>Toàn tỉnh, theo trung tâm</h2>
      <p className="muted">Số liệu của máy chủ, tính theo trung tâm tiếp nhận hồ sơ (hồ sơ phi địa giới tính ở nơi tiếp nhận). Đang chờ: hồ sơ chưa trả, chưa từ chối, chưa dừng.</p>
      {problem ? (
        <p className="banner error" role="alert">
          {problem}
        </p>
      ) : null}
      {reports ? (
        <>
          <ProvinceTable caption={`Hôm nay, ${reports.today.period.label.replace(/^từ (.*) đến \1$/, '$1')}`} report={reports.today} testId="province-today" />
          <ProvinceTable caption={`Trong kỳ ${reports.period.period.label}`} report={reports.period} testId="province-period" />
          <button type="button" className="secondary" onClick={() => void exportCsv()}>
            Xuất số liệu toàn tỉnh (CSV, mở bằng Excel)
          </button>
        </>
      ) : null}
    </section>
  );
}
