// Reports for a period: early / on-time / late per department and procedure (table, chart, XLSX),
// the digitisation rate per department (table, XLSX), the register (Mẫu 06: A4 print and XLSX) and the officers with repeated unjustified delays.
import { useState, type FormEvent } from 'react';
import { vnDateKey } from '../../../shared/calendar';
import { useKiosk } from '../../kiosk/kiosk';
import { useSecurity } from '../../security/SecurityProvider';
import { DateField } from '../../ui/DateField';
import type { DeskContext } from '../../desk/context';
import { downloadBytes } from '../../ui/files';
import { digitisationRateText, DIGITISATION_COLUMNS, rateText, statsWorkbook, STATS_COLUMNS } from './exports';
import { periodOf, type Period } from '../../../shared/calendar';
import { registerDocument, registerEntries, registerFormNumber, registerWorkbook, type RegisterEntry } from './register';
import { allStates, digitisationStats, lateOfficersReport, timelinessStats, type DigitisationStats, type LateOfficer, type TimelinessRow, type TimelinessStats } from './reports';
import { RegisterTable } from './RegisterTable';
import { ReportTable } from './ReportTable';
import { QueueReportSection } from './QueueReportSection';
import { queueCalls } from '../../kiosk/queue';
import type { QueueReport } from '../../../shared/queue/report';
import { StatsChart } from './StatsChart';
import { ProvinceView } from './ProvinceView';

interface Report {
  period: Period;
  /** The days typed when the report was built (YYYY-MM-DD). */
  days: { from: string; to: string };
  stats: TimelinessStats;
  digitisation: DigitisationStats;
  register: RegisterEntry[];
  lateOfficers: LateOfficer[];
  /** The hall queue's report, or why it could not be read (its machine away); absent when this counter has no queue. */
  queue?: { report?: QueueReport; problem?: string };
}

function StatsTable({ caption, rows, total }: { caption: string; rows: TimelinessRow[]; total: TimelinessRow }) {
  return <ReportTable caption={caption} columns={STATS_COLUMNS} rows={rows} total={total} cells={(r) => [r.label, r.early, r.onTime, r.late, r.total, rateText(r)]} />;
}

function DigitisationTable({ stats }: { stats: DigitisationStats }) {
  return (
    <ReportTable
      caption="Tỷ lệ hồ sơ số hóa khi tiếp nhận, theo cơ quan giải quyết"
      columns={DIGITISATION_COLUMNS}
      rows={stats.byDepartment}
      total={stats.total}
      cells={(r) => [r.label, r.received, r.digitised, digitisationRateText(r.rate)]}
      testId="digitisation-rates"
    />
  );
}

