import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe';
import { fixtureUuid, makeEvent, plausibleEvent, sampleJourney, sampleReceived } from './fixtures';
import { STATUS_LABELS } from './labels';
import { DOSSIER_EVENT_TYPES, DOSSIER_STATUSES } from './types';

describe('describeEvent', () => {
  it('writes one Vietnamese line for every event type', () => {
    for (const type of DOSSIER_EVENT_TYPES) {
      const line = describeEvent(plausibleEvent(type, undefined, undefined, { seed: 1 }));
      expect(line, type).not.toMatch(/\n|undefined|NaN|\[object/);
      expect(line.length, type).toBeGreaterThan(20);
    }
  });

  it('names the department, the batch and times in Vietnam time', () => {
    const events = sampleJourney(0);
    const names = (id: string) => (id === 'so-xay-dung' ? 'Sở Xây dựng' : undefined);
    expect(events.map((e) => describeEvent(e, { departmentName: names }))).toEqual([
      'Tiếp nhận hồ sơ 000.00.15.H41-260112-0001: Cấp giấy phép xây dựng nhà ở riêng lẻ; chuyển Sở Xây dựng; hẹn trả 17:00 26/01/2026.',
      'Thu phí, lệ phí “Lệ phí cấp giấy phép xây dựng”: 75.000 đồng (tiền mặt), biên lai mẫu EBL02, ký hiệu 26TAA, số 00000001.',
      'Bàn giao cho bưu điện (Trần Văn Bình), lô BG-260112-000, chuyển đến Sở Xây dựng.',
      'Bưu điện giao hồ sơ đến cơ quan giải quyết lúc 08:30 13/01/2026, lô BG-260112-000.',
      'Cơ quan giải quyết gửi kết quả giải quyết về Trung tâm, lô BG-260120-000.',
      'Trung tâm nhận kết quả giải quyết từ bưu điện, lô BG-260120-000.',
      'Trả kết quả tại quầy cho Nguyễn Thị Hương lúc 10:02 22/01/2026.',
    ]);
  });

  it('spells out refusals, supplements and payments', () => {
    const refusal = makeEvent('refused', { by: 'department', reasons: ['Không phù hợp quy hoạch', 'Thiếu ý kiến PCCC'] });
    expect(describeEvent(refusal)).toBe('Cơ quan giải quyết từ chối giải quyết hồ sơ. Lý do: Không phù hợp quy hoạch; Thiếu ý kiến PCCC.');
    const fee = makeEvent('feeCollected', { receipt: { formSymbol: 'EBL01', series: '26TAB', number: 1234 }, amount: 1_250_000, method: 'transfer', feeName: 'Phí thẩm định' });
    expect(describeEvent(fee)).toContain('1.250.000 đồng (chuyển khoản)');
    const post = makeEvent('returned', {
      method: 'post',
      recipient: { name: 'Lê Văn Tám', authorised: true, authorisationNote: 'Giấy ủy quyền số 12' },
      postalItemNumber: 'RR123456785VN',
      at: '2026-01-22T03:00:00.000Z',
    });
    expect(describeEvent(post)).toBe('Gửi trả kết quả qua bưu điện cho Lê Văn Tám (người được ủy quyền), số hiệu bưu gửi RR123456785VN, lúc 10:00 22/01/2026.');
  });
});

describe('STATUS_LABELS', () => {
  it('labels every status in Vietnamese, each differently', () => {
    const labels = DOSSIER_STATUSES.map((s) => STATUS_LABELS[s]);
    expect(new Set(labels).size).toBe(DOSSIER_STATUSES.length);
    expect(STATUS_LABELS.resultReady).toBe('Đã có kết quả, chờ trả');
    expect(STATUS_LABELS.withCourier).toBe('Đang chuyển đến cơ quan giải quyết');
  });
});

describe('fixtures', () => {
  it('derive ids from the seed, and only from it', () => {
    expect(fixtureUuid(5, 1)).toBe(fixtureUuid(5, 1));
    expect(fixtureUuid(5, 1)).not.toBe(fixtureUuid(6, 1));
    expect(fixtureUuid(5, 1)).not.toBe(fixtureUuid(5, 2));
    expect(fixtureUuid(5, 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => fixtureUuid(i, 1)));
    expect(ids.size).toBe(5000);
    expect(sampleReceived({ seed: 3 })).toEqual(sampleReceived({ seed: 3 }));
    expect(sampleReceived({ seed: 3 }).payload.code).toBe('000.00.15.H41-260112-0004');
    expect(sampleReceived({ procedureName: 'Khác', officerId: 'cb-9' })).toMatchObject({ officerId: 'cb-9', payload: { procedureName: 'Khác' } });
    expect(makeEvent('withdrawn', { reason: '', requestedBy: 'A' }).id).not.toBe(makeEvent('withdrawn', { reason: '', requestedBy: 'A' }).id);
  });
});
