import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv';
import { parseCatalogueCsv, parseCatalogueRows, REQUIRED_COLUMNS } from './import';
import { hasUnknownFee, isProcedureComplete, totalKnownFee } from './model';

type Row = Partial<Record<(typeof REQUIRED_COLUMNS)[number] | 'collection_methods' | 'form_version', string>>;

const complete: Row = {
  code: '1.012790',
  name: 'Đính chính Giấy chứng nhận đã cấp.',
  field: 'Đất đai',
  agency: 'Sở Tài chính',
  processing_days: '18',
  fee_vnd: '0',
  fee_note: '',
  documents: 'Bản gốc Giấy chứng nhận đã cấp (bản chính 1, bản sao 1)',
  source: 'kiểm thử',
};

function csv(rows: Row[], extraColumns: string[] = []): string {
  const header = [...REQUIRED_COLUMNS, ...extraColumns];
  return formatCsv([header, ...rows.map((r) => header.map((h) => r[h as keyof Row] ?? ''))]);
}

describe('parseCatalogueCsv: values', () => {
  it('reads a complete row into a procedure', () => {
    const { procedures, departments, errors } = parseCatalogueCsv(csv([complete]));
    expect(errors).toEqual([]);
    expect(procedures).toHaveLength(1);
    const p = procedures[0]!;
    expect(p).toMatchObject({
      code: '1.012790',
      localCode: '1.012790.000.00.00.H41',
      departmentId: 'so-tai-chinh',
      departmentName: 'Sở Tài chính',
      agencyNote: '',
      processingDays: 18,
      fees: [],
      documents: [{ name: 'Bản gốc Giấy chứng nhận đã cấp', originals: 1, copies: 1 }],
      collectionMethods: ['desk', 'post'],
      formVersion: '2025',
      demo: false,
      incomplete: [],
    });
    expect(isProcedureComplete(p)).toBe(true);
    expect(departments).toEqual([{ id: 'so-tai-chinh', name: 'Sở Tài chính', shortName: 'Sở Tài chính' }]);
  });

  it('keeps the localised code given and derives the national one from it', () => {
    const { procedures } = parseCatalogueCsv(csv([{ ...complete, code: '1.004623.000.00.00.H41' }]));
    expect(procedures[0]).toMatchObject({ code: '1.004623', localCode: '1.004623.000.00.00.H41' });
  });

  it('derives the localised code with the configured province code', () => {
    const { procedures } = parseCatalogueCsv(csv([complete]), { provinceCode: 'H40' });
    expect(procedures[0]?.localCode).toBe('1.012790.000.00.00.H40');
  });

  it('accepts blank cells and lists what is missing, inventing nothing', () => {
    const row: Row = { code: '1.012944', name: 'Thành lập trường trung học phổ thông' };
    const { procedures, errors } = parseCatalogueCsv(csv([row]));
    expect(errors).toEqual([]);
    const p = procedures[0]!;
    expect(p.incomplete).toEqual(['Lĩnh vực', 'Cơ quan giải quyết', 'Thời hạn giải quyết', 'Thành phần hồ sơ']);
    expect(p.processingDays).toBeNull();
    expect(p.departmentId).toBe('');
    expect(p.documents).toEqual([]);
    expect(p.fees).toEqual([{ name: 'Phí, lệ phí', amount: null }]);
    expect(hasUnknownFee(p)).toBe(true);
  });

  it('reads fee amounts: zero is no fee, grouped thousands, several named lines', () => {
    const rows: Row[] = [
      { ...complete, code: '2.000001', fee_vnd: '50.000' },
      { ...complete, code: '2.000002', fee_vnd: 'Lệ phí đăng ký: 50000 | Phí công bố: 100 000 đ' },
      { ...complete, code: '2.000003', fee_vnd: '1,000,000' },
      { ...complete, code: '2.000004', fee_vnd: 'Phí thẩm định:' },
    ];
    const { procedures, errors } = parseCatalogueCsv(csv(rows));
    expect(errors).toEqual([]);
    expect(procedures.map((p) => p.fees)).toEqual([
      [{ name: 'Phí, lệ phí', amount: 50000 }],
      [
        { name: 'Lệ phí đăng ký', amount: 50000 },
        { name: 'Phí công bố', amount: 100000 },
      ],
      [{ name: 'Phí, lệ phí', amount: 1000000 }],
      [{ name: 'Phí thẩm định', amount: null }],
    ]);
    expect(totalKnownFee(procedures[1]!)).toBe(150000);
    expect(procedures.map(hasUnknownFee)).toEqual([false, false, false, true]);
  });

  it('reads processing time in days, half days and hours', () => {
    const rows: Row[] = [
      { ...complete, code: '2.000001', processing_days: '5 ngày làm việc' },
      { ...complete, code: '2.000002', processing_days: '0,5' },
      { ...complete, code: '2.000003', processing_days: '4 giờ' },
    ];
    const { procedures } = parseCatalogueCsv(csv(rows));
    expect(procedures.map((p) => [p.processingDays, p.processingHours])).toEqual([
      [5, undefined],
      [0.5, undefined],
      [null, 4],
    ]);
    expect(procedures[2]?.incomplete).toEqual([]);
  });

  it('keeps documents whose names contain parentheses, counts from the trailing group', () => {
    const documents = 'Biên lai (bản chính hoặc bản sao có chứng thực) đối với phương tiện (bản chính 1, bản sao 1) | ' + 'Bản vẽ (bản chính, bản sao có … (bản chính 1, bản sao 0)';
    const { procedures } = parseCatalogueCsv(csv([{ ...complete, documents }]));
    expect(procedures[0]?.documents).toEqual([
      { name: 'Biên lai (bản chính hoặc bản sao có chứng thực) đối với phương tiện', originals: 1, copies: 1 },
      { name: 'Bản vẽ (bản chính, bản sao có …', originals: 1, copies: 0 },
    ]);
  });

  it('keeps a document without counts as unknown counts, and a parenthesised entry as a note', () => {
    const documents = 'Giấy đề nghị (bản chính 1, bản sao 0) | Giấy tờ xác định mục đích (số lượng: đoạn trích bị cắt) | (các thành phần còn lại: đoạn trích bị cắt)';
    const p = parseCatalogueCsv(csv([{ ...complete, documents }])).procedures[0]!;
    expect(p.documents).toEqual([
      { name: 'Giấy đề nghị', originals: 1, copies: 0 },
      { name: 'Giấy tờ xác định mục đích (số lượng: đoạn trích bị cắt)', originals: null, copies: null },
    ]);
    expect(p.documentNotes).toEqual(['(các thành phần còn lại: đoạn trích bị cắt)']);
    expect(p.incomplete).toEqual(['Thành phần hồ sơ', 'Số bản chính, bản sao của thành phần hồ sơ']);
  });

  it('reads the optional collection_methods and form_version columns, else the options', () => {
    const rows: Row[] = [
      { ...complete, code: '2.000001', collection_methods: 'Trực tiếp, Trực tuyến', form_version: '2018' },
      { ...complete, code: '2.000002' },
    ];
    const { procedures, errors } = parseCatalogueCsv(csv(rows, ['collection_methods', 'form_version']), {
      formVersion: '2018',
      collectionMethods: ['desk'],
      demo: true,
    });
    expect(errors).toEqual([]);
    expect(procedures.map((p) => [p.collectionMethods, p.formVersion, p.demo])).toEqual([
      [['desk', 'online'], '2018', true],
      [['desk'], '2018', true],
    ]);
  });

  it('matches header columns by name in any order and ignores unknown ones', () => {
    const rows = [
      ['ghi_chu', 'name', 'CODE', 'source', 'documents', 'fee_note', 'fee_vnd', 'processing_days', 'agency', 'field'],
      ['x', 'Cấp thẻ', '1.000426', 's', '', '', '0', '5', 'Sở Tư pháp', 'Tư vấn pháp luật'],
    ];
    const { procedures, errors } = parseCatalogueRows(rows);
    expect(errors).toEqual([]);
    expect(procedures[0]).toMatchObject({ code: '1.000426', name: 'Cấp thẻ', processingDays: 5, departmentId: 'so-tu-phap' });
  });

  it('normalises decomposed Vietnamese text to NFC', () => {
    const { procedures } = parseCatalogueCsv(csv([{ ...complete, name: 'Cấp thẻ'.normalize('NFD') }]));
    expect(procedures[0]?.name).toBe('Cấp thẻ');
  });
});

