// How long a counter keeps returned dossiers: the Center's setting and its bounds, apart from the
// pruning itself (retention.ts) so the administration pages check them without the local database.
import type { CatalogueRow } from './schema';

export const DEFAULT_RETENTION_MONTHS = 6;
export const MIN_RETENTION_MONTHS = 1;
/** Ten years: longer would let a counter's database grow without bound; treated as a mistake. */
export const MAX_RETENTION_MONTHS = 120;
/** The Center sets the months (Quản trị › Trung tâm) as catalogue setting `retentionMonths`, `{ months: n }`. */
export const RETENTION_SETTING_ID = 'setting:retentionMonths';

/** The months the setting row says, or the default when it is absent or out of bounds. */
export function retentionMonths(row: Pick<CatalogueRow, 'body'> | undefined): number {
  const raw = (row?.body as { months?: unknown } | null | undefined)?.months;
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= MIN_RETENTION_MONTHS && raw <= MAX_RETENTION_MONTHS ? raw : DEFAULT_RETENTION_MONTHS;
}
