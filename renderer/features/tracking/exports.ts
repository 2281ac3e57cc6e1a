// Files staff take away: the statistics as XLSX, and the browser download of any generated file.
import type { Workbook } from 'exceljs';
import type { Period } from './period';
import type { TimelinessRow, TimelinessStats } from './reports';

type WorkbookCtor = typeof Workbook;

async function workbookCtor(): Promise<WorkbookCtor> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: WorkbookCtor; default?: { Workbook: WorkbookCtor } };
  return mod.Workbook ?? mod.default!.Workbook;
}

export const STATS_COLUMNS = ['Đơn vị / thủ tục', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng', 'Tỷ lệ đúng hạn (%)'] as const;

export function rateText(r: TimelinessRow): string {
  return r.onTimeRate === undefined ? '' : (Math.round(r.onTimeRate * 1000) / 10).toLocaleString('vi-VN');
}

export async function statsWorkbook(stats: TimelinessStats, period: Period): Promise<Uint8Array> {
  const WorkbookClass = await workbookCtor();
  const wb = new WorkbookClass();
  for (const [name, rows] of [
    ['Theo cơ quan', stats.byDepartment],
    ['Theo thủ tục', stats.byProcedure],
  ] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`Thống kê giải quyết hồ sơ ${period.label}`]).font = { bold: true };
    ws.addRow([...STATS_COLUMNS]).font = { bold: true };
    for (const r of [...rows, stats.total]) ws.addRow([r.label, r.early, r.onTime, r.late, r.total, r.onTimeRate === undefined ? '' : Math.round(r.onTimeRate * 1000) / 10]);
    ws.getColumn(1).width = 60;
  }
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
