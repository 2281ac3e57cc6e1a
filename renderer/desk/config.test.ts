import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CenterInfo } from '../../shared/sync/protocol';
import { MotCuaDb } from '../db/schema';
import { buildDeskCatalogue } from './catalogue';
import { buildCenterConfig, DEFAULT_CENTER_CONFIG, loadCenterConfig, mergeCenterConfig, ownCenterOf, receiptSeriesFor, receiptSetupProblem, receiptUnitOf, transferAccountOf } from './config';
import { documentShortfall, tickDocument, type DocumentLine } from '../features/receive/form';
import { PROVINCIAL_RECEIVE } from '../testing/centers';
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

describe('a center’s configuration: its own name and address by default', () => {
  const PROVINCE_RECEIVE = {
    ...PROVINCIAL_RECEIVE,
    hotline: '0238 3 555 666',
    unitTaxCode: '2900325242',
    receiptSeries: '{yy}TAA',
  };
  const PROVINCIAL: CenterInfo = { id: '', agencyCode: '000.00.15.H41', name: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An', level: 'tinh', province: 'H41' };
  const DIEN_CHAU: CenterInfo = {
    id: 'XA-A',
    agencyCode: '000.22.41.H41',
    name: 'Trung tâm Phục vụ hành chính công xã Diễn Châu',
    address: 'Khối 2, xã Diễn Châu, tỉnh Nghệ An',
    level: 'xa',
    province: 'H41',
    parentId: '',
  };
  const CENTERS = [PROVINCIAL, DIEN_CHAU, { id: 'XA-B', agencyCode: '000.23.41.H41', name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng', level: 'xa', province: 'H41' } as CenterInfo];

  it('finds the counter’s own center by the agency code it enrolled under; the configured center and a site sharing its code have none', () => {
    expect(ownCenterOf(CENTERS, '000.22.41.H41')).toBe(DIEN_CHAU);
    expect(ownCenterOf(CENTERS, '000.00.15.H41')).toBeUndefined();
    expect(ownCenterOf([...CENTERS, { id: 'site-cu', agencyCode: '000.00.15.H41', name: 'site-cu', level: 'xa', province: 'H41' }], '000.00.15.H41')).toBeUndefined();
    expect(ownCenterOf(CENTERS, '000.99.41.H41')).toBeUndefined();
  });

  it('a commune center’s counter prints under its commune: header, dateline, desk, address and unit from its row, the province’s other settings kept', () => {
    const c = buildCenterConfig({ body: { ...PROVINCE_RECEIVE, receiptSeries: '{yy}TDC' }, centerKeys: ['receiptSeries'] }, undefined, DIEN_CHAU);
    expect(c.agency).toEqual({ parent: 'UBND xã Diễn Châu', name: 'Trung tâm Phục vụ hành chính công' });
    expect(c.place).toBe('Diễn Châu');
    expect(c.deskPlace).toBe('Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công xã Diễn Châu');
    expect(c.address).toBe('Khối 2, xã Diễn Châu, tỉnh Nghệ An');
    expect(c.unitName).toBe('Trung tâm Phục vụ hành chính công xã Diễn Châu');
    expect(c.hotline).toBe('0238 3 555 666');
    expect(c.receiptSeries).toBe('{yy}TDC');
    // Fees are still collected under the provincial Center's tax code, so the receipt names that unit with it.
    expect(receiptUnitOf(c)).toBe('Trung tâm Phục vụ Hành chính công tỉnh Nghệ An');
    expect(receiptSetupProblem(c, 2026)).toBeUndefined();
    // The same counter before its center had a row (or at the configured center): the province's, as before.
    expect(buildCenterConfig({ body: PROVINCE_RECEIVE }, undefined, undefined)).toEqual(mergeCenterConfig(PROVINCE_RECEIVE));
  });

  it('explicit settings still win: the center’s own item, then the machine’s; a center without an address prints none of the province’s', () => {
    const own = buildCenterConfig(
      { body: { ...PROVINCE_RECEIVE, agency: { parent: 'UBND XÃ DIỄN CHÂU', name: 'TRUNG TÂM PHỤC VỤ HCC XÃ' }, unitTaxCode: '2900325242-001' }, centerKeys: ['agency', 'unitTaxCode'] },
      { place: 'Diễn Châu, Nghệ An' },
      DIEN_CHAU,
    );
    expect(own.agency).toEqual({ parent: 'UBND XÃ DIỄN CHÂU', name: 'TRUNG TÂM PHỤC VỤ HCC XÃ' });
    expect(own.place).toBe('Diễn Châu, Nghệ An');
    // Its own tax code: the receipt names its own unit.
    expect(receiptUnitOf(own)).toBe('Trung tâm Phục vụ hành chính công xã Diễn Châu');
    const noAddress = buildCenterConfig({ body: PROVINCE_RECEIVE }, undefined, { ...DIEN_CHAU, address: undefined });
    expect(noAddress.address).toBeUndefined();
    // A center named otherwise stays under the province's committee and dateline.
    const other = buildCenterConfig({ body: PROVINCE_RECEIVE }, undefined, { ...DIEN_CHAU, name: 'Chi nhánh Trung tâm tại Vinh' });
    expect(other.agency).toEqual({ parent: 'UBND TỈNH NGHỆ AN', name: 'Chi nhánh Trung tâm tại Vinh' });
    expect(other.place).toBe('Nghệ An');
  });

  it('loadCenterConfig reads the counter’s center from the catalogue it synced', async () => {
    const db = new MotCuaDb(`config-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.catalogue.bulkPut([
      { id: 'setting:receive', kind: 'setting', key: 'receive', body: PROVINCE_RECEIVE, version: 3 },
      ...CENTERS.map((c, i) => ({ id: `center:${c.id}`, kind: 'center' as const, key: c.id, body: c, version: 4 + i })),
    ]);
    expect((await loadCenterConfig(db, DIEN_CHAU.agencyCode)).agency).toEqual({ parent: 'UBND xã Diễn Châu', name: 'Trung tâm Phục vụ hành chính công' });
    expect((await loadCenterConfig(db, '000.23.41.H41')).place).toBe('Vinh Hưng');
    expect(await loadCenterConfig(db, PROVINCIAL.agencyCode)).toEqual(mergeCenterConfig(PROVINCE_RECEIVE));
    db.close();
  });
});
