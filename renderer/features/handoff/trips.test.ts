import { describe, expect, test } from 'vitest';
import type { HandoffBatch } from './batch';
import { monthLabel, tripsReport } from './trips';

const batch = (over: Partial<HandoffBatch>): HandoffBatch => ({
  id: 'BG-260112-07-01',
  direction: 'toDepartment',
  departmentId: 'so-xay-dung',
  courierName: 'Phạm Văn Tư',
  sealNumber: '',
  counterId: 'quay-7',
  officerId: 'o',
  openedAt: '2026-01-12T01:00:00.000Z',
  closedAt: '2026-01-12T02:00:00.000Z',
  dossierIds: ['a', 'b'],
  state: 'closed',
  refusals: [],
  ...over,
});

const names = (id: string) => ({ 'so-xay-dung': 'Sở Xây dựng', 'so-tai-chinh': 'Sở Tài chính' })[id] ?? id;

describe('trips report', () => {
  test('counts trips and dossiers per month (Vietnam time) and department, both directions; open batches have not travelled', () => {
    const rows = tripsReport(
      [
        batch({}),
        batch({ state: 'delivered', dossierIds: ['c'] }),
        batch({ direction: 'toCenter', dossierIds: ['a'] }),
        batch({ departmentId: 'so-tai-chinh', dossierIds: ['x', 'y', 'z'] }),
        // 31/01 23:30 UTC is 01/02 in Vietnam.
        batch({ closedAt: '2026-01-31T17:30:00.000Z', dossierIds: ['d'] }),
        batch({ state: 'open', closedAt: undefined }),
      ],
      names,
    );
    expect(rows).toEqual([
      { month: '2026-02', departmentId: 'so-xay-dung', departmentName: 'Sở Xây dựng', outboundTrips: 1, outboundDossiers: 1, inboundTrips: 0, inboundDossiers: 0 },
      { month: '2026-01', departmentId: 'so-tai-chinh', departmentName: 'Sở Tài chính', outboundTrips: 1, outboundDossiers: 3, inboundTrips: 0, inboundDossiers: 0 },
      { month: '2026-01', departmentId: 'so-xay-dung', departmentName: 'Sở Xây dựng', outboundTrips: 2, outboundDossiers: 3, inboundTrips: 1, inboundDossiers: 1 },
    ]);
    expect(monthLabel('2026-02')).toBe('02/2026');
  });
});
