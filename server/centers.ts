// The centers of the province on this server (migration 012): the provincial Center and the commune
// centers, each with its agency code, counters, staff and center-scoped catalogue items. The center
// '' is the one a single-center deployment always had; its code, name and address come from the
// configuration (CENTER_AGENCY_CODE, CENTER_NAME, CENTER_ADDRESS) at every start.
import { provinceOfAgencyCode } from '../shared/codes';
import type { CenterInfo, CenterLevel } from '../shared/sync/protocol';
import type { CenterConfig } from './config';
import type { Db, Queryable } from './db';

/** The center every counter and dossier is in until an administrator adds others. */
export const DEFAULT_CENTER_ID = '';

export interface CenterRow {
  id: string;
  agency_code: string | null;
  name: string;
  address: string | null;
  level: CenterLevel;
  province: string;
  parent_id: string | null;
  version: number;
}

export const CENTER_COLUMNS = 'id, agency_code, name, address, level, province, parent_id, version';

/** The province's letters of an agency code (`000.00.15.H41` → `H41`), '' when it has none. */
export function provinceOfAgency(agencyCode: string): string {
  return provinceOfAgencyCode(agencyCode) ?? '';
}

/** Writes the configured default center over the row migration 012 made, as every start does. */
export async function applyDefaultCenter(db: Queryable, center: CenterConfig): Promise<void> {
  await db.query(
    `UPDATE centers SET agency_code = $1, name = $2, address = $3, level = 'tinh', province = $4, version = nextval('catalogue_version_seq')
     WHERE id = $5 AND (agency_code IS DISTINCT FROM $1 OR name <> $2 OR address IS DISTINCT FROM $3 OR province <> $4 OR level <> 'tinh')`,
    [center.agencyCode, center.centerName, center.address ?? null, provinceOfAgency(center.agencyCode), DEFAULT_CENTER_ID],
  );
}

/** What a counter and the province's view know of a center; a center made before 012 without its own code issues the default center's. */
export function centerInfo(row: CenterRow, defaultAgencyCode: string): CenterInfo {
  return {
    id: row.id,
    agencyCode: row.agency_code ?? defaultAgencyCode,
    name: row.name,
    ...(row.address ? { address: row.address } : {}),
    level: row.level,
    province: row.province,
    ...(row.parent_id !== null ? { parentId: row.parent_id } : {}),
  };
}

/**
 * The centers as the push check and enrolment read them: kept for a few seconds rather than read on
 * every push; an administrator's change forgets them at once (as auth.ts keeps devices).
 */
export class CenterDirectory {
  private cached: { rows: CenterRow[]; until: number } | undefined;
  private defaultApplied = false;

  constructor(
    private readonly db: Db,
    private readonly defaultCenter: CenterConfig,
  ) {}

  private get defaultAgencyCode(): string {
    return this.defaultCenter.agencyCode;
  }

  /** The first read writes the configured default center (so routes through it resolve, and reports name it). */
  async all(): Promise<CenterRow[]> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.rows;
    if (!this.defaultApplied) {
      await applyDefaultCenter(this.db, this.defaultCenter);
      this.defaultApplied = true;
    }
    const { rows } = await this.db.query<CenterRow>(`SELECT ${CENTER_COLUMNS} FROM centers ORDER BY level, name`);
    this.cached = { rows, until: Date.now() + 10_000 };
    return rows;
  }

  forget(): void {
    this.cached = undefined;
  }

  async byId(id: string): Promise<CenterRow | undefined> {
    return (await this.all()).find((c) => c.id === id);
  }

  /** The agency code a counter of this center issues its dossier codes under. */
  async agencyCodeOf(id: string): Promise<string> {
    return (await this.byId(id))?.agency_code ?? this.defaultAgencyCode;
  }

  /** Every agency code of the province on this server: a dossier code of any of them is accepted. */
  async agencyCodes(): Promise<Set<string>> {
    return new Set((await this.all()).map((c) => c.agency_code ?? this.defaultAgencyCode));
  }

  async info(): Promise<CenterInfo[]> {
    return (await this.all()).map((c) => centerInfo(c, this.defaultAgencyCode));
  }
}
