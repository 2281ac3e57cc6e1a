import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv';
import { catalogueRows } from './export';
import { parseCatalogueCsv, parseCatalogueRows } from './import';
import { planCatalogueImport } from './importPlan';

const demoCsv = readFileSync(new URL('../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8');

describe('catalogue export', () => {
  it('writes the demo catalogue in the import format and reads back the same procedures', () => {
    const first = parseCatalogueCsv(demoCsv, { demo: true });
    expect(first.errors).toEqual([]);
    const again = parseCatalogueCsv(formatCsv(catalogueRows(first.procedures)), { demo: true });
    expect(again.errors).toEqual([]);
    const byCode = (ps: typeof first.procedures) => [...ps].sort((a, b) => a.code.localeCompare(b.code));
    expect(byCode(again.procedures)).toEqual(byCode(first.procedures));
    expect(planCatalogueImport(again, first.procedures)).toMatchObject({ added: [], changed: [], unchanged: first.procedures.length, untouched: 0 });
  });

  it('keeps hours, several fees, unknown amounts, notes, collection methods and receiving levels', () => {
    const rows = [
      ['code', 'name', 'field', 'agency', 'processing_days', 'fee_vnd', 'fee_note', 'documents', 'source', 'collection_methods', 'form_version', 'receiving_levels'],
      [
        '1.000001',
        'Thủ tục giờ',
        'Tư pháp',
        'Chủ tịch UBND tỉnh (thẩm quyền); Sở Tư pháp (thực hiện)',
        '4 giờ',
        'Lệ phí: 50000 | Phí thẩm định:',
        'ghi chú',
        'Tờ khai (bản chính 1, bản sao 0) | Giấy tờ khác (nếu có) | (các thành phần còn lại: đoạn trích bị cắt)',
        'kiểm thử',
        'Trực tuyến',
        '2018',
        'tỉnh; xã',
      ],
      ['1.000002', 'Thủ tục không phí', '', '', '0,5', '0', '', '', '', '', '', 'Cấp xã'],
      ['1.000003', 'Thủ tục phí chưa rõ', 'Đất đai', 'Sở Tài chính', '', '', '', '', '', '', '', ''],
    ];
    const first = parseCatalogueRows(rows);
    expect(first.errors).toEqual([]);
    expect(first.procedures.map((p) => p.receivingLevels)).toEqual([['province', 'commune'], ['commune'], undefined]);
    const back = parseCatalogueRows(catalogueRows(first.procedures));
    expect(back).toEqual(first);
  });
});

describe('planCatalogueImport', () => {
  it('tells added, changed, unchanged and untouched procedures and those without a processing time', () => {
    const existing = parseCatalogueCsv(demoCsv).procedures;
    const [kept, edited, ...rest] = existing;
    const rows = catalogueRows([kept!, { ...edited!, name: `${edited!.name} (sửa)` }]);
    rows.push(['1.999999', 'Thủ tục mới', 'Tư pháp', 'Sở Tư pháp', '', '0', '', 'Tờ khai (bản chính 1, bản sao 0)', 'kiểm thử', '', '']);
    const plan = planCatalogueImport(parseCatalogueRows(rows), existing);
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.changed).toEqual([{ code: edited!.code, name: `${edited!.name} (sửa)` }]);
    expect(plan.added).toEqual([{ code: '1.999999', name: 'Thủ tục mới' }]);
    expect(plan.untouched).toBe(rest.length);
    expect(plan.needsAttention.map((p) => p.code)).toContain('1.999999');
  });
});

describe('receiving levels', () => {
  it('are optional, and an unknown level is the row’s error', () => {
    const header = ['code', 'name', 'field', 'agency', 'processing_days', 'fee_vnd', 'fee_note', 'documents', 'source', 'receiving_levels'];
    const { procedures, errors } = parseCatalogueRows([header, ['1.000009', 'Thủ tục', '', '', '5', '0', '', '', '', 'cấp huyện']]);
    expect(procedures).toEqual([]);
    expect(errors).toEqual([
      {
        row: 2,
        column: 'receiving_levels',
        message: "Dòng 2, cột receiving_levels: 'cấp huyện' có cấp tiếp nhận không rõ; dùng 'Cấp tỉnh', 'Cấp xã' hoặc cả hai, cách nhau bằng dấu phẩy.",
      },
    ]);
  });
});
