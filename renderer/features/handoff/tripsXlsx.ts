// The trips report as an XLSX workbook, built in the page with exceljs (its browser bundle), loaded
// only when staff export so the counter's start-up does not pay for it.
import { newWorkbook, xlsxBytes } from '../../ui/files';
import { monthLabel, TRIPS_COLUMNS, type TripsRow } from './trips';

export async function tripsWorkbook(rows: readonly TripsRow[], title: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Chuyến bưu điện');
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(TRIPS_COLUMNS.map((c) => c.title));
  header.font = { bold: true };
  TRIPS_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  for (const row of rows) sheet.addRow(TRIPS_COLUMNS.map((c) => (c.key === 'month' ? monthLabel(row.month) : row[c.key])));
  const sum = (key: keyof TripsRow) => rows.reduce((total, r) => total + (r[key] as number), 0);
  sheet.addRow(['Tổng cộng', '', sum('outboundTrips'), sum('outboundDossiers'), sum('inboundTrips'), sum('inboundDossiers')]).font = { bold: true };
  return xlsxBytes(workbook);
}
