// Files staff take away or bring in: the one loader of exceljs (its browser bundle, loaded only when
// a sheet is written or read, so no screen pays for it at start) and the browser download.
import type { Workbook } from 'exceljs';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A new exceljs Workbook; the module is fetched on first use. */
export async function newWorkbook(): Promise<Workbook> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: typeof Workbook; default?: { Workbook: typeof Workbook } };
  const WorkbookClass = mod.Workbook ?? mod.default!.Workbook;
  return new WorkbookClass();
}

/** The workbook as .xlsx bytes on their own ArrayBuffer (what Blob accepts, whatever buffer exceljs wrote into). */
export async function xlsxBytes(workbook: Workbook): Promise<Uint8Array<ArrayBuffer>> {
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const bytes = new Uint8Array(written.byteLength);
  bytes.set(written);
  return bytes;
}

export function downloadBytes(bytes: Uint8Array | string, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
