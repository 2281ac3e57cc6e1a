import { describe, expect, it } from 'vitest';
import { buildDeskCatalogue } from './catalogue';
import { DEFAULT_CENTER_CONFIG, mergeCenterConfig, receiptSeriesFor, receiptSetupProblem, transferAccountOf } from './config';
import { documentShortfall, tickDocument, type DocumentLine } from '../features/receive/form';
import { LICENCE_PROCEDURE } from '../testing/receive';

describe('receive configuration', () => {
  it('layers central then local settings over the defaults, ignoring values of the wrong type', () => {
    const c = mergeCenterConfig(
      { unitTaxCode: '2900325242', slipCopies: 3, formSet: '2019' },
      { slipCopies: 'hai', receiptSeries: '{yy}TAB', statusPageUrl: 'https://dichvucong.nghean.gov.vn/tra-cuu' },
    );
    expect(c).toMatchObject({ unitTaxCode: '2900325242', slipCopies: 3, formSet: DEFAULT_CENTER_CONFIG.formSet, receiptSeries: '{yy}TAB', statusPageUrl: 'https://dichvucong.nghean.gov.vn/tra-cuu' });
    expect(receiptSeriesFor(c, 2027)).toBe('27TAB');
  });

  it('takes the fee account for VietQR when set and valid, and says in Vietnamese why there is no QR otherwise', () => {
    const account = { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC TINH NGHE AN' };
    expect(transferAccountOf(mergeCenterConfig({ bankAccount: account }))).toEqual({ ok: true, account });
    const unset = transferAccountOf(mergeCenterConfig({ bankAccount: { bin: 970415 } }));
    expect(unset.ok ? '' : unset.message).toContain('chưa khai báo tài khoản nhận phí');
    const badBin = transferAccountOf(mergeCenterConfig({}, { bankAccount: { ...account, bin: '9704' } }));
    expect(badBin.ok ? '' : badBin.message).toContain('6 chữ số');
    const badNumber = transferAccountOf(mergeCenterConfig({ bankAccount: { ...account, accountNumber: '1133.6666.8888' } }));
    expect(badNumber.ok ? '' : badNumber.message).toContain('tối đa 19 ký tự');
  });
});

describe('catalogue for the counter', () => {
  it('builds the calendar from holiday and swapped-day rows keyed by date', () => {
    const cat = buildDeskCatalogue([
      { id: 'procedure:3.000348', kind: 'procedure', key: '3.000348', body: LICENCE_PROCEDURE, version: 1 },
      { id: 'holiday:2026-03-13', kind: 'holiday', key: '2026-03-13', body: { name: 'Nghỉ bù' }, version: 2 },
      { id: 'workingDaySwap:2026-03-14', kind: 'workingDaySwap', key: '2026-03-14', body: { name: 'Làm bù' }, version: 3 },
    ]);
    expect(cat.index.search('cap lai giay phep lai xe')[0]?.procedure.code).toBe('3.000348');
    expect(cat.calendar.isWorkingDateKey('2026-03-13')).toBe(false);
    expect(cat.calendar.isWorkingDateKey('2026-03-14')).toBe(true);
  });
});

describe('document checklist', () => {
  const line: DocumentLine = { name: 'Bản sao GPLX', requiredOriginals: 1, requiredCopies: 2, received: false, originals: 0, certifiedCopies: 0, copies: 0 };
  it('says what is short, counting certified copies as copies', () => {
    expect(documentShortfall(line)).toBe('Chưa nộp');
    expect(documentShortfall(tickDocument(line, true))).toBeUndefined();
    expect(documentShortfall({ ...tickDocument(line, true), originals: 0, copies: 0, certifiedCopies: 1 })).toBe('thiếu 1 bản chính, thiếu 1 bản sao');
  });
});

describe('receiptSetupProblem: no receipt until the unit, its tax code, the form symbol and the series are set', () => {
  const set = { ...DEFAULT_CENTER_CONFIG, unitTaxCode: '2900000000' };
  it('names everything missing at once, and says where the administrator sets it', () => {
    const problem = receiptSetupProblem({ ...set, unitTaxCode: '', receiptFormSymbol: ' ', receiptSeries: '' }, 2026);
    expect(problem).toContain('chưa khai báo mã số thuế của đơn vị thu, ký hiệu mẫu biên lai, ký hiệu biên lai năm 2026');
    expect(problem).toContain('Quản trị › Biên lai');
    expect(receiptSetupProblem({ ...set, unitName: '' }, 2026)).toContain('chưa khai báo tên đơn vị thu,');
  });
  it('refuses a malformed tax code, and accepts a complete configuration', () => {
    expect(receiptSetupProblem({ ...set, unitTaxCode: '29000' }, 2026)).toContain('không hợp lệ');
    expect(receiptSetupProblem(set, 2026)).toBeUndefined();
  });
});
