// The catalogue as a file: read an administrator's CSV or XLSX into rows (the server checks and
// previews them), and write the catalogue back in the same format (CSV for any spreadsheet, XLSX).
import { catalogueRows, formatCsv, parseCsv, worksheetRows, type Procedure } from '../../../../shared/catalogue';
import { newWorkbook, xlsxBytes } from '../../../ui/files';

export type CatalogueFile = { rows: string[][] } | { error: string };

const isXlsx = (name: string) => /\.xlsx$/i.test(name);
const isCsv = (name: string) => /\.(csv|txt)$/i.test(name);

export async function readCatalogueFile(file: File): Promise<CatalogueFile> {
  if (isXlsx(file.name)) {
    const workbook = await newWorkbook();
    try {
      await workbook.xlsx.load(await file.arrayBuffer());
    } catch {
      return { error: `Tệp ${file.name} không đọc được như một tệp Excel (.xlsx). Mở lại trong Excel và lưu dạng "Excel Workbook (.xlsx)".` };
    }
    const rows = worksheetRows(workbook as unknown as Parameters<typeof worksheetRows>[0]);
    if (rows.length === 0) return { error: `Tệp ${file.name} không có trang tính nào có dữ liệu; dòng đầu tiên phải là tiêu đề cột.` };
    return { rows };
  }
  if (isCsv(file.name)) {
    const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
    if (text.includes('\uFFFD')) return { error: `Tệp ${file.name} không phải văn bản UTF-8. Trong Excel chọn Lưu thành → "CSV UTF-8 (phân cách bằng dấu phẩy)".` };
    const { rows, error } = parseCsv(text);
    if (error) return { error: `Tệp ${file.name} hỏng ở ${error.message}` };
    if (rows.length === 0) return { error: `Tệp ${file.name} trống.` };
    return { rows };
  }
  return { error: `Tệp ${file.name} không phải CSV hay Excel (.xlsx). Chọn tệp có đuôi .csv hoặc .xlsx.` };
}

/** The catalogue as CSV, with a BOM so Excel opens the Vietnamese text as UTF-8. */
export function catalogueCsv(procedures: readonly Procedure[]): string {
  return sheetCsv(catalogueRows(procedures));
}

export async function catalogueXlsx(procedures: readonly Procedure[]): Promise<Uint8Array<ArrayBuffer>> {
  // The code column as text, so Excel never turns 1.012790 into 1.01279.
  return sheetXlsx('Danh mục thủ tục', catalogueRows(procedures), [24, 60, 24, 40, 14, 24, 30, 80, 20, 26, 12]);
}

/** Rows (the header first, in bold and frozen) as an .xlsx of one sheet; the first column as text. */
export async function sheetXlsx(sheetName: string, rows: readonly (readonly string[])[], widths: readonly number[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName);
  const [header, ...body] = rows;
  sheet.addRow([...header!]).font = { bold: true };
  for (const row of body) sheet.addRow([...row]);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getColumn(1).numFmt = '@';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return xlsxBytes(workbook);
}

/** Rows as CSV, with a BOM so Excel opens the Vietnamese text as UTF-8. */
export function sheetCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${formatCsv(rows)}`;
}
