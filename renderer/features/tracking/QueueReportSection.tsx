// Theo dõi › Báo cáo: the hall queue's waiting and serving times per field and per counter, and the
// citizens' ratings per officer and per counter, read from the queue service; exportable to Excel.
import { RATING_LABELS, RATINGS } from '../../../shared/queue/model';
import type { QueueReport, RatingsRow, TimesRow } from '../../../shared/queue/report';
import { downloadBytes } from '../../ui/files';
import { minutesText, QUEUE_TIMES_COLUMNS, queueWorkbook, RATING_COLUMNS, satisfiedText } from './exports';
import type { Period } from '../../../shared/calendar';
import { ReportTable } from './ReportTable';

const timesOnScreen = (r: TimesRow) => [r.label, r.issued, r.served, r.skipped, minutesText(r.waitMinutes), minutesText(r.serveMinutes)];
const ratingsOnScreen = (r: RatingsRow) => [r.label, ...RATINGS.map((x) => r.counts[x]), r.total, satisfiedText(r)];

export function QueueReportSection({ report, problem, period, fileTag }: { report?: QueueReport; problem?: string; period: Period; fileTag: string }) {
  return (
    <section aria-label="Hàng chờ và đánh giá">
      <h2>Hàng chờ và đánh giá của công dân {period.label}</h2>
      {problem ? (
        <p className="banner warning" role="alert">
          {problem}
        </p>
      ) : null}
      {report ? (
        <>
          <ReportTable caption="Thời gian chờ và phục vụ theo lĩnh vực" columns={QUEUE_TIMES_COLUMNS} rows={report.byLine} total={report.total} cells={timesOnScreen} testId="queue-by-line" />
          <ReportTable caption="Thời gian chờ và phục vụ theo quầy" columns={QUEUE_TIMES_COLUMNS} rows={report.byCounter} total={report.total} cells={timesOnScreen} testId="queue-by-counter" />
          <ReportTable caption="Đánh giá theo công chức" columns={RATING_COLUMNS} rows={report.ratingsByOfficer} total={report.ratingsTotal} cells={ratingsOnScreen} testId="ratings-by-officer" />
          <ReportTable caption="Đánh giá theo quầy" columns={RATING_COLUMNS} rows={report.ratingsByCounter} total={report.ratingsTotal} cells={ratingsOnScreen} testId="ratings-by-counter" />
          <p className="muted">
            {report.ratings.length} lượt đánh giá ({RATINGS.map((r) => `${RATING_LABELS[r].toLowerCase()}: ${report.ratingsTotal.counts[r]}`).join(', ')}); bảng Excel có từng lượt với công chức, quầy,
            số thứ tự và hồ sơ.
          </p>
          <button type="button" className="secondary" onClick={() => void queueWorkbook(report, period).then((b) => downloadBytes(b, `hang-cho-danh-gia-${fileTag}.xlsx`))}>
            Xuất hàng chờ và đánh giá ra Excel
          </button>
        </>
      ) : null}
    </section>
  );
}
