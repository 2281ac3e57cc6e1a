// The statistics and the queue's report staff take away as XLSX.
import { RATING_LABELS, RATINGS } from '../../../shared/queue/model';
import type { QueueReport, RatingsRow, TimesRow } from '../../../shared/queue/report';
import { formatVietnamDateTime } from '../../../shared/domain/time';
import { newWorkbook, xlsxBytes } from '../../ui/files';
import type { Period } from '../../../shared/calendar';
import type { DigitisationStats, TimelinessRow, TimelinessStats } from './reports';

export const STATS_COLUMNS = ['Đơn vị / thủ tục', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng', 'Tỷ lệ đúng hạn (%)'] as const;

export const DIGITISATION_COLUMNS = ['Cơ quan giải quyết', 'Hồ sơ tiếp nhận', 'Đã số hóa đầy đủ', 'Tỷ lệ số hóa (%)'] as const;

/** A 0–1 share as a percentage with one decimal, the way the scorecard reports it. */
const percent = (share: number) => Math.round(share * 1000) / 10;

export function rateText(r: TimelinessRow): string {
  return r.onTimeRate === undefined ? '' : percent(r.onTimeRate).toLocaleString('vi-VN');
}

export function digitisationRateText(rate: number | undefined): string {
  return rate === undefined ? '' : percent(rate).toLocaleString('vi-VN');
}

export async function statsWorkbook(stats: TimelinessStats, period: Period, digitisation: DigitisationStats): Promise<Uint8Array> {
  const wb = await newWorkbook();
  for (const [name, rows] of [
    ['Theo cơ quan', stats.byDepartment],
    ['Theo thủ tục', stats.byProcedure],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`Thống kê giải quyết hồ sơ ${period.label}`]).font = { bold: true };
    ws.addRow([...STATS_COLUMNS]).font = { bold: true };
    for (const r of [...rows, stats.total]) ws.addRow([r.label, r.early, r.onTime, r.late, r.total, r.onTimeRate === undefined ? '' : percent(r.onTimeRate)]);
    ws.getColumn(1).width = 60;
  }
  const ws = wb.addWorksheet('Số hóa');
  ws.addRow([`Tỷ lệ hồ sơ số hóa khi tiếp nhận ${period.label}`]).font = { bold: true };
  ws.addRow([...DIGITISATION_COLUMNS]).font = { bold: true };
  for (const r of [...digitisation.byDepartment, digitisation.total]) ws.addRow([r.label, r.received, r.digitised, r.rate === undefined ? '' : percent(r.rate)]);
  ws.getColumn(1).width = 60;
  return xlsxBytes(wb);
}

export const QUEUE_TIMES_COLUMNS = ['Lĩnh vực / quầy', 'Số lượt', 'Đã phục vụ', 'Bỏ qua', 'Chờ trung bình (phút)', 'Phục vụ trung bình (phút)'] as const;
export const RATING_COLUMNS = ['Công chức / quầy', ...RATINGS.map((r) => RATING_LABELS[r]), 'Tổng lượt', 'Tỷ lệ hài lòng (%)'] as const;

export const minutesText = (m: number | undefined) => (m === undefined ? '' : m.toLocaleString('vi-VN'));
export const satisfiedText = (r: RatingsRow) => (r.satisfied === undefined ? '' : percent(r.satisfied).toLocaleString('vi-VN'));
export const timesCells = (r: TimesRow) => [r.label, r.issued, r.served, r.skipped, r.waitMinutes ?? '', r.serveMinutes ?? ''];
export const ratingCells = (r: RatingsRow) => [r.label, ...RATINGS.map((x) => r.counts[x]), r.total, r.satisfied === undefined ? '' : percent(r.satisfied)];

/** The queue's times and the citizens' ratings for a period, with every rating and what it is tied to (the scorecard's source). */
export async function queueWorkbook(report: QueueReport, period: Period): Promise<Uint8Array> {
  const wb = await newWorkbook();
  const sheets: [string, string, readonly (string | number)[], (string | number)[][]][] = [
    ['Chờ theo lĩnh vực', 'Thời gian chờ và phục vụ theo lĩnh vực', QUEUE_TIMES_COLUMNS, [...report.byLine, report.total].map(timesCells)],
    ['Chờ theo quầy', 'Thời gian chờ và phục vụ theo quầy', QUEUE_TIMES_COLUMNS, [...report.byCounter, report.total].map(timesCells)],
    ['Đánh giá theo công chức', 'Đánh giá theo công chức', RATING_COLUMNS, [...report.ratingsByOfficer, report.ratingsTotal].map(ratingCells)],
    ['Đánh giá theo quầy', 'Đánh giá theo quầy', RATING_COLUMNS, [...report.ratingsByCounter, report.ratingsTotal].map(ratingCells)],
  ];
  for (const [name, title, columns, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${title} ${period.label}`]).font = { bold: true };
    ws.addRow([...columns]).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.getColumn(1).width = 45;
  }
  const ws = wb.addWorksheet('Từng lượt đánh giá');
  ws.addRow(['Thời điểm', 'Số thứ tự', 'Quầy', 'Công chức', 'Mức đánh giá', 'Góp ý', 'Hồ sơ']).font = { bold: true };
  for (const r of report.ratings) ws.addRow([formatVietnamDateTime(r.at), r.number, r.counter, r.officer.name, RATING_LABELS[r.rating], r.reason, r.dossiers.join(', ')]);
  ws.getColumn(4).width = 30;
  ws.getColumn(6).width = 40;
  ws.getColumn(7).width = 30;
  return xlsxBytes(wb);
}
