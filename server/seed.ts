// Demo data for `npm run server -- --demo`: the demo catalogue and a demo administrator and officers.
import { readFileSync } from 'node:fs';
import { parseCatalogueCsv } from '../shared/catalogue';
import type { StaffRole } from '../shared/sync/protocol';
import { upsertCatalogueItem } from './routes/catalogue';
import { createStaff } from './routes/staff';
import type { Db } from './db';
import { ApiError } from './errors';

export const DEMO_STAFF: { username: string; fullName: string; roles: StaffRole[]; password: string }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['administrator', 'supervisor'], password: 'quantri-demo' },
  { username: 'tiepnhan1', fullName: 'Nguyễn Thị Lan', roles: ['receiving', 'handoff'], password: 'tiepnhan-demo' },
  { username: 'trakq1', fullName: 'Trần Văn Hùng', roles: ['returnDesk', 'handoff'], password: 'trakq-demo' },
  { username: 'giamsat', fullName: 'Lê Minh Châu', roles: ['supervisor'], password: 'giamsat-demo' },
];

function keyOf(item: unknown): string {
  const o = item as { code?: unknown; id?: unknown };
  return String(o.code ?? o.id);
}

/** Not a real unit's: a deployment sets its own in the catalogue setting `receive`. */
export const DEMO_UNIT_TAX_CODE = '2900000000';

export async function seedDemo(db: Db, csvPath: string): Promise<{ staff: number; procedures: number; departments: number }> {
  let staff = 0;
  for (const s of DEMO_STAFF) {
    try {
      await createStaff(db, s);
      staff++;
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'ALREADY_EXISTS')) throw err;
    }
  }
  const parsed = parseCatalogueCsv(readFileSync(csvPath, 'utf8'));
  for (const d of parsed.departments) await upsertCatalogueItem(db, 'department', keyOf(d), d, 'demo');
  for (const p of parsed.procedures) await upsertCatalogueItem(db, 'procedure', keyOf(p), p, 'demo');
  // A counter refuses to issue a fee receipt without the unit's tax code; the demo Center has a made-up
  // one, written only once so a restart never undoes what an administrator set since.
  const { rows } = await db.query(`SELECT 1 FROM catalogue_items WHERE kind = 'setting' AND key = 'receive' AND center_id IS NULL`);
  if (rows.length === 0) await upsertCatalogueItem(db, 'setting', 'receive', { unitTaxCode: DEMO_UNIT_TAX_CODE }, 'demo');
  return { staff, procedures: parsed.procedures.length, departments: parsed.departments.length };
}