export function ReportsView({ ctx }: { ctx: DeskContext }) {
  const { db, host, credential, officer } = useKiosk();
  // The province's view needs the server and a session of the province or of this center's administration.
  const provinceToken = officer.roles.some((r) => r === 'supervisor' || r === 'administrator') ? officer.sessionToken : undefined;
  const security = useSecurity();
  const today = vnDateKey(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [report, setReport] = useState<Report>();
  const [note, setNote] = useState<string>();

  /** Only a counter set to a hall queue asks it (the machine's settings, which Cài đặt may have changed since boot). */
  async function queueReport() {
    const machine = await host.settings.get().catch(() => undefined);
    return machine?.queue ? queueCalls(host, credential.counterIndex).report(from, to) : undefined;
  }

  async function build(e: FormEvent) {
    e.preventDefault();
    const p = periodOf(from, to);
    if (!p.ok) return setErrors({ [p.field]: p.message });
    setErrors({});
    const now = new Date();
    const [states, queue] = await Promise.all([allStates(db), queueReport()]);
    setReport({
      period: p.period,
      days: { from, to },
      stats: timelinessStats(states, p.period, now, ctx.departmentName),
      digitisation: digitisationStats(states, p.period, ctx.departmentName),
      register: await registerEntries(db, p.period, ctx.departmentName),
      lateOfficers: lateOfficersReport(states, p.period, now, ctx.departmentName),
      ...(queue ? { queue: queue.ok ? { report: queue.value } : { problem: `Chưa lấy được số liệu hàng chờ: ${queue.message}` } } : {}),
    });
  }

  // The register carries every applicant's address and phone in full: each print and export is in
  // the audit log, written before the paper or the file exists.
  const auditRegister = (action: 'print' | 'export', r: Report) => security.recordAccess({ action, field: 'sổ theo dõi hồ sơ', detail: `${r.register.length} hồ sơ, ${r.period.label}` });

  async function printRegister(r: Report) {
    await auditRegister('print', r);
    const queued = await ctx.print(registerDocument(r.register, r.period, ctx.config.agency, ctx.config.formSet), { role: 'form' });
    setNote(queued.ok ? 'Đã gửi in sổ theo dõi hồ sơ (khổ A4).' : queued.message);
  }

  return (
    <div className="reports">
      <form noValidate className="period" onSubmit={build} aria-label="Kỳ báo cáo">
        <DateField id="period-from" label="Từ ngày" value={from} onValue={setFrom} error={errors.from} />
        <DateField id="period-to" label="Đến ngày" value={to} onValue={setTo} error={errors.to} />
        <button type="submit" className="primary">
          Lập báo cáo <kbd>Enter</kbd>
        </button>
      </form>
      <p className="muted">Số liệu lấy từ các hồ sơ đang lưu trên máy này (hồ sơ đã trả quá thời hạn lưu giữ chỉ còn trên máy chủ).</p>
      {note ? (
        <p className="banner ok" role="status">
          {note}
        </p>
      ) : null}
      {report && provinceToken ? <ProvinceView serverUrl={credential.serverUrl} token={provinceToken} from={report.days.from} to={report.days.to} /> : null}
      {report ? (
        <>
          <section aria-label="Thống kê đúng hạn">
            <h2>Kết quả giải quyết {report.period.label}</h2>
            <StatsChart rows={report.stats.byDepartment} />
            <StatsTable caption="Theo cơ quan giải quyết" rows={report.stats.byDepartment} total={report.stats.total} />
            <StatsTable caption="Theo thủ tục" rows={report.stats.byProcedure} total={report.stats.total} />
            <button
              type="button"
              className="secondary"
              onClick={() => void statsWorkbook(report.stats, report.period, report.digitisation).then((b) => downloadBytes(b, `thong-ke-dung-han-${from}-${to}.xlsx`))}
            >
              Xuất thống kê ra Excel
            </button>
          </section>
          <section aria-label="Số hóa hồ sơ">
            <h2>Số hóa hồ sơ khi tiếp nhận {report.period.label}</h2>
            <p className="muted">
              Hồ sơ số hóa đầy đủ: mọi giấy tờ đã nhận đều có bản số hóa hoặc thuộc trường hợp không phải số hóa (có ghi lý do). Tính trên hồ sơ tiếp nhận tại mọi quầy của Trung tâm.
            </p>
            <DigitisationTable stats={report.digitisation} />
          </section>
          {report.queue ? <QueueReportSection report={report.queue.report} problem={report.queue.problem} period={report.period} fileTag={`${from}-${to}`} /> : null}
          <section aria-label="Công chức để chậm muộn">
            <h2>Công chức để hồ sơ quá hạn từ 2 lần trở lên không có lý do chính đáng</h2>
            {report.lateOfficers.length === 0 ? (
              <p className="muted">Không có công chức nào trong kỳ.</p>
            ) : (
              <table className="report-table" data-testid="late-officers">
                <thead>
                  <tr>
                    <th>Cơ quan</th>
                    <th>Công chức</th>
                    <th>Số hồ sơ</th>
                    <th>Mã hồ sơ</th>
                  </tr>
                </thead>
                <tbody>
                  {report.lateOfficers.map((o) => (
                    <tr key={`${o.departmentId}|${o.officer}`}>
                      <td>{o.departmentName}</td>
                      <td>{o.officer}</td>
                      <td>{o.dossierCodes.length}</td>
                      <td>{o.dossierCodes.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-label="Sổ theo dõi hồ sơ">
            <h2>
              Sổ theo dõi hồ sơ ({registerFormNumber(ctx.config.formSet)}) · {report.register.length} hồ sơ
            </h2>
            <div className="row">
              <button type="button" className="secondary" onClick={() => void printRegister(report)}>
                In sổ (A4)
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void auditRegister('export', report)
                    .then(() => registerWorkbook(report.register, report.period, ctx.config.agency))
                    .then((b) => downloadBytes(b, `so-theo-doi-ho-so-${from}-${to}.xlsx`))
                }
              >
                Xuất sổ ra Excel
              </button>
            </div>
            <RegisterTable entries={report.register} />
          </section>
        </>
      ) : null}
    </div>
  );
}
