import type { CatalogueImport, CatalogueImportOptions } from './import';
import { parseCatalogueRows } from './import';

/**
 * The part of an exceljs Workbook this module reads, typed structurally so that shared/ needs no
 * exceljs import: the caller (Node or browser) loads the file and passes the workbook in.
 */
export type WorksheetLike = {
  name: string;
  /** exceljs: a sparse array indexed from 1, each row a sparse array of cell values indexed from 1. */
  getSheetValues(): unknown[];
};
export type WorkbookLike = { worksheets: readonly WorksheetLike[] };

const NATIONAL_CODE_DECIMALS = 6;

/** Text of one exceljs cell value: plain values, rich text, formulas (their result), hyperlinks, dates. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText.map((run: unknown) => cellText((run as { text?: unknown }).text)).join('');
    }
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return String(value);
}

/** Rows of one worksheet (the first by default) as text, ready for `parseCatalogueRows`. */
export function worksheetRows(workbook: WorkbookLike, sheet: number | string = 0): string[][] {
  const worksheet = typeof sheet === 'number' ? workbook.worksheets[sheet] : workbook.worksheets.find((w) => w.name === sheet);
  if (!worksheet) return [];
  const values = worksheet.getSheetValues();
  const rows: string[][] = [];
  // exceljs leaves holes for empty rows; keep them as blank rows so row numbers match the sheet.
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const cells: unknown[] = Array.isArray(row) ? row : [];
    const texts: string[] = [];
    for (let c = 1; c < cells.length; c++) texts.push(cellText(cells[c]));
    rows.push(texts);
  }
  fixNumericCodes(rows, values);
  return rows;
}

/**
 * Excel turns a code typed as 1.012790 into the number 1.01279, dropping the trailing zero.
 * A numeric cell in the `code` column is therefore written back with the code's six decimals.
 */
function fixNumericCodes(rows: string[][], values: unknown[]): void {
  const codeColumn = (rows[0] ?? []).findIndex((h) => h.trim().toLowerCase() === 'code');
  if (codeColumn < 0) return;
  for (let r = 1; r < rows.length; r++) {
    const raw = (values[r + 1] as unknown[] | undefined)?.[codeColumn + 1];
    const texts = rows[r] as string[];
    if (typeof raw === 'number' && raw > 0 && raw < 10) texts[codeColumn] = raw.toFixed(NATIONAL_CODE_DECIMALS);
  }
}

/** Parses a catalogue workbook (first sheet unless told) with the same rules as the CSV import. */
export function parseCatalogueWorkbook(workbook: WorkbookLike, opts: CatalogueImportOptions & { sheet?: number | string } = {}): CatalogueImport {
  const rows = worksheetRows(workbook, opts.sheet ?? 0);
  if (rows.length === 0) {
    return {
      procedures: [],
      departments: [],
      errors: [{ row: 1, message: 'Không tìm thấy trang tính có dữ liệu trong tệp Excel; dòng đầu tiên phải là tiêu đề cột.' }],
    };
  }
  return parseCatalogueRows(rows, opts);
}
