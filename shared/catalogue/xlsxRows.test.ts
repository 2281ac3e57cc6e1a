import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { parseCatalogueCsv, REQUIRED_COLUMNS } from './import';
import { cellText, parseCatalogueWorkbook, worksheetRows } from './xlsxRows';

const demoCsv = readFileSync(new URL('../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8');

/** Writes the workbook to an .xlsx buffer and loads it back, as an administrator's upload would arrive. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buffer);
  return loaded;
}

describe('XLSX import through exceljs', () => {
  it('imports the demo catalogue saved as .xlsx exactly as the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    for (const row of parseCsv(demoCsv).rows) sheet.addRow(row);
    const fromXlsx = parseCatalogueWorkbook(await roundTrip(workbook), { demo: true });
    const fromCsv = parseCatalogueCsv(demoCsv, { demo: true });
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.procedures).toHaveLength(41);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it('reads numbers, rich text, formulas and hyperlinks, and restores codes Excel made numeric', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['không phải danh mục']);
    const sheet = workbook.addWorksheet('Thủ tục');
    sheet.addRow([...REQUIRED_COLUMNS]);
    sheet.addRow([
      1.01279,
      { richText: [{ text: 'Đính chính ' }, { text: 'Giấy chứng nhận', font: { bold: true } }] },
      'Đất đai',
      'Văn phòng Đăng ký đất đai',
      { formula: '9*2', result: 18 },
      50000,
      null,
      'Đơn (bản chính 1, bản sao 0)',
      { text: 'Cổng DVCQG', hyperlink: 'https://dichvucong.gov.vn' },
    ]);
    sheet.addRow([]);
    sheet.addRow(['1.000426', 'Cấp thẻ tư vấn viên pháp luật', 'Tư vấn pháp luật', 'Sở Tư pháp', 'abc', 0, '', '', '']);
    const loaded = await roundTrip(workbook);

    expect(worksheetRows(loaded, 'Thủ tục')[1]?.slice(0, 6)).toEqual(['1.012790', 'Đính chính Giấy chứng nhận', 'Đất đai', 'Văn phòng Đăng ký đất đai', '18', '50000']);
    const { procedures, errors } = parseCatalogueWorkbook(loaded, { sheet: 'Thủ tục' });
    expect(procedures).toHaveLength(1);
    expect(procedures[0]).toMatchObject({
      code: '1.012790',
      name: 'Đính chính Giấy chứng nhận',
      processingDays: 18,
      fees: [{ name: 'Phí, lệ phí', amount: 50000 }],
      source: 'Cổng DVCQG',
      departmentId: 'van-phong-dang-ky-dat-dai',
    });
    // The blank sheet row is kept, so the error names the row the administrator sees in Excel.
    expect(errors).toEqual([{ row: 4, column: 'processing_days', message: "Dòng 4, cột processing_days: 'abc' không phải là số ngày làm việc." }]);
  });

  it('reports a workbook without the named sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRow([...REQUIRED_COLUMNS]);
    const result = parseCatalogueWorkbook(await roundTrip(workbook), { sheet: 'Không có' });
    expect(result.procedures).toEqual([]);
    expect(result.errors[0]?.message).toContain('Không tìm thấy trang tính');
  });
});

describe('cellText', () => {
  it('turns exceljs cell values into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(42)).toBe('42');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2026, 0, 12)))).toBe('2026-01-12');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
  });
});