describe('parseCatalogueCsv: errors', () => {
  it('reports a non-numeric processing_days with the row number and imports the other rows', () => {
    const rows: Row[] = [
      { ...complete, code: '2.000001' },
      { ...complete, code: '2.000002', processing_days: 'abc' },
      { ...complete, code: '2.000003' },
    ];
    const { procedures, errors } = parseCatalogueCsv(csv(rows));
    expect(procedures.map((p) => p.code)).toEqual(['2.000001', '2.000003']);
    expect(errors).toEqual([{ row: 3, column: 'processing_days', message: "Dòng 3, cột processing_days: 'abc' không phải là số ngày làm việc." }]);
  });

  it('reports every real error of the file, one row each', () => {
    const rows: Row[] = [
      { ...complete, code: '' },
      { ...complete, code: '2.000002', name: ' ' },
      { ...complete, code: '2.000003', fee_vnd: '-50000' },
      { ...complete, code: '2.000004', fee_vnd: 'năm mươi nghìn' },
      { ...complete, code: '2.000005', processing_days: '-3' },
      { ...complete, code: 'abc' },
      { ...complete, code: '2.000007', documents: 'Đơn (bản chính x, bản sao 1)' },
      { ...complete, code: '2.000008', collection_methods: 'bồ câu' },
      { ...complete, code: '2.000009', form_version: '2020' },
      { ...complete, code: '2.000010' },
      { ...complete, code: '2.000010.000.00.00.H41' },
    ];
    const { procedures, errors } = parseCatalogueCsv(csv(rows, ['collection_methods', 'form_version']));
    expect(procedures.map((p) => p.code)).toEqual(['2.000010']);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'code'],
      [3, 'name'],
      [4, 'fee_vnd'],
      [5, 'fee_vnd'],
      [6, 'processing_days'],
      [7, 'code'],
      [8, 'documents'],
      [9, 'collection_methods'],
      [10, 'form_version'],
      [12, 'code'],
    ]);
    for (const e of errors) expect(e.message).toMatch(new RegExp(`^Dòng ${e.row}, cột ${e.column}: `));
    expect(errors[2]?.message).toContain('không được âm');
    expect(errors[9]?.message).toBe('Dòng 12, cột code: mã thủ tục 2.000010 trùng với dòng 11; mỗi thủ tục chỉ khai một dòng.');
  });

  it('reports several errors of one row together', () => {
    const { errors } = parseCatalogueCsv(csv([{ ...complete, name: '', processing_days: 'x', fee_vnd: '-1' }]));
    expect(errors.map((e) => e.column)).toEqual(['name', 'processing_days', 'fee_vnd']);
  });

  it('rejects a header without the required columns and imports nothing', () => {
    const { procedures, errors } = parseCatalogueCsv('code,name\n1.012790,Đính chính\n');
    expect(procedures).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.row).toBe(1);
    expect(errors[0]?.message).toContain('thiếu cột field, agency, processing_days');
  });

  it('keeps row numbers of the sheet across blank rows and multi-line cells', () => {
    const text =
      csv([{ ...complete, code: '2.000001', fee_note: 'dòng 1\ndòng 2' }]) +
      '\r\n' +
      csv([{ ...complete, code: '2.000003', processing_days: 'abc' }])
        .split('\r\n')
        .slice(1)
        .join('\r\n');
    const { procedures, errors } = parseCatalogueCsv(text);
    expect(procedures).toHaveLength(1);
    expect(errors[0]?.row).toBe(4);
  });

  it('adds an unclosed quote as an error after importing the rows before it', () => {
    const text = csv([complete]) + '2.000002,"Tên không đóng\n';
    const { procedures, errors } = parseCatalogueCsv(text);
    expect(procedures).toHaveLength(1);
    expect(errors).toEqual([{ row: 3, message: expect.stringContaining('Dòng 3') }]);
  });
});
