// Files staff take away: the statistics as XLSX, and the browser download of any generated file.
import type { Workbook } from 'exceljs';
import type { Period } from '../../../shared/calendar';
import type { DigitisationStats, TimelinessRow, TimelinessStats } from './reports';

type WorkbookCtor = typeof Workbook;

async function workbookCtor(): Promise<WorkbookCtor> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: WorkbookCtor; default?: { Workbook: WorkbookCtor } };
  return mod.Workbook ?? mod.default!.Workbook;
}

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
  const WorkbookClass = await workbookCtor();
  const wb = new WorkbookClass();
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
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function downloadBytes(bytes: Uint8Array, fileName: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
