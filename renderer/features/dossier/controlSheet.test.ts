import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../../shared/calendar';
import { MotCuaDb } from '../../db';
import { DEFAULT_CENTER_CONFIG } from '../../desk/config';
import { seedDossier } from '../../testing/desk';
import { controlSheetFor, controlSheetRows } from './controlSheet';
import { loadDossierTrail } from './history';

describe('the control sheet (Mẫu 05) from events', () => {
  it('has one row per handover, judges the result’s arrival against the legal deadline, and names the recipient', async () => {
    const db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const due = fromVnLocal(2026, 3, 13, 17, 0).toISOString();
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0051', dueAt: due, stage: 'returned', resultAt: fromVnLocal(2026, 3, 16, 9, 0).toISOString() });
    const state = (await db.dossiers.get(id))!.state;
    const { events } = await loadDossierTrail(db, id);
    const rows = controlSheetRows(events, state, (d) => (d === 'STP' ? 'Sở Tư pháp' : undefined));
    expect(rows.map((r) => [r.fromUnit, r.toUnit, r.timing])).toEqual([
      ['Trung tâm Phục vụ Hành chính công', 'Bưu điện (Bưu điện Vinh)', undefined],
      ['Bưu điện', 'Sở Tư pháp', undefined],
      ['Bưu điện', 'Trung tâm Phục vụ Hành chính công', 'late'],
      ['Trung tâm Phục vụ Hành chính công', 'Nguyễn Văn Bình', undefined],
    ]);
    const doc = controlSheetFor(state, events, { agency: DEFAULT_CENTER_CONFIG.agency, formSet: '2018', departmentName: () => 'Sở Tư pháp' });
    expect(doc?.kind).toBe('controlSheet');
    const table = doc?.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[3])).toEqual(['', '', 'Quá hạn', '']);
  });
});
