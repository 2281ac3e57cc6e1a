import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogueCsv, parseCatalogueRows } from '../../../../shared/catalogue';
import { draftOf, draftRows, EMPTY_DRAFT, errorsByColumn } from './procedureDraft';

const demo = parseCatalogueCsv(readFileSync(new URL('../../../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8')).procedures;

describe('procedure draft', () => {
  it('gives every demo procedure back unchanged when saved without an edit', () => {
    for (const p of demo) {
      const again = parseCatalogueRows(draftRows(draftOf(p)));
      expect(again.errors).toEqual([]);
      expect(again.procedures).toEqual([p]);
    }
  });

  it('writes fee lines, unknown amounts, documents with and without counts, receiving levels', () => {
    const rows = draftRows({
      ...EMPTY_DRAFT,
      receivingLevels: ['commune'],
      code: '1.000123',
      name: 'Thủ tục thử',
      processingTime: '4 giờ',
      fees: [
        { name: 'Lệ phí', amount: '50.000' },
        { name: 'Phí thẩm định', amount: '' },
      ],
      documents: [
        { name: 'Tờ khai', originals: '1', copies: '0' },
        { name: 'Giấy ủy quyền (nếu có)', originals: '', copies: '' },
        { name: '  ', originals: '1', copies: '1' },
      ],
    });
    const { procedures, errors } = parseCatalogueRows(rows);
    expect(errors).toEqual([]);
    expect(procedures[0]).toMatchObject({
      processingDays: null,
      processingHours: 4,
      receivingLevels: ['commune'],
      fees: [
        { name: 'Lệ phí', amount: 50000 },
        { name: 'Phí thẩm định', amount: null },
      ],
      documents: [
        { name: 'Tờ khai', originals: 1, copies: 0 },
        { name: 'Giấy ủy quyền (nếu có)', originals: null, copies: null },
      ],
    });
  });

  it('puts each row error under its field, without the file’s row and column', () => {
    const { errors } = parseCatalogueRows(draftRows({ ...EMPTY_DRAFT, code: '1.2', name: '', processingTime: 'mười' }));
    expect(errorsByColumn(errors)).toEqual({
      code: "'1.2' không phải là mã thủ tục hành chính (dạng 1.012790 hoặc 1.012790.000.00.00.H41).",
      name: 'thiếu tên thủ tục.',
      processing_days: "'mười' không phải là số ngày làm việc.",
    });
  });
});
