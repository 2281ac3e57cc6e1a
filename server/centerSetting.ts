// The province's catalogue settings as the server itself reads them: the body an administrator
// stored (Quản trị), e.g. `receive`, the Center's configuration the counters print from. The status
// page and the notices take the Center's public facts from it, the environment being the fallback
// a deployment set before the screens existed.
import type { CenterConfig } from './config';
import type { Queryable } from './db';

/** The province-wide setting `key` as stored (not deleted), or undefined. */
export async function provinceSetting(db: Queryable, key: string): Promise<{ body: unknown; version: number } | undefined> {
  const { rows } = await db.query<{ body: unknown; version: number }>("SELECT body, version FROM catalogue_items WHERE kind = 'setting' AND key = $1 AND center_id IS NULL AND NOT deleted", [key]);
  return rows[0] ? { body: rows[0].body, version: Number(rows[0].version) } : undefined;
}

/** A text field of the Center's configuration (setting `receive`), or undefined when absent or empty. */
export async function receiveText(db: Queryable, field: string): Promise<string | undefined> {
  const body = (await provinceSetting(db, 'receive'))?.body;
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The configured Center with the opening hours and hotline set in Quản trị › Trung tâm over the environment's (CENTER_OPENING_HOURS, CENTER_HOTLINE). */
export async function centerWithSettings(db: Queryable, center: CenterConfig): Promise<CenterConfig> {
  const [openingHours, hotline] = await Promise.all([receiveText(db, 'openingHours'), receiveText(db, 'hotline')]);
  return { ...center, ...(openingHours ? { openingHours } : {}), ...(hotline ? { hotline } : {}) };
}
